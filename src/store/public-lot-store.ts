import { sql } from "kysely";
import { chunked } from "./batch.ts";
import type { Db } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

/**
 * The materialised public records of lots (migration 0017-public-lots). Writes elsewhere only mark records dirty
 * — one indexed UPDATE per statement they already make, touching only lots that have a record (most lots are
 * never scanned) — and the public side rebuilds them: in batches in the background, or on the spot when a scan
 * finds one dirty or missing.
 */
export interface PublicLotRow extends PublicLotContent {
  readonly traceKey: string;
  readonly lotId: string;
  readonly dirty: number;
  readonly builtAt: number;
}

/** A built record and the columns a scan reads without parsing it (all null while a first build is under way). */
export interface PublicLotContent {
  readonly recordJson: string | null;
  readonly productionDate: string | null;
  readonly expiryDate: string | null;
  readonly scanRegion: string | null;
  readonly flagsUntil: string | null;
}

const COLUMNS = [
  "traceKey",
  "lotId",
  "recordJson",
  "productionDate",
  "expiryDate",
  "scanRegion",
  "flagsUntil",
  "dirty",
  "builtAt",
] as const;

/** The read of every scan: compiled once (shaped-query.ts), then only executed. */
export async function findPublicLot(db: Db, traceKey: string): Promise<PublicLotRow | undefined> {
  return (await findPublicLots(db, [traceKey]))[0];
}

/**
 * The records of these lots (those that exist, in no particular order), by primary key in one statement per
 * 500 keys: the resolver reads the scans that arrive together in one go (services/public/read-public-lot.ts).
 */
export async function findPublicLots(db: Db, traceKeys: readonly string[]): Promise<PublicLotRow[]> {
  const out: PublicLotRow[] = [];
  for (const part of chunked(traceKeys, 1, 500)) {
    const res = await executeShaped(
      db,
      "publicLots.findMany",
      part.map((traceKey) => ({ traceKey })),
      [],
      () => db.selectFrom("publicLots").select(COLUMNS).where("traceKey", "in", part),
    );
    for (const row of res.rows) out.push({ ...row, dirty: Number(row.dirty), builtAt: Number(row.builtAt) });
  }
  return out;
}

/** Marks the records of these lots dirty (in the caller's transaction). */
export async function markLotsDirty(db: Db, lotIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(lotIds)];
  for (const part of chunked(ids, 1, 1_000)) {
    await db.updateTable("publicLots").set({ dirty: sql`dirty + 1` }).where("lotId", "in", part).execute();
  }
}

/** Marks dirty the records of a recall's lots: a recall banner appears (or goes) with the recall's own commit. */
export async function markRecallLotsDirty(db: Db, recallId: string): Promise<void> {
  await db
    .updateTable("publicLots")
    .set({ dirty: sql`dirty + 1` })
    .where("lotId", "in", (eb) => eb.selectFrom("recallLots").select("lotId").where("recallId", "=", recallId))
    .execute();
}

/** Marks dirty the records of the lots in these shipments (a shipment's papers are shown on its lots' pages). */
export async function markShipmentLotsDirty(db: Db, shipmentIds: readonly string[]): Promise<void> {
  if (shipmentIds.length === 0) return;
  await db
    .updateTable("publicLots")
    .set({ dirty: sql`dirty + 1` })
    .where("lotId", "in", (eb) =>
      eb
        .selectFrom("shipmentLines")
        .select("lotId")
        .where("shipmentId", "in", [...shipmentIds]),
    )
    .execute();
}

/**
 * Marks dirty the records of every lot a party held (its own lots start in its holdings too), and of lots made
 * from those (one level of transformation): a party's name, licences and public papers show on the pages of the
 * lots that passed through its hands. Rare (master data), so a statement over the party's indexes is fine.
 */
export async function markPartyLotsDirty(db: Db, partyId: string): Promise<void> {
  await db
    .updateTable("publicLots")
    .set({ dirty: sql`dirty + 1` })
    .where((eb) => {
      const held = eb.selectFrom("holdings").select("holdings.lotId").where("holdings.partyId", "=", partyId);
      return eb.or([
        eb("publicLots.lotId", "in", held),
        eb(
          "publicLots.lotId",
          "in",
          eb.selectFrom("lotInputs").select("lotInputs.outputLotId").where("lotInputs.inputLotId", "in", held),
        ),
      ]);
    })
    .execute();
}

/**
 * Claims records for a build: inserts an empty, dirty row for each lot that has none, and returns the dirty count
 * each build must still find to save (see savePublicLot). Claiming before reading closes the race with a write
 * that lands during the build: it finds the row and marks it, so the stale build is not saved.
 */
export async function claimPublicLots(
  db: Db,
  lots: readonly { traceKey: string; lotId: string }[],
  at: number,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunked(lots, 5)) {
    await db
      .insertInto("publicLots")
      .values(part.map((l) => ({ traceKey: l.traceKey, lotId: l.lotId, dirty: 1, builtAt: at })))
      .onConflict((oc) => oc.column("traceKey").doNothing())
      .execute();
    const rows = await db
      .selectFrom("publicLots")
      .select(["traceKey", "dirty"])
      .where(
        "traceKey",
        "in",
        part.map((l) => l.traceKey),
      )
      .execute();
    for (const r of rows) out.set(r.traceKey, Number(r.dirty));
  }
  return out;
}

/**
 * Saves a rebuilt record if nothing changed since the build read `dirty` (an optimistic check, one statement:
 * autocommitted, it holds one row lock at a time and cannot deadlock with a writer marking many rows).
 * Returns false when a change arrived meanwhile: the row stays dirty and is built again.
 */
export async function savePublicLot(
  db: Db,
  r: { traceKey: string; content: PublicLotContent; builtAt: number },
  readDirty: number,
): Promise<boolean> {
  // Compiled once (shaped-query.ts): the refresher saves thousands of these a second.
  const c = r.content;
  const set = {
    recordJson: c.recordJson,
    productionDate: c.productionDate,
    expiryDate: c.expiryDate,
    scanRegion: c.scanRegion,
    flagsUntil: c.flagsUntil,
    dirty: 0,
    builtAt: r.builtAt,
  };
  const res = await executeShaped(db, "publicLots.save", [set], [r.traceKey, readDirty], () =>
    db.updateTable("publicLots").set(set).where("traceKey", "=", r.traceKey).where("dirty", "=", readDirty),
  );
  return Number(res.numAffectedRows ?? 0) === 1;
}

export async function deletePublicLot(db: Db, traceKey: string): Promise<void> {
  await db.deleteFrom("publicLots").where("traceKey", "=", traceKey).execute();
}

/** Dirty records, through the partial index of dirty rows. */
export async function dirtyPublicLots(db: Db, limit: number): Promise<PublicLotRow[]> {
  const rows = await db.selectFrom("publicLots").select(COLUMNS).where("dirty", ">", 0).limit(limit).execute();
  return rows.map((r) => ({ ...r, dirty: Number(r.dirty), builtAt: Number(r.builtAt) }));
}

/**
 * Lots after `afterId` (in id order) that have no public record yet: the background refresher's backfill. Lot ids
 * are UUIDv7, so new lots come after the cursor (one committed late behind it is built by its first scan).
 */
export async function lotsWithoutPublicRecord(
  db: Db,
  afterId: string,
  limit: number,
): Promise<{ id: string; traceKey: string }[]> {
  return db
    .selectFrom("lots")
    .select(["lots.id", "lots.traceKey"])
    .where("lots.id", ">", afterId)
    .where("lots.revokedAt", "is", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("publicLots")
            .select("publicLots.traceKey")
            .whereRef("publicLots.traceKey", "=", "lots.traceKey"),
        ),
      ),
    )
    .orderBy("lots.id")
    .limit(limit)
    .execute();
}
