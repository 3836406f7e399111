import { type EventAccess, eventAccessFor } from "../../core/epcis/event-access.ts";
import { SUYUAN_NS } from "../../core/epcis/platform/platform-context.ts";
import { decodePageToken, encodePageToken, queryFingerprint } from "../../core/epcis/query/page-token.ts";
import { type EventQuery, parseEventQuery, type QueryParams } from "../../core/epcis/query/simple-event-query.ts";
import { AppError, type FieldError } from "../../core/errors.ts";
import { type QueriedEvent, queryEvents } from "../../store/epcis-query-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** perPage bounds (REST binding PerPage): default and maximum page sizes. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

export interface EventPage {
  readonly events: readonly QueriedEvent[];
  readonly nextPageToken: string | null;
}

export function readerAccess(ctx: ServiceContext): EventAccess {
  const access = eventAccessFor(ctx.actor);
  if (!access) throw new AppError("unauthenticated", "EPCIS queries need an API key");
  return access;
}

export function parseQueryOrThrow(params: QueryParams, pointerBase = "/query"): EventQuery {
  const parsed = parseEventQuery(params, new Map([["sy", SUYUAN_NS]]));
  if (!parsed.ok)
    throw queryParameterError(parsed.errors.map((e) => ({ ...e, pointer: `${pointerBase}${e.pointer}` })));
  return parsed.query;
}

export function queryParameterError(errors: readonly FieldError[]): AppError {
  return new AppError("epcis-query-parameter", errors.map((e) => `${e.pointer} ${e.detail}`).join("; "), {
    errors,
    extra: { epcisException: "QueryParameterException" },
  });
}

/**
 * EPCIS query (EPCIS 2.0 §8.2.7.1 SimpleEventQuery, REST binding `GET /events`): the events matching the
 * parameters that the caller may read, a page at a time (perPage, nextPageToken).
 */
export async function queryEpcisEvents(
  ctx: ServiceContext,
  params: QueryParams,
  paging: { perPage?: number; nextPageToken?: string },
  extra: Partial<EventQuery> = {},
): Promise<EventPage> {
  const access = readerAccess(ctx);
  const { "@epc": _resource, ...standard } = params;
  const parsed = parseQueryOrThrow(standard);
  const query = { ...parsed, epcMatches: [...parsed.epcMatches, ...(extra.epcMatches ?? [])] };
  return runQuery(ctx, query, access, params, paging);
}

export async function runQuery(
  ctx: ServiceContext,
  query: EventQuery,
  access: EventAccess,
  params: QueryParams,
  paging: { perPage?: number; nextPageToken?: string },
): Promise<EventPage> {
  const perPage = paging.perPage ?? DEFAULT_PER_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    throw queryParameterError([{ pointer: "/query/perPage", detail: `must be 1…${MAX_PER_PAGE}` }]);
  const fingerprint = queryFingerprint({ ...params, perPage });
  let after: ReturnType<typeof decodePageToken>;
  if (paging.nextPageToken !== undefined) {
    after = decodePageToken(paging.nextPageToken, fingerprint);
    if (!after)
      throw queryParameterError([
        { pointer: "/query/nextPageToken", detail: "is not a token this query issued (repeat the same parameters)" },
      ]);
  }
  // eventCountLimit bounds the whole answer: a later page may hold only what is left of it.
  const limit = query.eventCountLimit === undefined ? perPage : Math.min(perPage, query.eventCountLimit);
  const rows = await queryEvents(ctx.store.db, query, access, { limit: limit + 1, ...(after ? { after } : {}) });
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  const more = rows.length > limit && query.eventCountLimit === undefined;
  return {
    events,
    nextPageToken:
      more && last
        ? encodePageToken(
            { value: query.orderBy === "eventTime" ? last.eventTime : last.recordTime, eventId: last.eventId },
            fingerprint,
          )
        : null,
  };
}

/**
 * `GET /events/{eventID}`: one event the caller may read, or not-found (also when it may not read it). An event
 * that brought its own eventID is found by its event hash ID too (CBV 2.0 §8.9.2), the id every binding agrees on.
 */
export async function getEpcisEvent(ctx: ServiceContext, eventId: string): Promise<QueriedEvent> {
  const access = readerAccess(ctx);
  const query = parseQueryOrThrow({ EQ_eventID: [eventId] });
  const [found] = await queryEvents(ctx.store.db, query, access, { limit: 1, byHashToo: true });
  if (!found)
    throw new AppError("not-found", `no event ${eventId} that this key may read`, {
      extra: { epcisException: "NoSuchResourceException" },
    });
  return found;
}
