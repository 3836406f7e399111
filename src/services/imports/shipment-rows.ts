import { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import { findPartyByCreditCode } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { type ShipInput, shipFrom } from "../shipments/ship-goods.ts";
import { shipmentColumns } from "./column-sets.ts";
import { CellReader, type FieldRow } from "./import-columns.ts";
import { type ImportKind, type ImportUnit, type KindContext, shapeErrors } from "./import-kind.ts";
import type { RowError } from "./import-report.ts";
import { definedOnly } from "./product-rows.ts";

const receiverFields = [
  "receiverPartyId",
  "receiverCreditCode",
  "buyerName",
  "buyerCreditCode",
  "buyerProvince",
  "consumers",
] as const;
/** The API's limit of lines per shipment (shipBody.lines maxItems). */
const maxLines = 1000;

interface Group {
  readonly reference: string | undefined;
  readonly rows: FieldRow[];
  readonly errors: RowError[];
}

/**
 * Consecutive rows with the same reference are one shipment, shipped as POST /v1/shipments ships it (voucher,
 * stock taken, EPCIS event, webhook to the receiver, audit row). A shipment is written whole or not at all, so one
 * bad line holds back its siblings, which are reported as such. A row without a reference is a shipment alone.
 */
export function shipmentRows(env: KindContext): ImportKind {
  return {
    columns: shipmentColumns,
    async *units(rows, party) {
      const started = new Map<string, number>();
      let group: Group | undefined;
      for await (const source of rows) {
        const reference = source.values.reference;
        if (group && reference !== undefined && reference === group.reference) {
          group.rows.push(source);
          if (group.rows.length > maxLines)
            group.errors.push({
              row: source.row,
              column: "reference",
              reason: `a shipment has at most ${maxLines} lines`,
            });
          continue;
        }
        if (group) yield toUnit(env, party, group);
        group = { reference, rows: [source], errors: [] };
        if (reference === undefined) continue;
        const first = started.get(reference);
        if (first !== undefined) {
          group.errors.push({
            row: source.row,
            column: "reference",
            reason: `the rows of shipment ${reference} must be together (it started at row ${first})`,
          });
        } else started.set(reference, source.row);
      }
      if (group) yield toUnit(env, party, group);
    },
  };
}

function toUnit(env: KindContext, party: Party, group: Group): ImportUnit {
  const head = group.rows[0] as FieldRow;
  const errors = [...group.errors];
  const lines = group.rows.map((source) => {
    const cells = new CellReader(source);
    const line = definedOnly({
      traceCode: cells.text("traceCode") ?? "",
      quantity: cells.number("quantity"),
      unit: cells.text("unit"),
    }) as unknown as ShipInput["lines"][number];
    errors.push(...(cells.errors.length ? cells.errors : shapeErrors(env, "shipmentLine", line, source.row)));
    for (const f of receiverFields) {
      const v = source.values[f];
      if (source !== head && v !== undefined && v !== head.values[f])
        errors.push({ row: source.row, column: f, reason: `differs from row ${head.row} of the same shipment` });
    }
    return line;
  });
  const receiver = receiverOf(env, head, errors);
  const bad = (list: RowError[]) => withSiblings(list, group);
  return {
    rows: group.rows.map((r) => r.row),
    errors: errors.length ? bad(errors) : [],
    write: async (tx) => {
      await shipFrom(tx, env.ctx, party, { receiver: await resolveReceiver(tx, receiver, head), lines }, "/s");
    },
    explain: (e) => bad(explainShipping(e, group, receiver)),
  };
}

type ReceiverCells =
  | { kind: "party"; column: "receiverPartyId" | "receiverCreditCode"; value: string }
  | { kind: "buyer"; value: { name: string; creditCode?: string; province?: string } }
  | { kind: "consumers" };

/** Exactly one receiver per shipment: a party on the platform, a buyer off it, or consumers (as in the API). */
function receiverOf(env: KindContext, head: FieldRow, errors: RowError[]): ReceiverCells {
  const v = head.values;
  const cells = new CellReader(head);
  const given: ReceiverCells[] = [];
  const partyColumn = v.receiverPartyId ? "receiverPartyId" : v.receiverCreditCode ? "receiverCreditCode" : undefined;
  if (partyColumn) given.push({ kind: "party", column: partyColumn, value: v[partyColumn] as string });
  if (v.buyerName || v.buyerCreditCode || v.buyerProvince) {
    const buyer = definedOnly({ name: v.buyerName ?? "", creditCode: v.buyerCreditCode, province: v.buyerProvince });
    given.push({ kind: "buyer", value: buyer as { name: string } });
    const named: Record<string, string> = {
      name: "buyerName",
      creditCode: "buyerCreditCode",
      province: "buyerProvince",
    };
    errors.push(
      ...shapeErrors(env, "shipmentReceiverBuyer", buyer, head.row, (p) => named[p.split("/")[1] ?? ""] ?? "buyerName"),
    );
  }
  if (cells.flag("consumers")) given.push({ kind: "consumers" });
  if (given.length !== 1 || (v.receiverPartyId && v.receiverCreditCode)) {
    errors.push({
      row: head.row,
      column: "receiver",
      reason:
        "name one receiver: receiverPartyId or receiverCreditCode (on the platform), buyerName (off it) or consumers",
    });
    return { kind: "consumers" };
  }
  const r = given[0] as ReceiverCells;
  if (r.kind === "party" && r.column === "receiverPartyId")
    errors.push(...shapeErrors(env, "shipmentReceiverParty", { partyId: r.value }, head.row, () => "receiverPartyId"));
  return r;
}

async function resolveReceiver(tx: Db, r: ReceiverCells, head: FieldRow): Promise<ShipInput["receiver"]> {
  if (r.kind === "consumers") return { consumers: true };
  if (r.kind === "buyer") return r.value;
  if (r.column === "receiverPartyId") return { partyId: r.value };
  const party = await findPartyByCreditCode(tx, r.value);
  if (!party)
    throw new AppError("not-found", `no party on the platform has the credit code ${r.value} (row ${head.row})`, {
      pointer: "/s/receiver/partyId",
    });
  return { partyId: party.id };
}

/** Pointers of shipping (`/s/lines/{i}/{field}`, `/s/receiver/…`) → the row and column they name. */
function explainShipping(error: AppError, group: Group, receiver: ReceiverCells): RowError[] {
  const head = group.rows[0] as FieldRow;
  const list = error.errors.length ? error.errors : [{ pointer: error.pointer ?? "", detail: error.message }];
  return list.map((fe) => {
    const line = /^\/s\/lines\/(\d+)(?:\/(\w+))?/.exec(fe.pointer);
    if (line) {
      const row = group.rows[Number(line[1])] ?? head;
      return { row: row.row, column: line[2] ?? "", reason: fe.detail };
    }
    const column = fe.pointer.startsWith("/s/receiver")
      ? receiver.kind === "party"
        ? receiver.column
        : receiver.kind === "buyer"
          ? "buyerName"
          : "consumers"
      : "";
    return { row: head.row, column, reason: fe.detail };
  });
}

/** A shipment is written whole: its good rows are reported too, as held back by the bad ones. */
function withSiblings(errors: RowError[], group: Group): RowError[] {
  const bad = new Set(errors.map((e) => e.row));
  const first = Math.min(...bad);
  const held = group.rows
    .filter((r) => !bad.has(r.row))
    .map((r) => ({
      row: r.row,
      column: "reference",
      reason: `not imported: shipment ${group.reference ?? ""} has a bad row ${first}`,
    }));
  return [...errors, ...held];
}
