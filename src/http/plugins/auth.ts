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
    readonly ctx: ServiceContext;
    /** Who acts: set by the auth hook before any handler runs. */
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** "required": anonymous callers get 401. Default: anonymous callers act as the public. */
    auth?: "required" | "optional";
  }
}

const CTX = Symbol("suyuan.ctx");

/**
 * Authentication: `Authorization: Bearer <key>` (RFC 6750 §2.1). No header means the public actor; a header
 * with an unknown or revoked key is refused (never silently downgraded to public).
 *
 * The hook is callback-style and settles at once for an anonymous caller (no promise, no database), and the
 * service context is built on first use: the public resolver, which never needs one, pays nothing for it
 * (issue "Public trace": its throughput is measured against a bare hello-world route).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { platform: Platform }) => {
  const { platform } = opts;
  app.decorateRequest("actor", null as never);
  app.decorateRequest(CTX, null);
  app.decorateRequest("ctx", {
    getter(this: FastifyRequest) {
      const self = this as FastifyRequest & { [CTX]: ServiceContext | null };
      self[CTX] ??= contextFor(platform, self.actor, {
        source: self.ip,
        requestId: self.id,
        userAgent: self.headers["user-agent"]?.slice(0, 256) ?? null,
      });
      return self[CTX];
    },
  });
  app.addHook("onRequest", (request, _reply, done) => {
    const header = request.headers.authorization;
    if (!header) {
      request.actor = publicActor;
      if (request.routeOptions.config?.auth === "required") {
        done(new AppError("unauthenticated", "this endpoint needs an API key: send Authorization: Bearer <key>"));
        return;
      }
      done();
      return;
    }
    actorOf(platform, header).then(
      (actor) => {
        request.actor = actor;
        done();
      },
      (err: unknown) => done(err as Error),
    );
  });
});

async function actorOf(platform: Platform, header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "use the header form Authorization: Bearer <key>");
  return authenticateApiKey(platform, match[1] as string);
}
