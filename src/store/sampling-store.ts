import type { CandidateLot, LotMatch } from "../core/sampling/match-lots.ts";
import type { SamplingRecord, SamplingResult } from "../core/sampling/sampling-record.ts";
import { chunked } from "./batch.ts";
import { commitRecords } from "./ledger-store.ts";
import { markLotsDirty } from "./public-lot-store.ts";
import type { Db, SamplingRecordsTable } from "./schema.ts";

export type MatchStatus = "candidate" | "confirmed" | "dismissed";

export interface StoredMatch extends LotMatch {
  readonly recordId: string;
  readonly status: MatchStatus;
  readonly decidedAt: number | null;
  readonly decidedBy: string | null;
  readonly recallId: string | null;
}

/** Stores new records; a record whose (agency, sample number) is already stored is skipped. Returns the new ids. */
export async function insertSamplingRecords(db: Db, records: readonly SamplingRecord[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  const rows = records.map(({ failedItems, ...r }) => ({ ...r, failedItemsJson: JSON.stringify(failedItems) }));
  for (const chunk of chunked(rows, 17)) {
    const got = await db
      .insertInto("samplingRecords")
      .values(chunk)
      .onConflict((oc) => oc.columns(["agency", "sampleNo"]).doNothing())
      .returning("id")
      .execute();
    for (const r of got) inserted.add(r.id);
  }
  // Official results are evidence a recall may rest on: each new one is committed to the ledger.
  const fresh = rows.filter((r) => inserted.has(r.id));
  await commitRecords(db, "sampling-record", fresh, fresh[0]?.importedAt ?? 0);
  return inserted;
}

export async function insertSamplingMatches(
  db: Db,
  matches: readonly (LotMatch & { readonly recordId: string })[],
): Promise<void> {
  const rows = matches.map((m) => ({
    recordId: m.recordId,
    lotId: m.lotId,
    score: m.score,
    reasonsJson: JSON.stringify(m.reasons),
    status: "candidate",
    decidedAt: null,
    decidedBy: null,
    recallId: null,
  }));
  for (const chunk of chunked(rows, 8)) await db.insertInto("samplingMatches").values(chunk).execute();
}

const candidateColumns = [
  "lots.id as lotId",
  "lots.traceKey",
  "lots.lotCode",
  "lots.productionDate",
  "products.name as productName",
  "parties.creditCode as producerCreditCode",
] as const;

/** The lots with these trace keys (a sampled pack's printed code), as match candidates. */
export async function candidatesByTraceKeys(db: Db, keys: readonly string[]): Promise<CandidateLot[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("lots")
    .innerJoin("products", "products.id", "lots.productId")
    .innerJoin("parties", "parties.id", "lots.partyId")
    .select(candidateColumns)
    .where("lots.traceKey", "in", [...new Set(keys)])
    .where("lots.revokedAt", "is", null)
    .execute();
  return rows.map((r) => ({ ...r, byTraceCode: true }));
}

/**
 * A producer's lots (by credit code) produced in a date range, or its latest lots when the report has no date.
 * Index: parties by credit code, then lots_party_produced (0012).
 */
export async function candidatesOfProducer(
  db: Db,
  creditCode: string,
  produced: { from: string; to: string } | null,
  limit: number,
): Promise<CandidateLot[]> {
  let q = db
    .selectFrom("parties")
    .innerJoin("lots", "lots.partyId", "parties.id")
    .innerJoin("products", "products.id", "lots.productId")
    .select(candidateColumns)
    .where("parties.creditCode", "=", creditCode)
    .where("lots.revokedAt", "is", null);
  if (produced) q = q.where("lots.productionDate", ">=", produced.from).where("lots.productionDate", "<=", produced.to);
  const rows = await q.orderBy("lots.productionDate", "desc").orderBy("lots.id").limit(limit).execute();
  return rows.map((r) => ({ ...r, byTraceCode: false }));
}

export async function findSamplingRecord(db: Db, id: string): Promise<SamplingRecord | undefined> {
  const row = await db.selectFrom("samplingRecords").selectAll().where("id", "=", id).executeTakeFirst();
  return row && recordFromRow(row);
}

/** Records imported by regulators of a region (GB/T 2260 prefix), newest first; failing ones only if asked. */
export async function listSamplingRecords(
  db: Db,
  f: { regionPrefix?: string; result?: SamplingResult; beforeId?: string; limit: number },
): Promise<SamplingRecord[]> {
  let q = db.selectFrom("samplingRecords").selectAll();
  if (f.regionPrefix) q = q.where("regionCode", "like", `${f.regionPrefix}%`);
  if (f.result) q = q.where("result", "=", f.result);
  if (f.beforeId) q = q.where("id", "<", f.beforeId);
  return (await q.orderBy("id", "desc").limit(f.limit).execute()).map(recordFromRow);
}

export async function matchesOfRecords(db: Db, recordIds: readonly string[]): Promise<StoredMatch[]> {
  if (recordIds.length === 0) return [];
  const out: StoredMatch[] = [];
  for (const part of chunked([...new Set(recordIds)], 1, 500)) {
    const rows = await db
      .selectFrom("samplingMatches")
      .selectAll()
      .where("recordId", "in", part)
      .orderBy("score", "desc")
      .orderBy("lotId")
      .execute();
    out.push(
      ...rows.map((r) => ({
        recordId: r.recordId,
        lotId: r.lotId,
        score: Number(r.score),
        reasons: JSON.parse(r.reasonsJson) as string[],
        status: r.status as MatchStatus,
        decidedAt: r.decidedAt === null ? null : Number(r.decidedAt),
        decidedBy: r.decidedBy,
        recallId: r.recallId,
      })),
    );
  }
  return out;
}

/** The official sampling results confirmed to be about each of these lots (what the lot's public page shows). */
export async function confirmedSamplingOfLots(
  db: Db,
  lotIds: readonly string[],
): Promise<Map<string, SamplingRecord[]>> {
  const out = new Map<string, SamplingRecord[]>();
  for (const part of chunked([...new Set(lotIds)], 1, 1_000)) {
    const rows = await db
      .selectFrom("samplingMatches")
      .innerJoin("samplingRecords", "samplingRecords.id", "samplingMatches.recordId")
      .selectAll("samplingRecords")
      .select("samplingMatches.lotId")
      .where("samplingMatches.lotId", "in", part)
      .where("samplingMatches.status", "=", "confirmed")
      .orderBy("samplingRecords.sampledOn")
      .execute();
    for (const { lotId, ...r } of rows) out.set(lotId, [...(out.get(lotId) ?? []), recordFromRow(r)]);
  }
  return out;
}

/** Decides a candidate once (a conditional update): false when it was already decided or does not exist. */
export async function decideMatch(
  db: Db,
  d: { recordId: string; lotId: string; status: Exclude<MatchStatus, "candidate">; at: number; by: string },
): Promise<boolean> {
  const res = await db
    .updateTable("samplingMatches")
    .set({ status: d.status, decidedAt: d.at, decidedBy: d.by })
    .where("recordId", "=", d.recordId)
    .where("lotId", "=", d.lotId)
    .where("status", "=", "candidate")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  // A confirmed result shows on the lot's public page.
  if (d.status === "confirmed") await markLotsDirty(db, [d.lotId]);
  return true;
}

export async function setMatchRecall(db: Db, recordId: string, lotId: string, recallId: string): Promise<void> {
  await db
    .updateTable("samplingMatches")
    .set({ recallId })
    .where("recordId", "=", recordId)
    .where("lotId", "=", lotId)
    .execute();
}

function recordFromRow({ failedItemsJson, ...r }: SamplingRecordsTable): SamplingRecord {
  return Object.freeze({
    ...r,
    result: r.result as SamplingResult,
    failedItems: JSON.parse(failedItemsJson) as string[],
    importedAt: Number(r.importedAt),
  });
}
