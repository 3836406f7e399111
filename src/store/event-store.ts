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
  const seqOf = new Map<string, number>();
  for (const chunk of chunked(events, 14)) {
    const values = chunk.map(eventRow);
    const { rows } = await executeShaped(db, "events.insert", values, [], () =>
      db
        .insertInto("events")
        .values(values)
        .onConflict((oc) => oc.column("eventId").doNothing())
        .returning(["eventId", "seq"]),
    );
    for (const r of rows) seqOf.set(r.eventId, Number(r.seq));
    const fresh = values.filter((v) => seqOf.has(v.eventId));
    await commitRecords(db, "epcis-event", fresh, fresh[0]?.recordTime ?? 0, seals ? { seals } : {});
  }
  // The index rows refer to the event's seq; each set is deduplicated, as each table's key is the whole row.
  const epcs: { epc: string; eventSeq: number; role: string }[] = [];
  const fields: { kind: string; name: string; value: string; eventSeq: number }[] = [];
  const parties: { partyId: string; eventSeq: number; role: string; regionCode: string }[] = [];
  const indexed = new Set<number>();
  for (const e of events) {
    const eventSeq = seqOf.get(e.eventId);
    // Not new (stored before), or named twice in this batch: indexed once.
    if (eventSeq === undefined || indexed.has(eventSeq)) continue;
    indexed.add(eventSeq);
    const seen = new Set<string>();
    for (const x of e.epcs) {
      const k = `${x.epc} ${x.role}`;
      if (seen.has(k)) continue;
      seen.add(k);
      epcs.push({ epc: x.epc, eventSeq, role: x.role });
    }
    seen.clear();
    for (const f of e.fields) {
      const k = `${f.kind} ${f.name} ${f.value}`;
      if (seen.has(k)) continue;
      seen.add(k);
      fields.push({ kind: f.kind, name: f.name, value: f.value, eventSeq });
    }
    seen.clear();
    for (const p of e.parties) {
      const k = `${p.partyId} ${p.role}`;
      if (seen.has(k)) continue;
      seen.add(k);
      parties.push({ partyId: p.partyId, eventSeq, role: p.role, regionCode: p.regionCode });
    }
  }
  for (const chunk of chunked(epcs, 3))
    await executeShaped(db, "event-epcs.insert", chunk, [], () => db.insertInto("eventEpcs").values(chunk));
  for (const chunk of chunked(fields, 4))
    await executeShaped(db, "event-fields.insert", chunk, [], () => db.insertInto("eventFields").values(chunk));
  for (const chunk of chunked(parties, 4))
    await executeShaped(db, "event-parties.insert", chunk, [], () => db.insertInto("eventParties").values(chunk));
  return new Set(seqOf.keys());
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
