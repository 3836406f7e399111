import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { QueryParams } from "../../../core/epcis/query/simple-event-query.ts";
import { type EventPage, getEpcisEvent, queryEpcisEvents } from "../../../services/epcis/query-events.ts";
import { answerOptions } from "./epcis-headers.ts";
import { presentQueryDocument } from "./epcis-presenter.ts";

const tags = ["EPCIS 2.0 query"];
type Query = Record<string, string | string[] | undefined>;

/** Splits the REST binding's paging controls from the SimpleEventQuery parameters. */
export function pagingOf(query: Query): { params: QueryParams; paging: { perPage?: number; nextPageToken?: string } } {
  const { perPage, nextPageToken, ...params } = query;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const per = one(perPage);
  const token = one(nextPageToken);
  return {
    params,
    paging: {
      ...(per !== undefined ? { perPage: Number(per) } : {}),
      ...(token !== undefined ? { nextPageToken: token } : {}),
    },
  };
}

/** A page of events as an EPCISQueryDocument, with `Link: <…>; rel="next"` when there is more (RFC 8288). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: EventPage, queryName?: string) {
  if (page.nextPageToken) {
    const url = new URL(request.url, "http://x");
    url.searchParams.set("nextPageToken", page.nextPageToken);
    reply.header("Link", `<${url.pathname}${url.search}>; rel="next"`);
  }
  return reply.send(presentQueryDocument(page.events, request.ctx.clock.now(), queryName ? { queryName } : {}));
}

/** `GET /events` (SimpleEventQuery over the query string) and `GET /events/{eventID}`. */
export const epcisQueryRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Query }>(
    "/events",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Query events (EPCIS 2.0 SimpleEventQuery; lists pipe-delimited; perPage and nextPageToken)",
      },
    },
    async (request, reply) => {
      const { params, paging } = pagingOf(request.query);
      return sendPage(request, reply, await queryEpcisEvents(request.ctx, params, paging));
    },
  );
  app.get<{ Params: { eventID: string } }>(
    "/events/:eventID",
    { config: { auth: "required" }, schema: { tags, summary: "One event by its eventID" } },
    async (request, reply) => {
      const found = await getEpcisEvent(request.ctx, request.params.eventID);
      return reply.send(presentQueryDocument([found], request.ctx.clock.now()));
    },
  );
  app.options("/events", async (_req, reply) => answerOptions(reply, ["GET", "POST"]));
  app.options("/events/:eventID", async (_req, reply) => answerOptions(reply, ["GET"]));
};
