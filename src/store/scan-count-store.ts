import { sql } from "kysely";
import type { ScanCount } from "../core/resolver/scan-tally.ts";
import type { Db } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

/**
 * Adds counts to (lot, day, district) rows: one upsert per chunk of 500 (both engines speak ON CONFLICT … DO
 * UPDATE), compiled once per chunk size — a busy resolver flushes thousands of lots every second.
 */
export async function addScanCounts(db: Db, counts: readonly ScanCount[]): Promise<void> {
  for (let i = 0; i < counts.length; i += 500) {
    const rows = counts
      .slice(i, i + 500)
      .map((c) => ({ lotId: c.lotId, day: c.day, regionCode: c.regionCode, count: c.count }));
    await executeShaped(db, "scanCounts.add", rows, [], () =>
      db
        .insertInto("scanCounts")
        .values(rows)
        .onConflict((oc) =>
          oc.columns(["lotId", "day", "regionCode"]).doUpdateSet({ count: sql`scan_counts.count + excluded.count` }),
        ),
    );
  }
}

export interface ScanCountFilter {
  readonly regionPrefix?: string;
  readonly lotId?: string;
  readonly from: string;
  readonly to: string;
  readonly limit: number;
}

/** Counts per lot, day and district in a date range (inclusive), busiest first. */
export async function listScanCounts(db: Db, f: ScanCountFilter): Promise<(ScanCount & { traceKey: string })[]> {
  let q = db
    .selectFrom("scanCounts")
    .innerJoin("lots", "lots.id", "scanCounts.lotId")
    .select(["scanCounts.lotId", "scanCounts.day", "scanCounts.regionCode", "scanCounts.count", "lots.traceKey"])
    .where("scanCounts.day", ">=", f.from)
    .where("scanCounts.day", "<=", f.to);
  if (f.regionPrefix) q = q.where("scanCounts.regionCode", "like", `${f.regionPrefix}%`);
  if (f.lotId) q = q.where("scanCounts.lotId", "=", f.lotId);
  const rows = await q
    .orderBy("scanCounts.day", "desc")
    .orderBy("scanCounts.count", "desc")
    .orderBy("scanCounts.lotId")
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Totals per district (the consumer query rate's numerator) in a date range. */
export async function scanTotalsByRegion(
  db: Db,
  f: Omit<ScanCountFilter, "lotId" | "limit">,
): Promise<{ regionCode: string; scans: number; lots: number }[]> {
  let q = db
    .selectFrom("scanCounts")
    .select((eb) => [
      "regionCode",
      eb.fn.sum<number>("count").as("scans"),
      eb.fn.count<number>("lotId").distinct().as("lots"),
    ])
    .where("day", ">=", f.from)
    .where("day", "<=", f.to);
  if (f.regionPrefix) q = q.where("regionCode", "like", `${f.regionPrefix}%`);
  const rows = await q.groupBy("regionCode").orderBy("regionCode").execute();
  return rows.map((r) => ({ regionCode: r.regionCode, scans: Number(r.scans), lots: Number(r.lots) }));
}
