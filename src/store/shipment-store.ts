import { sql } from "kysely";
import type { LineState, Receiver, Shipment, ShipmentLine, ShipmentStatus } from "../core/shipments/shipment.ts";
import { chunked } from "./batch.ts";
import type { Db, ShipmentLinesTable, ShipmentsTable } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

export async function insertShipment(db: Db, s: Shipment): Promise<void> {
  await insertShipments(db, [s]);
}

/** Many shipments with their lines in multi-row statements (bulk loads such as `suyuan synth`). */
export async function insertShipments(db: Db, shipments: readonly Shipment[]): Promise<void> {
  const heads = shipments.map((s) => {
    const r = s.receiver;
    return {
      id: s.id,
      voucherCode: s.voucherCode,
      shipperPartyId: s.shipperPartyId,
      receiverKind: r.kind,
      receiverPartyId: r.kind === "party" ? r.partyId : null,
      receiverJson: r.kind === "offplatform" ? JSON.stringify(r) : null,
      status: s.status,
      shippedAt: s.shippedAt,
      eventId: s.eventId,
      revokeReason: null,
    };
  });
  for (const chunk of chunked(heads, 10))
    await executeShaped(db, "shipments.insert", chunk, [], () => db.insertInto("shipments").values(chunk));
  const lines = shipments.flatMap((s) =>
    s.lines.map(({ traceKey: _k, lotCode: _c, ...l }) => ({ ...l, shipmentId: s.id })),
  );
  for (const chunk of chunked(lines, 9))
    await executeShaped(db, "shipment-lines.insert", chunk, [], () => db.insertInto("shipmentLines").values(chunk));
}

export async function findShipmentByVoucher(db: Db, voucherCode: string): Promise<Shipment | undefined> {
  const row = await db.selectFrom("shipments").selectAll().where("voucherCode", "=", voucherCode).executeTakeFirst();
  return row && withLines(db, row);
}

export async function findShipmentById(db: Db, id: string): Promise<Shipment | undefined> {
  const row = await db.selectFrom("shipments").selectAll().where("id", "=", id).executeTakeFirst();
  return row && withLines(db, row);
}

/** Pending receipts of a party (its inbox), oldest first. */
export async function listPendingForReceiver(db: Db, partyId: string, limit: number): Promise<Shipment[]> {
  const rows = await db
    .selectFrom("shipments")
    .selectAll()
    .where("receiverPartyId", "=", partyId)
    .where("status", "=", "in_transit")
    .orderBy("shippedAt")
    .limit(limit)
    .execute();
  return Promise.all(rows.map((r) => withLines(db, r)));
}

/**
 * Settles pending lines of a shipment: only lines still pending change (a conditional update), so a line is
 * received or rejected at most once even when two scans race. Returns the line numbers that were no longer pending
 * (the caller abandons its transaction then). One statement per chunk; a CASE carries each line's quantity.
 */
export async function settleLines(
  db: Db,
  shipmentId: string,
  state: Exclude<LineState, "pending">,
  lines: readonly { lineNo: number; receivedMilli: number | null }[],
  reason: string | null,
  at: number,
): Promise<number[]> {
  const missed: number[] = [];
  for (const chunk of chunked(lines, 1, 200)) {
    const received = chunk.some((l) => l.receivedMilli !== null)
      ? sql<number | null>`case ${sql.ref("lineNo")} ${sql.join(
          chunk.map((l) => sql`when ${l.lineNo} then cast(${l.receivedMilli} as bigint)`),
          sql` `,
        )} end`
      : null;
    const updated = await db
      .updateTable("shipmentLines")
      .set({ state, receivedMilli: received, reason, settledAt: at })
      .where("shipmentId", "=", shipmentId)
      .where(
        "lineNo",
        "in",
        chunk.map((l) => l.lineNo),
      )
      .where("state", "=", "pending")
      .returning("lineNo")
      .execute();
    if (updated.length < chunk.length) {
      const done = new Set(updated.map((r) => Number(r.lineNo)));
      missed.push(...chunk.filter((l) => !done.has(l.lineNo)).map((l) => l.lineNo));
    }
  }
  return missed;
}

export async function setShipmentStatus(db: Db, id: string, status: ShipmentStatus): Promise<void> {
  await db.updateTable("shipments").set({ status }).where("id", "=", id).execute();
}

async function withLines(db: Db, row: ShipmentsTable): Promise<Shipment> {
  const lines = await db
    .selectFrom("shipmentLines")
    .innerJoin("lots", "lots.id", "shipmentLines.lotId")
    .selectAll("shipmentLines")
    .select(["lots.traceKey", "lots.lotCode"])
    .where("shipmentId", "=", row.id)
    .orderBy("lineNo")
    .execute();
  const receiver: Receiver =
    row.receiverKind === "party"
      ? { kind: "party", partyId: row.receiverPartyId as string }
      : row.receiverKind === "offplatform"
        ? (JSON.parse(row.receiverJson as string) as Receiver)
        : { kind: "consumers" };
  return Object.freeze({
    id: row.id,
    voucherCode: row.voucherCode,
    shipperPartyId: row.shipperPartyId,
    receiver,
    status: row.status as ShipmentStatus,
    shippedAt: Number(row.shippedAt),
    eventId: row.eventId,
    lines: lines.map(lineFromRow),
  });
}

function lineFromRow(l: ShipmentLinesTable & { traceKey: string; lotCode: string }): ShipmentLine {
  return {
    lineNo: l.lineNo,
    lotId: l.lotId,
    traceKey: l.traceKey,
    lotCode: l.lotCode,
    quantityMilli: Number(l.quantityMilli),
    unit: l.unit as ShipmentLine["unit"],
    state: l.state as LineState,
    receivedMilli: l.receivedMilli === null ? null : Number(l.receivedMilli),
    reason: l.reason,
    settledAt: l.settledAt === null ? null : Number(l.settledAt),
  };
}

/** Marks a shipment and all its lines revoked, keeping every row. */
export async function markShipmentRevoked(db: Db, id: string, at: number, reason: string): Promise<void> {
  await db.updateTable("shipments").set({ status: "revoked", revokeReason: reason }).where("id", "=", id).execute();
  await db
    .updateTable("shipmentLines")
    .set({ state: "revoked", reason, settledAt: at })
    .where("shipmentId", "=", id)
    .execute();
}
