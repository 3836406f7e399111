import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion, regionPrefix as prefixOf } from "../../core/ids/region-code.ts";
import { addDays } from "../../core/lots/expiry.ts";
import { listScanCounts, scanTotalsByRegion } from "../../store/scan-count-store.ts";
import type { ServiceContext } from "../service-context.ts";

export interface ScanStatsQuery {
  readonly from?: string;
  readonly to?: string;
  readonly regionCode?: string;
  readonly lotId?: string;
  readonly limit?: number;
}

/**
 * Consumer scans per lot, day and district (the numerator of the consumer query rate), for regulators inside
 * their region and operators everywhere. Counts only: who scanned is never stored.
 */
export async function readScanStats(ctx: ServiceContext, q: ScanStatsQuery) {
  const a = ctx.actor;
  if (a.kind !== "regulator" && a.kind !== "admin" && a.kind !== "system")
    throw new AppError("forbidden", "scan statistics are for regulators and operators");
  let region = q.regionCode;
  if (a.kind === "regulator") {
    if (region && !isWithinRegion(a.regionCode, region))
      throw new AppError("forbidden", `region ${region} is outside this regulator's region ${a.regionCode}`, {
        pointer: "/query/regionCode",
      });
    region = region ?? a.regionCode;
  }
  const to = q.to ?? chinaDate(ctx.clock.now());
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new AppError("validation-failed", "from is after to", { pointer: "/query/from" });
  const regionPrefix = region ? prefixOf(region) : undefined;
  const filter = { from, to, ...(regionPrefix ? { regionPrefix } : {}) };
  const [items, districts] = await Promise.all([
    listScanCounts(ctx.store.db, { ...filter, ...(q.lotId ? { lotId: q.lotId } : {}), limit: q.limit ?? 500 }),
    scanTotalsByRegion(ctx.store.db, filter),
  ]);
  return { from, to, regionCode: region ?? null, districts, items };
}
