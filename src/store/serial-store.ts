import type { Db } from "./schema.ts";

export interface SerialRecord {
  readonly gtin: string;
  readonly serial: string;
  readonly lot: string | null;
  readonly partyId: string;
  readonly blockId: string;
  readonly issuedAt: number;
}

/** Inserts the serials that are new and returns how many were; a clash (same GTIN and serial) is skipped. */
export async function insertSerials(db: Db, rows: readonly SerialRecord[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto("serialNumbers")
    .values([...rows])
    .onConflict((oc) => oc.columns(["gtin", "serial"]).doNothing())
    .returning("serial")
    .execute();
  return new Set(inserted.map((r) => r.serial));
}

export async function findSerial(db: Db, gtin: string, serial: string): Promise<SerialRecord | undefined> {
  const row = await db
    .selectFrom("serialNumbers")
    .selectAll()
    .where("gtin", "=", gtin)
    .where("serial", "=", serial)
    .executeTakeFirst();
  return row && { ...row, issuedAt: Number(row.issuedAt) };
}
