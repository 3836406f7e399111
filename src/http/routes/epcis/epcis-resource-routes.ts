import type { FastifyPluginAsync } from "fastify";
import { listResources, resourceEventsQuery } from "../../../services/epcis/list-resources.ts";
import { queryEpcisEvents } from "../../../services/epcis/query-events.ts";
import type { ResourceKind } from "../../../store/epcis-query-store.ts";
import { answerOptions } from "./epcis-headers.ts";
import { presentCollection, queryContext } from "./epcis-presenter.ts";
import { pagingOf, sendPage } from "./epcis-query-routes.ts";

const tags = ["EPCIS 2.0 top-level resources"];
const kinds: readonly ResourceKind[] = ["eventTypes", "epcs", "bizSteps", "bizLocations", "readPoints", "dispositions"];
type Query = Record<string, string | string[] | undefined>;

/**
 * The top-level resources of the REST binding (EPCIS 2.0 §12.5): `/` lists them; `/{resource}` lists the values
 * seen in the events the caller may read; `/{resource}/{value}` its sub-resources; `/{resource}/{value}/events`
 * the events with that value (an EPC in any role, an event type, a bizStep …), with any further query parameters.
 */
export const epcisResourceRoutes: FastifyPluginAsync = async (app) => {
  app.get("/", { config: { auth: "required" }, schema: { tags, summary: "The top-level resources" } }, async () =>
    presentCollection("top", [
      "events",
      "eventTypes",
      "epcs",
      "bizSteps",
      "bizLocations",
      "readPoints",
      "dispositions",
      "capture",
      "queries",
    ]),
  );
  app.options("/", async (_req, reply) => answerOptions(reply, ["GET"]));
  for (const kind of kinds) {
    app.get<{ Querystring: Query }>(
      `/${kind}`,
      { config: { auth: "required" }, schema: { tags, summary: `The ${kind} seen in the events you may read` } },
      async (request, reply) => {
        const { paging } = pagingOf(request.query);
        const page = await listResources(request.ctx, kind, paging);
        if (page.nextPageToken) {
          const url = new URL(request.url, "http://x");
          url.searchParams.set("nextPageToken", page.nextPageToken);
          reply.header("Link", `<${url.pathname}${url.search}>; rel="next"`);
        }
        return presentCollection(kind, page.members);
      },
    );
    app.get<{ Params: { value: string } }>(
      `/${kind}/:value`,
      { config: { auth: "required" }, schema: { tags, summary: `Sub-resources of one of the ${kind}` } },
      async () => ({ "@context": queryContext, type: "Collection", member: ["events"] }),
    );
    app.get<{ Params: { value: string }; Querystring: Query }>(
      `/${kind}/:value/events`,
      { config: { auth: "required" }, schema: { tags, summary: `Events with one of the ${kind}` } },
      async (request, reply) => {
        const { params, paging } = pagingOf(request.query);
        const q = resourceEventsQuery(kind, request.params.value, params);
        return sendPage(request, reply, await queryEpcisEvents(request.ctx, q.params, paging, q.extra));
      },
    );
    app.options(`/${kind}`, async (_req, reply) => answerOptions(reply, ["GET"]));
    app.options(`/${kind}/:value`, async (_req, reply) => answerOptions(reply, ["GET"]));
    app.options(`/${kind}/:value/events`, async (_req, reply) => answerOptions(reply, ["GET"]));
  }
};
