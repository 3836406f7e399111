import type { Db } from "./schema.ts";

export interface IdempotencyRecord {
  readonly requestHash: string;
  /** 0 while the first request is still being processed. */
  readonly statusCode: number;
  readonly responseJson: string;
}

/** Claims a key for a request; returns the existing record when the key was claimed before. */
export async function claimIdempotencyKey(
  db: Db,
  actor: string,
  key: string,
  requestHash: string,
  at: number,
): Promise<IdempotencyRecord | undefined> {
  const inserted = await db
    .insertInto("idempotencyKeys")
    .values({ actor, key, requestHash, statusCode: 0, responseJson: "", createdAt: at })
    .onConflict((oc) => oc.columns(["actor", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) return undefined;
  const row = await db
    .selectFrom("idempotencyKeys")
    .select(["requestHash", "statusCode", "responseJson"])
    .where("actor", "=", actor)
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return { ...row, statusCode: Number(row.statusCode) };
}

export async function completeIdempotencyKey(
  db: Db,
  actor: string,
  key: string,
  statusCode: number,
  responseJson: string,
): Promise<void> {
  await db
    .updateTable("idempotencyKeys")
    .set({ statusCode, responseJson })
    .where("actor", "=", actor)
    .where("key", "=", key)
    .execute();
}

export async function releaseIdempotencyKey(db: Db, actor: string, key: string): Promise<void> {
  await db
    .deleteFrom("idempotencyKeys")
    .where("actor", "=", actor)
    .where("key", "=", key)
    .where("statusCode", "=", 0)
    .execute();
}
