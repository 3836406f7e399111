import { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import { findProductByGtin, findProductsOfPartyByName } from "../../store/product-store.ts";
import type { Db } from "../../store/schema.ts";
import { type CodeLotInput, codeLotsOf } from "../lots/code-lots.ts";
import { lotColumns } from "./column-sets.ts";
import { CellReader, type FieldRow } from "./import-columns.ts";
import { errorsOfRow, type ImportKind, type ImportUnit, type KindContext, shapeErrors } from "./import-kind.ts";
import type { RowError } from "./import-report.ts";
import { definedOnly } from "./product-rows.ts";

/**
 * A row is one lot, coded as POST /v1/lots codes it (trace code, stock, EPCIS event, audit row). A transformation
 * names its inputs as "trace code=quantity" pairs separated by ";": lots coded by earlier rows of the same file
 * can be inputs, since every row sees what the rows before it wrote.
 */
export function lotRows(env: KindContext): ImportKind {
  const batchable = new WeakMap<ImportUnit, { party: Party; source: FieldRow; column: string; input: CodeLotInput }>();
  return {
    columns: lotColumns,
    // Lots coded in runs, one codeLotsOf per run (one look-up, one multi-row insert per table). A row with inputs
    // is written alone, after the run before it: it may consume lots those rows coded.
    async writeMany(tx, units) {
      let run: { party: Party; source: FieldRow; column: string; input: CodeLotInput }[] = [];
      const flush = async () => {
        const first = run[0];
        if (!first) return;
        const products = new Map<string, string>();
        const inputs: CodeLotInput[] = [];
        for (const r of run) {
          const key = `${r.column} ${r.source.values[r.column]}`;
          let productId = products.get(key);
          if (productId === undefined) {
            productId = await productOf(tx, r.party, r.source, r.column);
            products.set(key, productId);
          }
          inputs.push({ ...r.input, productId });
        }
        await codeLotsOf(tx, env.ctx, first.party, inputs, "/row");
        run = [];
      };
      for (const unit of units) {
        const lot = batchable.get(unit);
        if (lot && !lot.input.inputs?.length) {
          run.push(lot);
          continue;
        }
        await flush();
        await unit.write(tx);
      }
      await flush();
    },
    async *units(rows, party) {
      for await (const source of rows) {
        const cells = new CellReader(source);
        const productColumn = ["productId", "productGtin", "productName"].find((c) => cells.text(c)) ?? "productId";
        const input = definedOnly({
          productId: cells.text("productId") ?? "",
          lotCode: cells.text("lotCode"),
          productionDate: cells.text("productionDate") ?? "",
          expiryDate: cells.text("expiryDate"),
          quantity: cells.number("quantity"),
          unit: cells.text("unit"),
          originRegion: cells.text("originRegion"),
          originPlace: cells.text("originPlace"),
          location: cells.text("location"),
          inputs: parseInputs(cells),
        }) as unknown as CodeLotInput;
        const errors = cells.errors.length
          ? cells.errors
          : shapeErrors(env, "lot", input, source.row, (p) =>
              p.split("/")[1] === "productId" ? productColumn : (p.split("/")[1] ?? ""),
            );
        if (!cells.text(productColumn))
          errors.push({ row: source.row, column: productColumn, reason: "name the product by id, GTIN or name" });
        const unit: ImportUnit = {
          rows: [source.row],
          errors,
          write: async (tx) => {
            const productId = await productOf(tx, party, source, productColumn);
            await codeLotsOf(tx, env.ctx, party, [{ ...input, productId }], "/row");
          },
          explain: (e) => errorsOfRow(e, source.row, "/row/0", { productId: productColumn }),
        };
        batchable.set(unit, { party, source, column: productColumn, input });
        yield unit;
      }
    },
  };
}

async function productOf(tx: Db, party: Party, source: FieldRow, column: string): Promise<string> {
  const value = source.values[column] as string;
  const pointer = "/row/0/productId";
  if (column === "productId") return value;
  if (column === "productGtin") {
    // The API keeps GTIN-14 (GenSpecs §3.3.2); GTIN-8/12/13 are the same number padded with zeros.
    const product = /^\d{8,14}$/.test(value) ? await findProductByGtin(tx, value.padStart(14, "0")) : undefined;
    if (!product) throw new AppError("not-found", `no product has the GTIN ${value}`, { pointer });
    return product.id;
  }
  const found = await findProductsOfPartyByName(tx, party.id, value);
  if (found.length === 0) throw new AppError("not-found", `this party has no product named ${value}`, { pointer });
  if (found.length > 1)
    throw new AppError("validation-failed", `this party has several products named ${value}: use productId or GTIN`, {
      pointer,
    });
  return (found[0] as { id: string }).id;
}

/** "code=qty; code=qty" → the API's inputs; the quantity follows the last "=" (a Digital Link may hold "="). */
function parseInputs(cells: CellReader): { traceCode: string; quantity: number }[] | undefined {
  const text = cells.text("inputs");
  if (text === undefined) return undefined;
  const inputs: { traceCode: string; quantity: number }[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf("=");
    const quantity = at > 0 ? Number(part.slice(at + 1).trim()) : Number.NaN;
    if (!Number.isFinite(quantity)) {
      const error: RowError = {
        row: cells.source.row,
        column: "inputs",
        reason: `'${part}' is not "trace code=quantity"`,
      };
      cells.errors.push(error);
      return undefined;
    }
    inputs.push({ traceCode: part.slice(0, at).trim(), quantity });
  }
  return inputs;
}
