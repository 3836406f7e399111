import type { Db } from "./schema.ts";

/** What the platform knows of one of its witnesses. */
export interface WitnessState {
  readonly name: string;
  readonly witnessSize: number | null;
  readonly cosignedSize: number | null;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly updatedAt: number;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export async function witnessStates(db: Db): Promise<Map<string, WitnessState>> {
  const rows = await db.selectFrom("ledgerWitnesses").selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.name,
      {
        ...r,
        witnessSize: num(r.witnessSize),
        cosignedSize: num(r.cosignedSize),
        attempts: Number(r.attempts),
        nextAttemptAt: Number(r.nextAttemptAt),
        updatedAt: Number(r.updatedAt),
      },
    ]),
  );
}

export async function saveWitnessState(db: Db, s: WitnessState): Promise<void> {
  const { name, ...rest } = s;
  await db
    .insertInto("ledgerWitnesses")
    .values(s)
    .onConflict((oc) => oc.column("name").doUpdateSet(rest))
    .execute();
}

export interface StoredCosignature {
  readonly size: number;
  readonly witness: string;
  readonly line: string;
  readonly signedAt: number;
}

/** Keeps a cosignature; a second one by the same witness for the same size (a retry) leaves the first. */
export async function insertCosignature(db: Db, c: StoredCosignature, at: number): Promise<void> {
  await db
    .insertInto("ledgerCosignatures")
    .values({ ...c, createdAt: at })
    .onConflict((oc) => oc.columns(["size", "witness"]).doNothing())
    .execute();
}

/** Cosignatures of the newest cosigned sizes ≥ `minSize`, newest size first (at most `sizes` sizes). */
export async function recentCosignatures(db: Db, minSize: number, sizes = 64): Promise<StoredCosignature[]> {
  const newest = db
    .selectFrom("ledgerCosignatures")
    .select("size")
    .distinct()
    .where("size", ">=", minSize)
    .orderBy("size", "desc")
    .limit(sizes);
  const rows = await db
    .selectFrom("ledgerCosignatures")
    .select(["size", "witness", "line", "signedAt"])
    .where("size", "in", newest)
    .orderBy("size", "desc")
    .orderBy("witness")
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), signedAt: Number(r.signedAt) }));
}

export async function cosignaturesAt(db: Db, size: number): Promise<StoredCosignature[]> {
  const rows = await db
    .selectFrom("ledgerCosignatures")
    .select(["size", "witness", "line", "signedAt"])
    .where("size", "=", size)
    .orderBy("witness")
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), signedAt: Number(r.signedAt) }));
}
