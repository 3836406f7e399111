import { parse } from "csv-parse/sync";
import { actorRef } from "../../core/auth/actor.ts";
import { AppError, type FieldError, isAppError } from "../../core/errors.ts";
import { addDays } from "../../core/lots/expiry.ts";
import { type CandidateLot, DATE_SLACK_DAYS, type LotMatch, matchLots } from "../../core/sampling/match-lots.ts";
import {
  checkSamplingRecord,
  type SamplingRecord,
  type SamplingRecordInput,
} from "../../core/sampling/sampling-record.ts";
import {
  candidatesByTraceKeys,
  candidatesOfProducer,
  insertSamplingMatches,
  insertSamplingRecords,
} from "../../store/sampling-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";
import { canonicalSamplingColumn, parseRawSamplingRecord, type RawSamplingRecord } from "./sampling-columns.ts";

export type SamplingImportInput = { readonly records: readonly RawSamplingRecord[] } | { readonly csv: string };

export interface SamplingImportReport {
  readonly rows: number;
  readonly imported: number;
  /** Records already imported (same agency and sample number): skipped. */
  readonly duplicates: number;
  readonly failing: readonly { readonly record: SamplingRecord; readonly matches: readonly LotMatch[] }[];
}

/** How many of a producer's lots around the date are weighed per record. */
const CANDIDATE_LIMIT = 200;

/**
 * Imports official sampling results (抽检, 食品安全抽样检验管理办法) as CSV or JSON — regulators only. Every row is
 * checked first and a file with a bad row imports nothing (the problems name row and field). Then, in ONE
 * transaction, the records are stored (a re-imported sample is skipped) and each failing record is matched to lots:
 * exactly by its trace code when it has one, else by the producer's credit code, the product name and the
 * production date or lot number — each candidate with its score and reasons, for a regulator to confirm.
 */
export async function importSampling(ctx: ServiceContext, input: SamplingImportInput): Promise<SamplingImportReport> {
  const a = ctx.actor;
  if (a.kind !== "regulator") throw new AppError("forbidden", "official sampling results are imported by regulators");
  const { raws, pointerOf } = "csv" in input ? csvRows(input.csv) : jsonRows(input.records);
  if (raws.length === 0) throw new AppError("validation-failed", "the import holds no records", { pointer: "/body" });
  const errors: FieldError[] = [];
  const parsed: SamplingRecordInput[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of raws.entries()) {
    const r = parseRawSamplingRecord(raw);
    const problems = Array.isArray(r) ? r : checkSamplingRecord(r);
    if (!Array.isArray(r)) {
      const key = `${r.agency}\u0000${r.sampleNo}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ field: "sampleNo", detail: `same sample as ${pointerOf(first, "")}` });
      seen.set(key, i);
    }
    for (const p of problems) errors.push({ pointer: pointerOf(i, p.field), detail: p.detail });
    if (problems.length === 0) parsed.push(r as SamplingRecordInput);
  }
  if (errors.length > 0)
    throw new AppError("import-failed", `${errors.length} problem(s) in the import; nothing was imported`, { errors });

  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const records: SamplingRecord[] = parsed.map((r) => ({
      ...r,
      id: ctx.newId(),
      regionCode: a.regionCode,
      importedAt: now,
      importedBy: actorRef(a),
    }));
    const fresh = await insertSamplingRecords(tx, records);
    const failing: { record: SamplingRecord; matches: LotMatch[] }[] = [];
    for (const record of records) {
      if (!fresh.has(record.id) || record.result !== "fail") continue;
      const matches = matchLots(record, await candidatesFor(tx, ctx, record));
      await insertSamplingMatches(
        tx,
        matches.map((m) => ({ ...m, recordId: record.id })),
      );
      failing.push({ record, matches });
    }
    await recordAudit(
      tx,
      ctx,
      "sampling.import",
      { type: "sampling", id: null },
      { records: fresh.size, failing: failing.length, matched: failing.filter((f) => f.matches.length > 0).length },
    );
    return { rows: raws.length, imported: fresh.size, duplicates: records.length - fresh.size, failing };
  });
}

/** The lot the printed trace code names (certain), else the producer's lots produced around the date. */
async function candidatesFor(tx: Db, ctx: ServiceContext, r: SamplingRecordInput): Promise<CandidateLot[]> {
  if (r.traceCode) {
    try {
      const lot = await resolveTraceCode(tx, ctx, r.traceCode, "/traceCode");
      const exact = await candidatesByTraceKeys(tx, [lot.traceKey]);
      if (exact.length > 0) return exact;
    } catch (e) {
      // A code the platform does not know (another platform's, mistyped) falls back to the other evidence.
      if (!isAppError(e) || (e.code !== "unknown-trace-code" && e.code !== "lot-revoked")) throw e;
    }
  }
  if (!r.producerCreditCode) return [];
  const around = r.productionDate
    ? { from: addDays(r.productionDate, -DATE_SLACK_DAYS), to: addDays(r.productionDate, DATE_SLACK_DAYS) }
    : null;
  return candidatesOfProducer(tx, r.producerCreditCode, around, CANDIDATE_LIMIT);
}

function jsonRows(records: readonly RawSamplingRecord[]) {
  return {
    raws: records,
    pointerOf: (i: number, field: string) => `/body/records/${i}${field ? `/${field}` : ""}`,
  };
}

/** CSV with a header row (UTF-8, BOM allowed; English or Chinese headers); pointers name the file's line. */
function csvRows(csv: string) {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, {
      columns: (h: string[]) => h.map((c) => canonicalSamplingColumn(c) ?? `?${c}`),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (e) {
    throw new AppError("validation-failed", `not readable as CSV: ${(e as Error).message}`, { pointer: "/body/csv" });
  }
  return {
    raws: rows as RawSamplingRecord[],
    // Line 1 is the header, so record i is on line i + 2.
    pointerOf: (i: number, field: string) => `/body/csv/rows/${i + 2}${field ? `/${field}` : ""}`,
  };
}
