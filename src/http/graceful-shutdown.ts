import type { FastifyInstance } from "fastify";
import type { Store } from "../store/store.ts";

/**
 * Graceful shutdown (SIGTERM): stop accepting connections, let in-flight requests finish (Fastify answers 503 to
 * new requests on kept-alive connections meanwhile), close idle connections, then close the database cleanly
 * (SQLite checkpoints its WAL into the main file). After `timeoutMs` remaining connections are cut.
 */
export async function gracefulShutdown(
  app: FastifyInstance,
  store: Store,
  timeoutMs: number,
  reason: string,
): Promise<void> {
  app.log.info({ reason }, "shutting down: finishing in-flight requests");
  const timer = setTimeout(() => {
    app.log.error("shutdown timed out; closing remaining connections");
    app.server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
    await store.close();
    app.log.info("database closed; bye");
  }
}
