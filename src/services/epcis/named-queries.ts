import { actorRef, isOperator } from "../../core/auth/actor.ts";
import type { QueryParams } from "../../core/epcis/query/simple-event-query.ts";
import { AppError } from "../../core/errors.ts";
import {
  deleteNamedQuery as deleteQueryRow,
  findNamedQuery,
  insertNamedQuery,
  listNamedQueries,
  type NamedQuery,
} from "../../store/epcis-subscription-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { type EventPage, parseQueryOrThrow, readerAccess, runQuery } from "./query-events.ts";

const nameRe = /^[A-Za-z0-9._~-]{1,100}$/;

/**
 * Named queries (EPCIS 2.0 REST binding `/queries`): a SimpleEventQuery saved under a name, run by anyone who
 * may query — each reader sees only the events it may read (the query is a filter, not a grant).
 */
export async function createNamedQuery(ctx: ServiceContext, input: { name: string; query: QueryParams }) {
  readerAccess(ctx);
  if (!nameRe.test(input.name))
    throw new AppError("validation-failed", "a query name is 1-100 letters, digits, '.', '_', '~' or '-'", {
      pointer: "/body/name",
    });
  parseQueryOrThrow(input.query, "/body/query");
  const q: NamedQuery = {
    name: input.name,
    query: input.query,
    createdBy: actorRef(ctx.actor),
    createdAt: ctx.clock.now(),
  };
  return ctx.store.transaction(async (tx) => {
    if (!(await insertNamedQuery(tx, q)))
      throw new AppError("conflict", `a query named ${q.name} exists`, {
        pointer: "/body/name",
        extra: { epcisException: "ResourceAlreadyExistsException" },
      });
    await recordAudit(tx, ctx, "epcis.query.create", { type: "epcisQuery", id: q.name }, { query: q.query });
    return q;
  });
}

export async function getNamedQuery(ctx: ServiceContext, name: string): Promise<NamedQuery> {
  readerAccess(ctx);
  const q = await findNamedQuery(ctx.store.db, name);
  if (!q)
    throw new AppError("not-found", `no query named ${name}`, { extra: { epcisException: "NoSuchResourceException" } });
  return q;
}

export async function listQueries(ctx: ServiceContext): Promise<NamedQuery[]> {
  readerAccess(ctx);
  return listNamedQueries(ctx.store.db);
}

/** Only its author (or an operator) deletes a query; its subscriptions go with it. */
export async function deleteNamedQuery(ctx: ServiceContext, name: string): Promise<void> {
  const q = await getNamedQuery(ctx, name);
  if (!isOperator(ctx.actor) && q.createdBy !== actorRef(ctx.actor))
    throw new AppError("forbidden", "only the key that created a query deletes it");
  await ctx.store.transaction(async (tx) => {
    await deleteQueryRow(tx, name);
    await recordAudit(tx, ctx, "epcis.query.delete", { type: "epcisQuery", id: name });
  });
}

/** `GET /queries/{name}/events`: the named query's events that the caller may read, a page at a time. */
export async function runNamedQuery(
  ctx: ServiceContext,
  name: string,
  paging: { perPage?: number; nextPageToken?: string },
): Promise<EventPage> {
  const q = await getNamedQuery(ctx, name);
  return runQuery(ctx, parseQueryOrThrow(q.query), readerAccess(ctx), { ...q.query, "@query": name }, paging);
}
