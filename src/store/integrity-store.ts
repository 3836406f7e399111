import { sql } from "kysely";
import type { Db } from "./schema.ts";

/** A period as epoch milliseconds, [from, to). */
export interface Period {
  readonly from: number;
  readonly to: number;
}

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;
/** The China calendar-day number of an epoch-ms column: integer division on both engines (bigint / bigint). */
const dayOf = (column: string) => sql<number>`((${sql.ref(column)} + ${CST_MS}) / ${DAY_MS})`;

/** Lots coded (any entry, not revoked) per district of the coding party. Index: lots_created (0012). */
export async function codedPerDistrict(db: Db, regionPrefix: string, p: Period): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("lots")
    .innerJoin("parties", "parties.id", "lots.partyId")
    .select(["parties.regionCode", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("lots.createdAt", ">=", p.from)
    .where("lots.createdAt", "<", p.to)
    .where("lots.revokedAt", "is", null)
    .where("parties.regionCode", "like", `${regionPrefix}%`)
    .groupBy("parties.regionCode")
    .execute();
  return new Map(rows.map((r) => [r.regionCode, Number(r.n)]));
}

/**
 * First-station entries in the period whose declared supplier is a party registered on the platform — goods that
 * entered uncoded from a registered upstream: the coder's district and the supplier's, per lot. Two queries: the
 * period's first-station lots, then the suppliers by credit code (GB 32100, unique).
 */
export async function uncodedFromRegisteredUpstream(
  db: Db,
  p: Period,
): Promise<{ lotId: string; coderRegion: string; upstreamRegion: string }[]> {
  const lots = await db
    .selectFrom("lots")
    .innerJoin("parties", "parties.id", "lots.partyId")
    .select(["lots.id", "lots.entryJson", "parties.regionCode"])
    .where("lots.createdAt", ">=", p.from)
    .where("lots.createdAt", "<", p.to)
    .where("lots.entry", "=", "first_station")
    .where("lots.revokedAt", "is", null)
    .execute();
  const supplierOf = new Map<string, string>();
  for (const l of lots) {
    const code = (JSON.parse(l.entryJson ?? "{}") as { supplier?: { creditCode?: string | null } }).supplier
      ?.creditCode;
    if (code) supplierOf.set(l.id, code);
  }
  const codes = [...new Set(supplierOf.values())];
  if (codes.length === 0) return [];
  const registered = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 5_000) {
    const rows = await db
      .selectFrom("parties")
      .select(["creditCode", "regionCode"])
      .where("creditCode", "in", codes.slice(i, i + 5_000))
      .execute();
    for (const r of rows) registered.set(r.creditCode as string, r.regionCode);
  }
  return lots.flatMap((l) => {
    const up = registered.get(supplierOf.get(l.id) ?? "");
    return up ? [{ lotId: l.id, coderRegion: l.regionCode, upstreamRegion: up }] : [];
  });
}

export interface ReceiptCounts {
  /** Shipment lines to the district's parties in the period. */
  readonly shipped: number;
  /** Of those, not confirmed into stock within 2 calendar days (confirmed late, or still pending past the day). */
  readonly late: number;
  /** Of those, rejected by the buyer (not counting lines sent back because of a recall). */
  readonly rejected: number;
}

/**
 * Receipts per district of the receiving party, one grouped query: lines shipped in the period (revoked ones
 * excluded), those confirmed more than 2 calendar days after shipping or still pending after that, and those
 * rejected. Index: shipments_shipped (0012), then the lines' primary key.
 */
export async function receiptsPerDistrict(
  db: Db,
  regionPrefix: string,
  p: Period,
  now: number,
): Promise<Map<string, ReceiptCounts>> {
  const today = Math.floor((now + CST_MS) / DAY_MS);
  const shippedDay = dayOf("shipments.shippedAt");
  const rows = await db
    .selectFrom("shipmentLines")
    .innerJoin("shipments", "shipments.id", "shipmentLines.shipmentId")
    .innerJoin("parties", "parties.id", "shipments.receiverPartyId")
    .select((eb) => [
      "parties.regionCode",
      eb.fn.countAll<number | string>().as("shipped"),
      eb.fn
        .sum<number | string>(
          sql<number>`case when (${sql.ref("shipmentLines.state")} = 'received' and ${dayOf("shipmentLines.settledAt")} - ${shippedDay} > 2) or (${sql.ref("shipmentLines.state")} = 'pending' and ${today} - ${shippedDay} > 2) then 1 else 0 end`,
        )
        .as("late"),
      eb.fn
        .sum<number | string>(
          sql<number>`case when ${sql.ref("shipmentLines.state")} = 'rejected' and coalesce(${sql.ref("shipmentLines.reason")}, '') not like 'recall %' then 1 else 0 end`,
        )
        .as("rejected"),
    ])
    .where("shipments.shippedAt", ">=", p.from)
    .where("shipments.shippedAt", "<", p.to)
    .where("shipments.receiverKind", "=", "party")
    .where("shipmentLines.state", "!=", "revoked")
    .where("parties.regionCode", "like", `${regionPrefix}%`)
    .groupBy("parties.regionCode")
    .execute();
  return new Map(
    rows.map((r) => [
      r.regionCode,
      { shipped: Number(r.shipped), late: Number(r.late ?? 0), rejected: Number(r.rejected ?? 0) },
    ]),
  );
}
