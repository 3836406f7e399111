import { chunked } from "./batch.ts";
import { commitRecords } from "./ledger-store.ts";
import type { Db } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

export interface StoredEvent {
  readonly eventId: string;
  readonly eventType: string;
  readonly eventTime: number;
  readonly recordTime: number;
  readonly bizStep: string | null;
  readonly disposition: string | null;
  readonly partyId: string | null;
  readonly source: "platform" | "epcis";
  readonly event: Readonly<Record<string, unknown>>;
  /** Every EPC or EPC class the event names, with its role, for query by EPC. */
  readonly epcs: readonly { readonly epc: string; readonly role: string }[];
}

/**
 * Stores an EPCIS event once: its id is its event hash ID (CBV 2.0 §8.9.2) unless it brought its own, so a
 * retried capture of the same event is a no-op. Returns false when it was already stored.
 */
export async function insertEvent(db: Db, e: StoredEvent): Promise<boolean> {
  return (await insertEvents(db, [e])).has(e.eventId);
}

/** Stores many events with two multi-row statements per chunk; returns the ids that were new. */
export async function insertEvents(db: Db, events: readonly StoredEvent[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunked(events, 9)) {
    const values = chunk.map((e) => ({
      eventId: e.eventId,
      eventType: e.eventType,
      eventTime: e.eventTime,
      recordTime: e.recordTime,
      bizStep: e.bizStep,
      disposition: e.disposition,
      partyId: e.partyId,
      source: e.source,
      eventJson: JSON.stringify(e.event),
    }));
    const { rows } = await executeShaped(db, "events.insert", values, [], () =>
      db
        .insertInto("events")
        .values(values)
        .onConflict((oc) => oc.column("eventId").doNothing())
        .returning("eventId"),
    );
    for (const r of rows) inserted.add(r.eventId);
    const fresh = values.filter((v) => inserted.has(v.eventId));
    await commitRecords(db, "epcis-event", fresh, fresh[0]?.recordTime ?? 0);
  }
  const epcs: { eventId: string; epc: string; role: string }[] = [];
  for (const e of events) {
    if (!inserted.has(e.eventId)) continue;
    const seen = new Set<string>();
    for (const x of e.epcs) {
      const key = `${x.epc} ${x.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      epcs.push({ eventId: e.eventId, epc: x.epc, role: x.role });
    }
  }
  for (const chunk of chunked(epcs, 3))
    await executeShaped(db, "event-epcs.insert", chunk, [], () => db.insertInto("eventEpcs").values(chunk));
  return inserted;
}

export async function findEvent(db: Db, eventId: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.selectFrom("events").select("eventJson").where("eventId", "=", eventId).executeTakeFirst();
  return row && JSON.parse(row.eventJson);
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
