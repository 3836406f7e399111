import type { Role } from "../core/auth/actor.ts";
import type { ApiKeysTable, Db } from "./schema.ts";

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly regionCode: string | null;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
}

export async function insertApiKey(db: Db, key: ApiKeyRecord, secretHash: string): Promise<void> {
  await db
    .insertInto("apiKeys")
    .values({ ...key, secretHash, revokedBy: null })
    .execute();
}

export async function findApiKeyBySecretHash(db: Db, secretHash: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom("apiKeys").selectAll().where("secretHash", "=", secretHash).executeTakeFirst();
  return row && fromRow(row);
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom("apiKeys").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

export async function listApiKeys(db: Db): Promise<ApiKeyRecord[]> {
  const rows = await db.selectFrom("apiKeys").selectAll().orderBy("id").execute();
  return rows.map(fromRow);
}

export async function revokeApiKey(db: Db, id: string, at: number, by: string): Promise<boolean> {
  const res = await db
    .updateTable("apiKeys")
    .set({ revokedAt: at, revokedBy: by })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Only moves forward, so concurrent requests never set it back. */
export async function touchApiKey(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable("apiKeys").set({ lastUsedAt: at }).where("id", "=", id).execute();
}

function fromRow(r: ApiKeysTable): ApiKeyRecord {
  return Object.freeze({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    partyId: r.partyId,
    regionCode: r.regionCode,
    createdAt: Number(r.createdAt),
    createdBy: r.createdBy,
    revokedAt: r.revokedAt === null ? null : Number(r.revokedAt),
    lastUsedAt: r.lastUsedAt === null ? null : Number(r.lastUsedAt),
  });
}
