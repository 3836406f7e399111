import { type ExpressionBuilder, sql } from "kysely";
import type { EventAccess } from "../core/epcis/event-access.ts";
import type { PagePosition } from "../core/epcis/query/page-token.ts";
import type { EventQuery } from "../core/epcis/query/simple-event-query.ts";
import type { Database, Db } from "./schema.ts";

export interface QueriedEvent {
  readonly eventId: string;
  readonly recordTime: number;
  readonly eventTime: number;
  /** The event as stored, or its error-declared copy when an error was declared on it (EPCIS 2.0 §7.4.1.4). */
  readonly event: Record<string, unknown>;
}

type Eb = ExpressionBuilder<Database & { e: Database["events"] }, "e">;

/**
 * Runs a SimpleEventQuery plan (EPCIS 2.0 §8.2.7.1). Every filter is an index look-up: EPCs and repeated fields
 * through `seq IN (…)` on their own indexes, access through the event's parties; results in keyset pages.
 */
export async function queryEvents(
  db: Db,
  q: EventQuery,
  access: EventAccess,
  page: {
    readonly limit: number;
    readonly after?: PagePosition;
    readonly onlyIds?: readonly string[];
    /** EQ_eventID also matches the event hash ID of events that brought their own eventID. */
    readonly byHashToo?: boolean;
  },
): Promise<QueriedEvent[]> {
  const col = q.orderBy === "eventTime" ? "e.eventTime" : "e.recordTime";
  const dir = q.orderDirection === "DESC" ? "desc" : "asc";
  let s = db
    .selectFrom("events as e")
    .leftJoin("eventErrorDeclarations as d", "d.eventId", "e.eventId")
    .select(["e.eventId", "e.recordTime", "e.eventTime", "e.eventJson", "d.declarationJson"]);
  if (q.eventTypes) s = s.where("e.eventType", "in", [...q.eventTypes]);
  if (q.eventIds) {
    const ids = [...q.eventIds];
    s = page.byHashToo
      ? s.where((eb) => eb.or([eb("e.eventId", "in", ids), eb("e.hashId", "in", ids)]))
      : s.where("e.eventId", "in", ids);
  }
  if (page.onlyIds) s = s.where("e.eventId", "in", page.onlyIds.length > 0 ? [...page.onlyIds] : [""]);
  if (q.geEventTime !== undefined) s = s.where("e.eventTime", ">=", q.geEventTime);
  if (q.ltEventTime !== undefined) s = s.where("e.eventTime", "<", q.ltEventTime);
  if (q.geRecordTime !== undefined) s = s.where("e.recordTime", ">=", q.geRecordTime);
  if (q.ltRecordTime !== undefined) s = s.where("e.recordTime", "<", q.ltRecordTime);
  if (q.actions) s = s.where("e.action", "in", [...q.actions]);
  if (q.bizSteps) s = s.where("e.bizStep", "in", [...q.bizSteps]);
  if (q.dispositions) s = s.where("e.disposition", "in", [...q.dispositions]);
  if (q.readPoints) s = s.where("e.readPoint", "in", [...q.readPoints]);
  if (q.bizLocations) s = s.where("e.bizLocation", "in", [...q.bizLocations]);
  for (const m of q.epcMatches) {
    s = s.where("e.seq", "in", (eb) =>
      eb
        .selectFrom("eventEpcs as x")
        .select("x.eventSeq")
        .where("x.role", "in", [...m.roles])
        .where((w) =>
          w.or(
            m.values.map((v) =>
              v.exact !== undefined ? w("x.epc", "=", v.exact) : w("x.epc", "like", `${likePrefix(v.prefix ?? "")}%`),
            ),
          ),
        ),
    );
  }
  for (const f of q.fieldMatches) {
    s = s.where("e.seq", "in", (eb) => {
      let sub = eb.selectFrom("eventFields as f").select("f.eventSeq").where("f.kind", "=", f.kind);
      if (f.name !== undefined) sub = sub.where("f.name", "=", f.name);
      return sub.where("f.value", "in", [...f.values]);
    });
  }
  s = s.where((eb) => accessFilter(eb as unknown as Eb, access));
  if (page.after) {
    const { value, eventId } = page.after;
    const cmp = dir === "asc" ? ">" : "<";
    s = s.where((eb) => eb.or([eb(col, cmp, value), eb.and([eb(col, "=", value), eb("e.eventId", cmp, eventId)])]));
  }
  const rows = await s.orderBy(col, dir).orderBy("e.eventId", dir).limit(page.limit).execute();
  return rows.map((r) => ({
    eventId: r.eventId,
    recordTime: Number(r.recordTime),
    eventTime: Number(r.eventTime),
    event: JSON.parse(r.declarationJson ?? r.eventJson),
  }));
}

function accessFilter(eb: Eb, access: EventAccess) {
  if (access.kind === "all") return eb.lit(true);
  return eb.exists(
    eb
      .selectFrom("eventParties as p")
      .select("p.eventSeq")
      .whereRef("p.eventSeq", "=", "e.seq")
      .where((w) =>
        access.kind === "party"
          ? w("p.partyId", "=", access.partyId)
          : w("p.regionCode", "like", `${likePrefix(access.prefix)}%`),
      ),
  );
}

/**
 * LIKE prefixes here are GB/T 2260 digits or canonical Digital Link paths (digits and `/`), which never hold a
 * LIKE wildcard; anything else is refused rather than escaped (the engines escape differently).
 */
function likePrefix(s: string): string {
  if (/[%_\\]/.test(s)) throw new RangeError(`not a safe LIKE prefix: ${s}`);
  return s;
}

export type ResourceKind = "eventTypes" | "epcs" | "bizSteps" | "bizLocations" | "readPoints" | "dispositions";

/**
 * The distinct values of one top-level resource (EPCIS 2.0 REST binding: /eventTypes, /epcs, …) among the events
 * a reader may see, in value order, a page at a time.
 */
export async function listResourceValues(
  db: Db,
  kind: ResourceKind,
  access: EventAccess,
  page: { readonly limit: number; readonly after?: string },
): Promise<string[]> {
  if (kind === "epcs") {
    let s = db
      .selectFrom("eventEpcs as x")
      .innerJoin("events as e", "e.seq", "x.eventSeq")
      .select("x.epc as value")
      .distinct()
      .where((eb) => accessFilter(eb as unknown as Eb, access));
    if (page.after !== undefined) s = s.where("x.epc", ">", page.after);
    return (await s.orderBy("x.epc").limit(page.limit).execute()).map((r) => r.value);
  }
  const column = {
    eventTypes: "e.eventType",
    bizSteps: "e.bizStep",
    bizLocations: "e.bizLocation",
    readPoints: "e.readPoint",
    dispositions: "e.disposition",
  } as const;
  const c = column[kind];
  let s = db
    .selectFrom("events as e")
    .select(sql<string>`${sql.ref(c)}`.as("value"))
    .distinct()
    .where(c, "is not", null)
    .where((eb) => accessFilter(eb as unknown as Eb, access));
  if (page.after !== undefined) s = s.where(c, ">", page.after);
  return (await s.orderBy("value").limit(page.limit).execute()).map((r) => r.value);
}
