import type { Hash } from "../core/ledger/merkle-hash.ts";
import type { Db } from "./schema.ts";

/** A witness's record of one log: the latest checkpoint it cosigned (C2SP tlog-witness v1.0.0). */
export interface WitnessedCheckpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Hash;
  readonly note: string;
  readonly updatedAt: number;
}

export async function witnessedCheckpoint(db: Db, origin: string): Promise<WitnessedCheckpoint | undefined> {
  const row = await db.selectFrom("witnessLogs").selectAll().where("origin", "=", origin).executeTakeFirst();
  return (
    row && {
      origin: row.origin,
      size: Number(row.size),
      rootHash: new Uint8Array(row.root),
      note: row.note,
      updatedAt: Number(row.updatedAt),
    }
  );
}

/**
 * Moves a log's record from `from` (undefined: none yet) to `to`, only if it is still `from`: a compare-and-swap,
 * so two requests racing on the same old size cannot both win — the spec's rollback race (tlog-witness
 * §add-checkpoint: "checking the old size … and persisting the new checkpoint must be performed atomically") is
 * closed on either engine whatever its isolation level. Returns false when another request moved it first.
 */
export async function advanceWitnessed(
  db: Db,
  from: WitnessedCheckpoint | undefined,
  to: Omit<WitnessedCheckpoint, "rootHash"> & { readonly rootHash: Uint8Array },
): Promise<boolean> {
  const values = { size: to.size, root: Buffer.from(to.rootHash), note: to.note, updatedAt: to.updatedAt };
  if (from === undefined) {
    const r = await db
      .insertInto("witnessLogs")
      .values({ origin: to.origin, ...values })
      .onConflict((oc) => oc.column("origin").doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable("witnessLogs")
    .set(values)
    .where("origin", "=", to.origin)
    .where("size", "=", from.size)
    .where("root", "=", Buffer.from(from.rootHash))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ForkEvidence {
  readonly id: string;
  readonly origin: string;
  readonly cosignedSize: number;
  readonly cosignedNote: string;
  readonly presentedOldSize: number;
  readonly presentedNote: string;
  readonly proof: string;
  readonly detail: string;
  readonly source: string;
  readonly detectedAt: number;
}

export async function insertForkEvidence(db: Db, e: ForkEvidence): Promise<void> {
  await db.insertInto("witnessForks").values(e).execute();
}

/** Fork evidence, newest first. */
export async function listForkEvidence(db: Db, origin?: string, limit = 100): Promise<ForkEvidence[]> {
  let q = db.selectFrom("witnessForks").selectAll().orderBy("detectedAt", "desc").orderBy("id", "desc").limit(limit);
  if (origin !== undefined) q = q.where("origin", "=", origin);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    cosignedSize: Number(r.cosignedSize),
    presentedOldSize: Number(r.presentedOldSize),
    detectedAt: Number(r.detectedAt),
  }));
}
