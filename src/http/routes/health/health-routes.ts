import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";

const status = Type.Object({ status: Type.String(), engine: Type.Optional(Type.String()) });

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get("/healthz", { schema: { tags: ["Operations"], response: { 200: status } } }, async () => ({ status: "ok" }));

  app.get(
    "/readyz",
    { schema: { tags: ["Operations"], response: { 200: status, 503: status } } },
    async (request, reply) => {
      try {
        await request.ctx.store.engine.ping();
        return { status: "ready", engine: request.ctx.store.engine.kind };
      } catch (e) {
        request.log.warn({ err: e }, "readiness check failed");
        return reply.code(503).send({ status: "database unreachable" });
      }
    },
  );
};
