import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { addCheckpoint } from "../../services/witness/add-checkpoint.ts";
import { listForks } from "../../services/witness/list-forks.ts";
import type { WitnessPlatform } from "../../services/witness/witness-platform.ts";

/** A request is an old-size line, at most 63 proof lines and a checkpoint with its signatures: a few KiB. */
const BODY_LIMIT = 256 * 1024;

/**
 * The HTTP face of `suyuan witness` (C2SP tlog-witness v1.0.0): `POST /add-checkpoint` under the submission prefix,
 * and two read-only resources for people and monitors — the witness's verifier key and the fork evidence it keeps.
 * Its own small app: a witness shares nothing with the platform it watches.
 */
export async function buildWitnessApp(
  w: WitnessPlatform,
  opts: { logger?: FastifyServerOptions["logger"] } = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT, genReqId: () => randomUUID() });
  // The body is text whatever the client calls it (the spec names no content type), kept byte for byte.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
  });

  app.post("/add-checkpoint", async (request, reply) => {
    const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
    const answer = await addCheckpoint(w, body, {
      source: request.ip,
      requestId: request.id,
      userAgent: request.headers["user-agent"] ?? null,
    });
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });

  app.get("/key", async (_request, reply) =>
    reply.type("text/plain; charset=utf-8").send(`${w.cosigner.verifierKey}\n`),
  );

  app.get<{ Querystring: { origin?: string } }>("/forks", async (request) => {
    const forks = await listForks(w, request.query.origin);
    return { forks };
  });
  return app;
}
