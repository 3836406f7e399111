import { AppError } from "../../core/errors.ts";
import {
  type CodingInputs,
  codingRate,
  rankBonus,
  rankByCoded,
  type ScanningInputs,
  scanningRate,
} from "../../core/evaluation/evaluation-model.ts";
import { isWithinRegion, regionPrefix } from "../../core/ids/region-code.ts";
import { addDays } from "../../core/lots/expiry.ts";
import { codedPerDistrict, receiptsPerDistrict, uncodedFromRegisteredUpstream } from "../../store/integrity-store.ts";
import type { ServiceContext } from "../service-context.ts";

export interface DistrictIntegrity {
  readonly regionCode: string;
  readonly name: string | null;
  readonly coding: CodingInputs & { readonly rank: number | null; readonly rate: number | null };
  readonly scanning: ScanningInputs & { readonly rate: number | null };
}

export interface IntegrityReport {
  readonly region: string;
  readonly from: string;
  readonly to: string;
  readonly districts: readonly DistrictIntegrity[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const cstMidnight = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);

/**
 * Chain integrity per district (county, GB/T 2260) and period (China calendar days, inclusive): the inputs of the
 * Zhejiang 2024 evaluation model computed from the trace data — coded batches, batches first-coded downstream of a
 * registered upstream (a on the upstream's district, c on the coder's, β by whether the upstream is outside),
 * receipts not confirmed within 2 calendar days, rejections — and both rates with the rank bonus f (ranked across the
 * province). Regulators report on their own region; b, g and h come from offline inspection and are not counted.
 */
export async function reportIntegrity(
  ctx: ServiceContext,
  q: { region: string; from: string; to: string },
): Promise<IntegrityReport> {
  const a = ctx.actor;
  if (a.kind !== "regulator" && a.kind !== "admin" && a.kind !== "system")
    throw new AppError("forbidden", "the integrity report is for regulators");
  if (!ctx.regions.get(q.region))
    throw new AppError("unknown-region", `no region with code ${q.region}`, { pointer: "/query/region" });
  if (a.kind === "regulator" && !isWithinRegion(a.regionCode, q.region))
    throw new AppError("forbidden", "a regulator reports on its own region", { pointer: "/query/region" });
  if (!isoDate.test(q.from) || !isoDate.test(q.to) || q.from > q.to)
    throw new AppError("validation-failed", "give the period as YYYY-MM-DD, from ≤ to", { pointer: "/query/from" });
  const period = { from: cstMidnight(q.from), to: cstMidnight(addDays(q.to, 1)) };
  const prefix = regionPrefix(q.region);
  const db = ctx.store.db;
  const [codedInProvince, uncoded, receipts] = await Promise.all([
    // The rank bonus compares a district with every district of its province.
    codedPerDistrict(db, q.region.slice(0, 2), period),
    uncodedFromRegisteredUpstream(db, period),
    receiptsPerDistrict(db, prefix, period, ctx.clock.now()),
  ]);
  const ranks = rankByCoded(codedInProvince);
  const districts = new Set<string>();
  for (const code of codedInProvince.keys()) if (code.startsWith(prefix)) districts.add(code);
  for (const code of receipts.keys()) districts.add(code);
  for (const u of uncoded) {
    if (u.coderRegion.startsWith(prefix)) districts.add(u.coderRegion);
    if (u.upstreamRegion.startsWith(prefix)) districts.add(u.upstreamRegion);
  }
  const out: DistrictIntegrity[] = [...districts].sort().map((code) => {
    const rank = ranks.get(code) ?? null;
    const f = rank === null ? 0 : rankBonus(rank);
    const coding = {
      N: codedInProvince.get(code) ?? 0,
      a: uncoded.filter((u) => u.upstreamRegion === code).length,
      cInside: uncoded.filter((u) => u.coderRegion === code && u.upstreamRegion === code).length,
      cOutside: uncoded.filter((u) => u.coderRegion === code && u.upstreamRegion !== code).length,
      f,
    };
    const r = receipts.get(code) ?? { shipped: 0, late: 0, rejected: 0 };
    const scanning = { N: r.shipped, a: r.late, c: r.rejected, f };
    return {
      regionCode: code,
      name: ctx.regions.get(code)?.name ?? null,
      coding: { ...coding, rank, rate: codingRate(coding) },
      scanning: { ...scanning, rate: scanningRate(scanning) },
    };
  });
  return { region: q.region, from: q.from, to: q.to, districts: out };
}
