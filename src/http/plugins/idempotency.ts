import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import { actorRef } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "../../store/idempotency-store.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route honours the Idempotency-Key header: a retried request takes effect once. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { actor: string; key: string };
  }
}

/**
 * Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): the first request with a key claims it; a
 * retry with the same key and the same body gets the stored response (header `idempotent-replayed: true`); the
 * same key with another body is refused (422); a retry while the first is still running gets 409. A 5xx frees
 * the key so the client can retry. The claim is written before the use case runs, so even a crash between the
 * use case's commit and the stored response can never make a retry apply the change twice.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  // Only routes that opt in carry the hooks: every other request (the public resolver above all) skips them.
  app.addHook("onRoute", (route: RouteOptions) => {
    if (!(route.config as { idempotent?: boolean } | undefined)?.idempotent) return;
    route.preHandler = [...asArray(route.preHandler), claim];
    route.onSend = [...asArray(route.onSend), complete];
  });
});

function asArray<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

async function claim(request: FastifyRequest, reply: FastifyReply) {
  const key = request.headers["idempotency-key"];
  if (typeof key !== "string") return;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("validation-failed", "Idempotency-Key must be 1-255 visible ASCII characters", {
      pointer: "/headers/idempotency-key",
    });
  }
  const actor = actorRef(request.ctx.actor);
  const hash = createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
  const db = request.ctx.store.db;
  const existing = await claimIdempotencyKey(db, actor, key, hash, request.ctx.clock.now());
  if (!existing) {
    request.idempotency = { actor, key };
    return;
  }
  if (existing.requestHash !== hash) {
    throw new AppError("idempotency-key-reused", "this Idempotency-Key was used with a different request", {
      pointer: "/headers/idempotency-key",
    });
  }
  if (existing.statusCode === 0)
    throw new AppError("conflict", "the first request with this Idempotency-Key is still being processed");
  reply.header("idempotent-replayed", "true");
  return reply.code(existing.statusCode).type("application/json; charset=utf-8").send(existing.responseJson);
}

async function complete(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claim = request.idempotency;
  if (!claim) return payload;
  const db = request.ctx.store.db;
  if (reply.statusCode >= 500) await releaseIdempotencyKey(db, claim.actor, claim.key);
  else
    await completeIdempotencyKey(
      db,
      claim.actor,
      claim.key,
      reply.statusCode,
      typeof payload === "string" ? payload : JSON.stringify(payload),
    );
  return payload;
}
