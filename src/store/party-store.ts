import type { Party, PartyKind } from "../core/parties/party.ts";
import { chunked } from "./batch.ts";
import { commitRecords } from "./ledger-store.ts";
import { markPartyLotsDirty } from "./public-lot-store.ts";
import type { Db, PartiesTable } from "./schema.ts";

/** Parties in and out of the database as core values, never rows. */
export async function insertParty(db: Db, p: Party): Promise<void> {
  const row = toRow(p);
  await db.insertInto("parties").values(row).execute();
  await commitRecords(db, "party", [row], row.updatedAt);
}

/** Many parties in multi-row statements, each committed to the ledger (bulk loads such as `suyuan synth`). */
export async function insertParties(db: Db, parties: readonly Party[]): Promise<void> {
  const rows = parties.map(toRow);
  for (const chunk of chunked(rows, 15)) await db.insertInto("parties").values(chunk).execute();
  await commitRecords(db, "party", rows, rows[0]?.updatedAt ?? 0);
}

/** Writes a new version of a party; returns false when `expectedVersion` is no longer current (lost update). */
export async function updateParty(db: Db, p: Party, expectedVersion: number): Promise<boolean> {
  const row = toRow(p);
  const res = await db
    .updateTable("parties")
    .set(row)
    .where("id", "=", p.id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await commitRecords(db, "party", [row], row.updatedAt, { supersede: true });
  await markPartyLotsDirty(db, p.id);
  return true;
}

export async function findPartyById(db: Db, id: string): Promise<Party | undefined> {
  const row = await db.selectFrom("parties").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

export async function findPartiesByIds(db: Db, ids: readonly string[]): Promise<Map<string, Party>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("parties")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

export async function findPartyByCreditCode(db: Db, creditCode: string): Promise<Party | undefined> {
  const row = await db.selectFrom("parties").selectAll().where("creditCode", "=", creditCode).executeTakeFirst();
  return row && fromRow(row);
}

export interface PartyFilter {
  /** GB/T 2260 prefix: every party whose region code starts with it. */
  readonly regionPrefix?: string;
  readonly kind?: PartyKind;
  readonly keyParty?: boolean;
  /** Keyset pagination: ids are time-ordered, so "after id" is stable under inserts. */
  readonly afterId?: string;
  readonly limit: number;
}

export async function listParties(db: Db, f: PartyFilter): Promise<Party[]> {
  let q = db.selectFrom("parties").selectAll();
  if (f.regionPrefix) q = q.where("regionCode", "like", `${f.regionPrefix}%`);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.keyParty !== undefined) q = q.where("keyParty", "=", f.keyParty ? 1 : 0);
  if (f.afterId) q = q.where("id", ">", f.afterId);
  const rows = await q.orderBy("id").limit(f.limit).execute();
  return rows.map(fromRow);
}

function toRow(p: Party): PartiesTable {
  return {
    id: p.id,
    name: p.name,
    creditCode: p.creditCode,
    kind: p.kind,
    regionCode: p.regionCode,
    address: p.address,
    contactJson: p.contact ? JSON.stringify(p.contact) : null,
    licencesJson: JSON.stringify(p.licences),
    gln: p.gln,
    keyParty: p.keyParty ? 1 : 0,
    homePlatform: p.homePlatform,
    partyCode: p.partyCode,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

function fromRow(r: PartiesTable): Party {
  return Object.freeze({
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    kind: r.kind as PartyKind,
    regionCode: r.regionCode,
    address: r.address,
    contact: r.contactJson ? JSON.parse(r.contactJson) : null,
    licences: JSON.parse(r.licencesJson),
    gln: r.gln,
    keyParty: Number(r.keyParty) === 1,
    homePlatform: r.homePlatform,
    partyCode: r.partyCode,
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
    version: Number(r.version),
  });
}

/** Parties without a credit code (farmers, stall holders) are told apart by name within their region. */
export async function findPartyByNameInRegion(db: Db, name: string, regionCode: string): Promise<Party | undefined> {
  const row = await db
    .selectFrom("parties")
    .selectAll()
    .where("name", "=", name)
    .where("regionCode", "=", regionCode)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Parties by GLN or by party code, in one look-up (how EPCIS events name parties: core/epcis/capture/event-parties.ts). */
export async function findPartiesByKeys(
  db: Db,
  keys: { glns: readonly string[]; partyCodes: readonly string[] },
): Promise<Party[]> {
  if (keys.glns.length === 0 && keys.partyCodes.length === 0) return [];
  const rows = await db
    .selectFrom("parties")
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(keys.glns.length > 0 ? [eb("gln", "in", [...keys.glns])] : []),
        ...(keys.partyCodes.length > 0 ? [eb("partyCode", "in", [...keys.partyCodes])] : []),
      ]),
    )
    .execute();
  return rows.map(fromRow);
}

/** By GLN (AI 414/417) or by the platform party code (/p/{CODE}): the party code (主体码) look-ups. */
export async function findPartyByCode(
  db: Db,
  code: { readonly gln: string | null; readonly partyCode: string | null },
): Promise<Party | undefined> {
  const q = db.selectFrom("parties").selectAll();
  const row = await (code.gln !== null
    ? q.where("gln", "=", code.gln)
    : q.where("partyCode", "=", code.partyCode ?? "")
  ).executeTakeFirst();
  return row && fromRow(row);
}
