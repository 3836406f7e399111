import type { FastifyPluginAsync } from "fastify";
import { eventAccessFor } from "../../../core/epcis/event-access.ts";
import { queryDocument } from "../../../core/epcis/query/query-document.ts";
import { captureFeed } from "../../../services/epcis/capture-feed.ts";
import {
  createNamedQuery,
  deleteNamedQuery,
  getNamedQuery,
  listQueries,
  runNamedQuery,
} from "../../../services/epcis/named-queries.ts";
import { parseQueryOrThrow } from "../../../services/epcis/query-events.ts";
import { listQuerySubscriptions, subscribe, unsubscribe } from "../../../services/epcis/subscriptions.ts";
import { queryEvents } from "../../../store/epcis-query-store.ts";
import type { Subscription } from "../../../store/epcis-subscription-store.ts";
import { answerOptions } from "./epcis-headers.ts";
import { pagingOf, sendPage } from "./epcis-query-routes.ts";

const tags = ["EPCIS 2.0 named queries and subscriptions"];
type Query = Record<string, string | string[] | undefined>;
type Body = Record<string, unknown>;

const presentSubscription = (s: Subscription) => ({
  subscriptionID: s.id,
  queryName: s.queryName,
  dest: s.dest,
  stream: s.stream,
  reportIfEmpty: s.reportIfEmpty,
  createdAt: new Date(s.createdAt).toISOString(),
});

/**
 * Named queries (`/queries`), their events (`/queries/{name}/events`: a page over HTTP, or — with
 * `Upgrade: websocket` — every matching event as it is captured), and webhook subscriptions.
 */
export const epcisQueriesRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Body }>(
    "/queries",
    { config: { auth: "required" }, schema: { tags, summary: "Save a SimpleEventQuery under a name" } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const q = await createNamedQuery(request.ctx, {
        name: String(body.name ?? ""),
        query: (body.query ?? {}) as Body,
      });
      return reply
        .code(201)
        .header("Location", `/epcis/queries/${encodeURIComponent(q.name)}`)
        .send();
    },
  );
  app.get(
    "/queries",
    { config: { auth: "required" }, schema: { tags, summary: "The named queries" } },
    async (request) => (await listQueries(request.ctx)).map((q) => ({ name: q.name, query: q.query })),
  );
  app.get<{ Params: { queryName: string } }>(
    "/queries/:queryName",
    { config: { auth: "required" }, schema: { tags, summary: "One named query" } },
    async (request) => {
      const q = await getNamedQuery(request.ctx, request.params.queryName);
      return { name: q.name, query: q.query };
    },
  );
  app.delete<{ Params: { queryName: string } }>(
    "/queries/:queryName",
    { config: { auth: "required" }, schema: { tags, summary: "Delete a named query and its subscriptions" } },
    async (request, reply) => {
      await deleteNamedQuery(request.ctx, request.params.queryName);
      return reply.code(204).send();
    },
  );
  app.route<{ Params: { queryName: string }; Querystring: Query }>({
    method: "GET",
    url: "/queries/:queryName/events",
    config: { auth: "required" },
    schema: { tags, summary: "The named query's events (or a WebSocket stream of new ones)" },
    handler: async (request, reply) => {
      const { paging } = pagingOf(request.query);
      return sendPage(
        request,
        reply,
        await runNamedQuery(request.ctx, request.params.queryName, paging),
        request.params.queryName,
      );
    },
    wsHandler: async (socket, request) => {
      const ctx = request.ctx;
      const name = request.params.queryName;
      const access = eventAccessFor(ctx.actor);
      let query: ReturnType<typeof parseQueryOrThrow>;
      try {
        query = parseQueryOrThrow((await getNamedQuery(ctx, name)).query);
      } catch {
        socket.close(4404, "no such query");
        return;
      }
      if (!access) {
        socket.close(4401, "an API key is needed");
        return;
      }
      // Deliveries are sent in capture order: each waits for the one before it.
      let chain: Promise<void> = Promise.resolve();
      const onCaptured = (ids: readonly string[]) => {
        chain = chain
          .then(async () => {
            const events = await queryEvents(ctx.store.db, query, access, { limit: ids.length, onlyIds: ids });
            if (events.length > 0 && socket.readyState === socket.OPEN)
              socket.send(JSON.stringify(queryDocument(events, ctx.clock.now(), { queryName: name })));
          })
          .catch((e) => request.log.error({ err: e }, "websocket delivery failed"));
      };
      const feed = captureFeed(ctx.store);
      feed.on("captured", onCaptured);
      socket.on("close", () => feed.off("captured", onCaptured));
    },
  });
  app.post<{ Params: { queryName: string }; Body: Body }>(
    "/queries/:queryName/subscriptions",
    { config: { auth: "required" }, schema: { tags, summary: "Subscribe a webhook (stream: true) to a named query" } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Body;
      const { subscription, signatureToken } = await subscribe(request.ctx, request.params.queryName, {
        ...(typeof b.dest === "string" ? { dest: b.dest } : {}),
        ...(typeof b.signatureToken === "string" ? { signatureToken: b.signatureToken } : {}),
        ...(typeof b.stream === "boolean" ? { stream: b.stream } : {}),
        ...(b.schedule !== undefined ? { schedule: b.schedule } : {}),
        ...(typeof b.reportIfEmpty === "boolean" ? { reportIfEmpty: b.reportIfEmpty } : {}),
      });
      const location = `/epcis/queries/${encodeURIComponent(subscription.queryName)}/subscriptions/${subscription.id}`;
      const shown = typeof b.signatureToken === "string" ? {} : { signatureToken };
      return reply
        .code(201)
        .header("Location", location)
        .send({ ...presentSubscription(subscription), ...shown });
    },
  );
  app.get<{ Params: { queryName: string } }>(
    "/queries/:queryName/subscriptions",
    { config: { auth: "required" }, schema: { tags, summary: "Your subscriptions to a named query" } },
    async (request) => (await listQuerySubscriptions(request.ctx, request.params.queryName)).map(presentSubscription),
  );
  app.delete<{ Params: { queryName: string; id: string } }>(
    "/queries/:queryName/subscriptions/:id",
    { config: { auth: "required" }, schema: { tags, summary: "Unsubscribe" } },
    async (request, reply) => {
      await unsubscribe(request.ctx, request.params.queryName, request.params.id);
      return reply.code(204).send();
    },
  );
  app.options("/queries", async (_r, reply) => answerOptions(reply, ["GET", "POST"]));
  app.options("/queries/:queryName", async (_r, reply) => answerOptions(reply, ["GET", "DELETE"]));
  app.options("/queries/:queryName/events", async (_r, reply) => answerOptions(reply, ["GET"]));
  app.options("/queries/:queryName/subscriptions", async (_r, reply) => answerOptions(reply, ["GET", "POST"]));
  app.options("/queries/:queryName/subscriptions/:id", async (_r, reply) => answerOptions(reply, ["DELETE"]));
};
