import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Actor, publicActor } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { authenticateApiKey } from "../../services/keys/authenticate-api-key.ts";
import type { Platform } from "../../services/platform.ts";
import { contextFor, type ServiceContext } from "../../services/service-context.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's service context: who acts (from the API key) and from where. */
    ctx: ServiceContext;
  }
  interface FastifyContextConfig {
    /** "required": anonymous callers get 401. Default: anonymous callers act as the public. */
    auth?: "required" | "optional";
  }
}

/**
 * Authentication: `Authorization: Bearer <key>` (RFC 6750 §2.1). No header means the public actor; a header
 * with an unknown or revoked key is refused (never silently downgraded to public).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { platform: Platform }) => {
  app.decorateRequest("ctx", null as unknown as ServiceContext);
  app.addHook("onRequest", async (request) => {
    const actor = await actorOf(opts.platform, request);
    request.ctx = contextFor(opts.platform, actor, {
      source: request.ip,
      requestId: request.id,
      userAgent: request.headers["user-agent"]?.slice(0, 256) ?? null,
    });
    if (actor.kind === "public" && request.routeOptions.config?.auth === "required") {
      throw new AppError("unauthenticated", "this endpoint needs an API key: send Authorization: Bearer <key>");
    }
  });
});

async function actorOf(platform: Platform, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (!header) return publicActor;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "use the header form Authorization: Bearer <key>");
  return authenticateApiKey(platform, match[1] as string);
}
