import { canonicalEpc } from "../../core/epcis/event-epcs.ts";
import type { EventQuery, QueryParams } from "../../core/epcis/query/simple-event-query.ts";
import { listResourceValues, type ResourceKind } from "../../store/epcis-query-store.ts";
import type { ServiceContext } from "../service-context.ts";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, queryParameterError, readerAccess } from "./query-events.ts";

/** The values of one top-level resource among the events the caller may read, a page at a time. */
export async function listResources(
  ctx: ServiceContext,
  kind: ResourceKind,
  paging: { perPage?: number; nextPageToken?: string },
): Promise<{ members: string[]; nextPageToken: string | null }> {
  const access = readerAccess(ctx);
  const perPage = paging.perPage ?? DEFAULT_PER_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    throw queryParameterError([{ pointer: "/query/perPage", detail: `must be 1…${MAX_PER_PAGE}` }]);
  let after: string | undefined;
  if (paging.nextPageToken !== undefined) {
    try {
      after = Buffer.from(paging.nextPageToken, "base64url").toString("utf8");
    } catch {
      after = undefined;
    }
  }
  const values = await listResourceValues(ctx.store.db, kind, access, {
    limit: perPage + 1,
    ...(after !== undefined ? { after } : {}),
  });
  const members = values.slice(0, perPage);
  const more = values.length > perPage;
  return { members, nextPageToken: more ? Buffer.from(members.at(-1) as string).toString("base64url") : null };
}

/**
 * `/{resource}/{value}/events` as a SimpleEventQuery: the resource's value as the matching parameter. An EPC
 * resource matches in every role, instance or class (a lot's trace code is a class, EPCIS 2.0 §7.3.3.3).
 */
export function resourceEventsQuery(
  kind: ResourceKind,
  value: string,
  params: QueryParams,
): { params: QueryParams; extra: Partial<EventQuery> } {
  if (kind === "epcs") {
    const roles = [
      "epc",
      "class",
      "parent",
      "child",
      "childClass",
      "input",
      "inputClass",
      "output",
      "outputClass",
    ] as const;
    return {
      params: { ...params, "@epc": value },
      extra: { epcMatches: [{ roles, values: [{ exact: canonicalEpc(value) }] }] },
    };
  }
  const name = {
    eventTypes: "eventType",
    bizSteps: "EQ_bizStep",
    bizLocations: "EQ_bizLocation",
    readPoints: "EQ_readPoint",
    dispositions: "EQ_disposition",
  }[kind];
  return { params: { ...params, [name]: [value] }, extra: {} };
}
