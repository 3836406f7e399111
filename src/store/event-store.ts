import type { IndexedField } from "../core/epcis/capture/index-event.ts";
import type { EpcRole } from "../core/epcis/event-epcs.ts";
import { chunked } from "./batch.ts";
import { commitRecords, type RecordSeal } from "./ledger-store.ts";
import type { Db } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

export interface StoredEvent {
  readonly eventId: string;
  readonly eventType: string;
  readonly eventTime: number;
  readonly recordTime: number;
  readonly action: string | null;
  readonly bizStep: string | null;
  readonly disposition: string | null;
  readonly readPoint: string | null;
  readonly bizLocation: string | null;
  /** The party that recorded it (its owner); null for events an operator captured for no party. */
  readonly partyId: string | null;
  readonly source: "platform" | "epcis";
  readonly captureId: string | null;
  /** The event hash ID, when it differs from eventId (the event brought its own eventID). */
  readonly hashId: string | null;
  readonly event: Readonly<Record<string, unknown>>;
  /** Every EPC or EPC class the event names, with its role, for query by EPC. */
  readonly epcs: readonly { readonly epc: string; readonly role: EpcRole }[];
  readonly fields: readonly IndexedField[];
  /** The parties it concerns (owner, source, destination), with their regions: who may read it. */
  readonly parties: readonly EventParty[];
}

export interface EventParty {
  readonly partyId: string;
  readonly regionCode: string;
  readonly role: "owner" | "source" | "destination";
}

/**
 * Stores EPCIS events, each once: an event whose id is already stored is skipped (its id is its event hash ID,
 * CBV 2.0 §8.9.2, unless it brought its own), so a retried capture is a no-op. Set-based: one INSERT per table per
 * chunk, each statement shape compiled once. Every new event is committed to the ledger in the same transaction.
 * Returns the ids that were new.
 */
export async function insertEvents(
  db: Db,
  events: readonly StoredEvent[],
  seals?: ReadonlyMap<string, RecordSeal>,
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunked(events, 14)) {
    const values = chunk.map(eventRow);
    const { rows } = await executeShaped(db, "events.insert", values, [], () =>
      db
        .insertInto("events")
        .values(values)
        .onConflict((oc) => oc.column("eventId").doNothing())
        .returning("eventId"),
    );
    for (const r of rows) inserted.add(r.eventId);
    const fresh = values.filter((v) => inserted.has(v.eventId));
    await commitRecords(db, "epcis-event", fresh, fresh[0]?.recordTime ?? 0, seals ? { seals } : {});
  }
  const fresh = events.filter((e) => inserted.has(e.eventId));
  const epcs = fresh.flatMap((e) =>
    [...new Map(e.epcs.map((x) => [`${x.epc} ${x.role}`, x])).values()].map((x) => ({
      eventId: e.eventId,
      epc: x.epc,
      role: x.role,
    })),
  );
  for (const chunk of chunked(epcs, 3))
    await executeShaped(db, "event-epcs.insert", chunk, [], () => db.insertInto("eventEpcs").values(chunk));
  const fields = fresh.flatMap((e) => e.fields.map((f) => ({ ...f, eventId: e.eventId })));
  for (const chunk of chunked(fields, 4)) await db.insertInto("eventFields").values(chunk).execute();
  const parties = fresh.flatMap((e) => dedupeParties(e.parties).map((p) => ({ ...p, eventId: e.eventId })));
  for (const chunk of chunked(parties, 4)) await db.insertInto("eventParties").values(chunk).execute();
  return inserted;
}

/** The `events` row of an event, as stored and as the ledger commits it ("epcis-event"). */
export function eventRow(e: StoredEvent) {
  return {
    eventId: e.eventId,
    eventType: e.eventType,
    eventTime: e.eventTime,
    recordTime: e.recordTime,
    action: e.action,
    bizStep: e.bizStep,
    disposition: e.disposition,
    readPoint: e.readPoint,
    bizLocation: e.bizLocation,
    partyId: e.partyId,
    source: e.source,
    captureId: e.captureId,
    hashId: e.hashId,
    eventJson: JSON.stringify(e.event),
  };
}

/** Stores one event (a platform action); false when it was already stored. */
export async function insertEvent(db: Db, e: StoredEvent): Promise<boolean> {
  return (await insertEvents(db, [e])).has(e.eventId);
}

function dedupeParties(parties: readonly EventParty[]): EventParty[] {
  return [...new Map(parties.map((p) => [`${p.partyId} ${p.role}`, p])).values()];
}

export async function findEvent(db: Db, eventId: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.selectFrom("events").select("eventJson").where("eventId", "=", eventId).executeTakeFirst();
  return row && JSON.parse(row.eventJson);
}

/** Which of these ids are stored already, with the party that recorded each (null: an operator). */
export async function eventOwners(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const part of chunked([...new Set(ids)], 1, 1000)) {
    const rows = await db.selectFrom("events").select(["eventId", "partyId"]).where("eventId", "in", part).execute();
    for (const r of rows) out.set(r.eventId, r.partyId);
  }
  return out;
}

/** Records an error declaration on a stored event (the event row itself never changes). False if one exists. */
export async function insertErrorDeclaration(
  db: Db,
  d: {
    eventId: string;
    declaredAt: number;
    reason: string;
    note: string | null;
    declaredBy: string;
    declaration: Readonly<Record<string, unknown>>;
  },
): Promise<boolean> {
  const { declaration, ...row } = d;
  const inserted = await db
    .insertInto("eventErrorDeclarations")
    .values({ ...row, declarationJson: JSON.stringify(declaration) })
    .onConflict((oc) => oc.column("eventId").doNothing())
    .returning("eventId")
    .executeTakeFirst();
  return inserted !== undefined;
}
