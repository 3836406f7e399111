import type { ProductInput } from "../../core/products/validate-product.ts";
import { addProduct } from "../products/register-product.ts";
import { productColumns } from "./column-sets.ts";
import { CellReader } from "./import-columns.ts";
import { errorsOfRow, type ImportKind, type KindContext, shapeErrors } from "./import-kind.ts";

/** A row is one product, registered as POST /v1/products registers it (same checks, same audit row). */
export function productRows(env: KindContext): ImportKind {
  return {
    columns: productColumns,
    async *units(rows, party) {
      for await (const source of rows) {
        const cells = new CellReader(source);
        const input = definedOnly({
          name: cells.text("name") ?? "",
          spec: cells.text("spec"),
          unit: cells.text("unit") ?? "",
          categoryCode: cells.text("categoryCode") ?? "",
          shelfLifeDays: cells.number("shelfLifeDays"),
          gtin: cells.text("gtin"),
          description: cells.text("description"),
        }) as unknown as ProductInput;
        const errors = cells.errors.length ? cells.errors : shapeErrors(env, "product", input, source.row);
        yield {
          rows: [source.row],
          errors,
          write: async (tx) => {
            await addProduct(tx, env.ctx, party.id, input, "/row");
          },
          explain: (e) => errorsOfRow(e, source.row, "/row"),
        };
      }
    },
  };
}

/** The object a JSON body would carry: absent cells are absent members, not undefined ones. */
export function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
