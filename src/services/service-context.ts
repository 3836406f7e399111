import type { Actor } from "../core/auth/actor.ts";
import type { Platform } from "./platform.ts";

/** Where a request came from, for the audit log ("from where"). */
export interface Origin {
  /** Remote address for HTTP, "cli" at the console. */
  readonly source: string;
  readonly requestId: string | null;
  readonly userAgent: string | null;
}

/** One caller's view of the platform: the platform plus who is acting and from where (STYLE: service-context.ts). */
export interface ServiceContext extends Platform {
  readonly actor: Actor;
  readonly origin: Origin;
}

export function contextFor(platform: Platform, actor: Actor, origin: Origin): ServiceContext {
  return { ...platform, actor, origin };
}

export const cliOrigin: Origin = Object.freeze({ source: "cli", requestId: null, userAgent: null });
