import { randomFillSync } from "node:crypto";
import { sql } from "kysely";
import { uuidV7Generator } from "../core/ids/uuid-v7.ts";
import { RECORD_COMMITMENT_TAG, recordCommitment, SALT_SIZE } from "../core/ledger/record-commitment.ts";
import { chunked } from "./batch.ts";
import { type LedgerKind, ledgerKinds, ledgerRecord, ledgerRef } from "./ledger-records.ts";
import type { Db, LedgerEntriesTable } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

const newEntryId = uuidV7Generator();
const saltPool = Buffer.alloc(SALT_SIZE * 256);
let saltAt = saltPool.length;

/** A fresh random salt per record (from a pooled CSPRNG buffer: one system call per 256 salts). */
function nextSalt(): Buffer {
  if (saltAt === saltPool.length) {
    randomFillSync(saltPool);
    saltAt = 0;
  }
  saltAt += SALT_SIZE;
  return Buffer.from(saltPool.subarray(saltAt - SALT_SIZE, saltAt));
}

/** Databases whose writes skip the ledger (keyed by Kysely's adapter, shared by a database and its transactions). */
const withoutLedger = new WeakSet<object>();

/**
 * Turns the ledger off for this database: only for measuring what it costs (the capture benchmark, ledger on vs
 * off in one run). A platform never runs like this — records would be stored without their commitments.
 */
export function disableLedger(db: Db): void {
  withoutLedger.add(db.getExecutor().adapter);
}

export interface LedgerEntry {
  readonly id: string;
  readonly kind: string;
  readonly ref: string;
  readonly salt: Uint8Array;
  readonly commitment: Uint8Array;
  readonly supersedes: string | null;
  readonly createdAt: number;
  readonly logIndex: number | null;
  readonly integratedAt: number | null;
}

/** A record's salted commitment (RFC 8785 canonical JSON under a salt, see core/ledger/record-commitment.ts). */
export interface RecordSeal {
  readonly salt: Uint8Array;
  readonly commitment: Uint8Array;
}

/**
 * Seals one stored row: a fresh random salt and the commitment to the kind's columns. Pure CPU, so bulk writers
 * (`suyuan synth`) compute it in worker threads and hand it to `commitRecords` with the row.
 */
export function sealRecord(kind: LedgerKind, row: Readonly<Record<string, unknown>>): RecordSeal {
  const salt = nextSalt();
  const c = recordCommitment({ tag: RECORD_COMMITMENT_TAG, kind, salt, record: ledgerRecord(kind, row) });
  if (!c.ok) throw new Error(`ledger: cannot commit ${kind} ${ledgerRef(kind, row)}: ${c.error.detail}`);
  return { salt, commitment: c.value };
}

/**
 * Appends one ledger entry per stored row, in the caller's transaction (the record and its entry commit together
 * or not at all). `supersede`: the rows replace records already committed (a change, a revocation), so each entry
 * names the latest entry of the same record. `seals`: commitments already computed for these rows, by key.
 */
export async function commitRecords(
  db: Db,
  kind: LedgerKind,
  rowsIn: readonly object[],
  at: number,
  options: { supersede?: boolean; seals?: ReadonlyMap<string, RecordSeal> } = {},
): Promise<void> {
  const rows = rowsIn as readonly Readonly<Record<string, unknown>>[];
  if (rows.length === 0 || withoutLedger.has(db.getExecutor().adapter)) return;
  const previous = options.supersede
    ? await latestEntryIds(
        db,
        kind,
        rows.map((r) => ledgerRef(kind, r)),
      )
    : new Map<string, string>();
  const entries = rows.map((row) => {
    const ref = ledgerRef(kind, row);
    const seal = options.seals?.get(ref) ?? sealRecord(kind, row);
    return {
      id: newEntryId(),
      kind,
      ref,
      salt: Buffer.from(seal.salt),
      commitment: Buffer.from(seal.commitment),
      supersedes: previous.get(ref) ?? null,
      createdAt: at,
      logIndex: null,
      integratedAt: null,
    };
  });
  for (const chunk of chunked(entries, 9))
    await executeShaped(db, "ledger-entries.insert", chunk, [], () => db.insertInto("ledgerEntries").values(chunk));
}

async function latestEntryIds(db: Db, kind: string, refs: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("ledgerEntries")
    .select(["ref", "id", "createdAt"])
    .where("kind", "=", kind)
    .where("ref", "in", [...new Set(refs)])
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  return new Map(rows.map((r) => [r.ref, r.id]));
}

/** Entries waiting for an index, oldest first: their ids and commitments (all the integrator needs). */
export async function pendingEntries(
  db: Db,
  limit: number,
): Promise<{ readonly id: string; readonly commitment: Uint8Array }[]> {
  return db
    .selectFrom("ledgerEntries")
    .select(["id", "commitment"])
    .where("logIndex", "is", null)
    .orderBy("createdAt")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Gives entries their indexes (first, first + 1, …) in the integrator's transaction: one UPDATE … FROM (VALUES …)
 * joined on the primary key per 1,000 entries (SQLite ≥ 3.33 and PostgreSQL both have UPDATE … FROM; an unnamed
 * VALUES list's columns are column1, column2 on both), compiled once per row count.
 */
export async function assignIndexes(db: Db, ids: readonly string[], first: number, at: number): Promise<void> {
  const rows = ids.map((id, i) => ({ id, i: first + i, at }));
  // Built only the first time a row count is seen; afterwards the cached SQL is bound to the new values.
  for (const chunk of chunked(rows, 1, 1_000))
    await executeShaped(db, "ledger-entries.assign", chunk, [], () => ({
      compile: () =>
        sql`update ${sql.table("ledgerEntries")} set ${sql.ref("logIndex")} = v.column2, ${sql.ref(
          "integratedAt",
        )} = v.column3 from (values ${sql.join(
          chunk.map((r) => sql`(${r.id}, cast(${r.i} as bigint), cast(${r.at} as bigint))`),
        )}) as v where ${sql.ref("ledgerEntries.id")} = v.column1`.compile(db),
    }));
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  readonly note: string;
  readonly createdAt: number;
}

export async function insertCheckpoint(db: Db, c: StoredCheckpoint): Promise<void> {
  await db
    .insertInto("ledgerCheckpoints")
    .values({ ...c, root: Buffer.from(c.root) })
    .execute();
}

export async function latestCheckpoint(db: Db): Promise<StoredCheckpoint | undefined> {
  const row = await db.selectFrom("ledgerCheckpoints").selectAll().orderBy("size", "desc").limit(1).executeTakeFirst();
  return row && { ...row, size: Number(row.size), createdAt: Number(row.createdAt), root: new Uint8Array(row.root) };
}

export async function checkpointAtSize(db: Db, size: number): Promise<StoredCheckpoint | undefined> {
  const row = await db.selectFrom("ledgerCheckpoints").selectAll().where("size", "=", size).executeTakeFirst();
  return row && { ...row, size: Number(row.size), createdAt: Number(row.createdAt), root: new Uint8Array(row.root) };
}

/** Entries by position (for the entry bundles of tlog-tiles), in order. */
export async function entriesInRange(db: Db, first: number, count: number): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom("ledgerEntries")
    .selectAll()
    .where("logIndex", ">=", first)
    .where("logIndex", "<", first + count)
    .orderBy("logIndex")
    .execute();
  return rows.map(entryFromRow);
}

/** The newest entry of a record (its current commitment). */
export async function latestEntryOf(db: Db, kind: string, ref: string): Promise<LedgerEntry | undefined> {
  const row = await db
    .selectFrom("ledgerEntries")
    .selectAll()
    .where("kind", "=", kind)
    .where("ref", "=", ref)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && entryFromRow(row);
}

/** Every entry, newest of each record last, in pages (for the audit). */
export async function* allEntries(db: Db, pageSize = 5_000): AsyncGenerator<LedgerEntry[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("ledgerEntries")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(entryFromRow);
    after = rows.at(-1)?.id as string;
  }
}

function entryFromRow(r: LedgerEntriesTable): LedgerEntry {
  return {
    ...r,
    salt: new Uint8Array(r.salt),
    commitment: new Uint8Array(r.commitment),
    createdAt: Number(r.createdAt),
    logIndex: r.logIndex === null ? null : Number(r.logIndex),
    integratedAt: r.integratedAt === null ? null : Number(r.integratedAt),
  };
}

/** Stored rows of a kind of record in key order, as committed (for the audit), a page at a time. */
export async function readRecordPage(
  db: Db,
  kind: LedgerKind,
  afterRef: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const k = ledgerKinds[kind];
  const result = await sql<
    Record<string, unknown>
  >`select ${sql.join(k.columns.map((c) => sql.ref(c)))} from ${sql.table(
    k.table,
  )} where ${sql.ref(k.key)} > ${afterRef} order by ${sql.ref(k.key)} limit ${limit}`.execute(db);
  return result.rows;
}

/** One stored record as committed, or undefined. */
export async function readRecord(db: Db, kind: LedgerKind, ref: string): Promise<Record<string, unknown> | undefined> {
  const k = ledgerKinds[kind];
  const result = await sql<
    Record<string, unknown>
  >`select ${sql.join(k.columns.map((c) => sql.ref(c)))} from ${sql.table(
    k.table,
  )} where ${sql.ref(k.key)} = ${ref}`.execute(db);
  return result.rows[0];
}

/** The newest entry of each of these records. */
export async function latestEntriesOf(
  db: Db,
  kind: string,
  refs: readonly string[],
): Promise<Map<string, LedgerEntry>> {
  const out = new Map<string, LedgerEntry>();
  for (const chunk of chunked([...new Set(refs)], 1, 2_000)) {
    const rows = await db
      .selectFrom("ledgerEntries")
      .selectAll()
      .where("kind", "=", kind)
      .where("ref", "in", chunk)
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    for (const r of rows) out.set(r.ref, entryFromRow(r));
  }
  return out;
}

/** Distinct record refs of a kind that have entries, in ref order, a page at a time. */
export async function entryRefsPage(db: Db, kind: string, afterRef: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("ledgerEntries")
    .select("ref")
    .distinct()
    .where("kind", "=", kind)
    .where("ref", ">", afterRef)
    .orderBy("ref")
    .limit(limit)
    .execute();
  return rows.map((r) => r.ref);
}

/** Keys of existing records among `refs`. */
export async function existingRecords(db: Db, kind: LedgerKind, refs: readonly string[]): Promise<Set<string>> {
  const k = ledgerKinds[kind];
  if (refs.length === 0) return new Set();
  const result = await sql<{
    ref: string;
  }>`select ${sql.ref(k.key)} as ${sql.ref("ref")} from ${sql.table(k.table)} where ${sql.ref(
    k.key,
  )} in (${sql.join(refs)})`.execute(db);
  return new Set(result.rows.map((r) => String(r.ref)));
}
