import { AppError } from "../../core/errors.ts";
import { isWithinRegion, regionPrefix } from "../../core/ids/region-code.ts";
import type { SamplingRecord, SamplingResult } from "../../core/sampling/sampling-record.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import {
  findSamplingRecord,
  listSamplingRecords,
  matchesOfRecords,
  type StoredMatch,
} from "../../store/sampling-store.ts";
import type { ServiceContext } from "../service-context.ts";

export interface SamplingView {
  readonly record: SamplingRecord;
  readonly matches: readonly (StoredMatch & { readonly lotCode: string; readonly traceKey: string })[];
}

/** Regulators see the records their region imported; operators all; enterprises none (抽检 is a regulator's file). */
function scopeOf(ctx: ServiceContext): string | undefined {
  const a = ctx.actor;
  if (a.kind === "regulator") return regionPrefix(a.regionCode);
  if (a.kind === "admin" || a.kind === "system") return undefined;
  throw new AppError("forbidden", "official sampling results are for regulators");
}

/** Sampling records, newest first, each with its candidate lots (score, reasons, decision). */
export async function listSampling(
  ctx: ServiceContext,
  q: { result?: SamplingResult; before?: string; limit?: number },
): Promise<SamplingView[]> {
  const records = await listSamplingRecords(ctx.store.db, {
    ...(scopeOf(ctx) !== undefined ? { regionPrefix: scopeOf(ctx) } : {}),
    ...(q.result ? { result: q.result } : {}),
    ...(q.before ? { beforeId: q.before } : {}),
    limit: q.limit ?? 50,
  });
  return withMatches(ctx, records);
}

export async function getSampling(ctx: ServiceContext, id: string): Promise<SamplingView> {
  const scope = scopeOf(ctx);
  const record = await findSamplingRecord(ctx.store.db, id);
  if (!record || (scope !== undefined && !record.regionCode.startsWith(scope)))
    throw new AppError("not-found", `no sampling record with id ${id}`, { pointer: "/params/id" });
  return (await withMatches(ctx, [record]))[0] as SamplingView;
}

/** Whether the caller may act on a record (a regulator of the importing region). */
export function mayDecide(ctx: ServiceContext, record: SamplingRecord): boolean {
  return ctx.actor.kind === "regulator" && isWithinRegion(ctx.actor.regionCode, record.regionCode);
}

async function withMatches(ctx: ServiceContext, records: readonly SamplingRecord[]): Promise<SamplingView[]> {
  const matches = await matchesOfRecords(
    ctx.store.db,
    records.map((r) => r.id),
  );
  const lots = await findLotsByIds(
    ctx.store.db,
    matches.map((m) => m.lotId),
  );
  return records.map((record) => ({
    record,
    matches: matches
      .filter((m) => m.recordId === record.id)
      .map((m) => {
        const lot = lots.get(m.lotId);
        return { ...m, lotCode: lot?.lotCode ?? "", traceKey: lot?.traceKey ?? "" };
      }),
  }));
}
