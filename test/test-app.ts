/** An app on a fresh database of the given engine, with keys for each role (STYLE: test app helper). */
import type { FastifyInstance } from "fastify";
import { systemActor } from "../src/core/auth/actor.ts";
import { type AppOptions, buildApp } from "../src/http/app.ts";
import { createApiKey } from "../src/services/keys/create-api-key.ts";
import { registerParty } from "../src/services/parties/register-party.ts";
import type { Clock, Platform } from "../src/services/platform.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import type { Store } from "../src/store/store.ts";
import { type EngineName, openTestStore } from "./engines.ts";
import { partyInput, testPlatform } from "./factories.ts";

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly platform: Platform;
  /** Issues a key through the real service and returns the Authorization header for it. */
  key(
    role: "admin" | "enterprise" | "regulator",
    scope?: { partyId?: string; regionCode?: string },
  ): Promise<{ id: string; auth: { authorization: string } }>;
  /** Registers a party directly (as the console operator). */
  party(
    overrides?: Parameters<typeof partyInput>[0],
  ): Promise<{ id: string; regionCode: string; creditCode: string | null }>;
  close(): Promise<void>;
}

export async function createTestApp(
  engine: EngineName,
  options: { clock?: Clock; app?: Omit<AppOptions, "platform">; publicBaseUrl?: string } = {},
): Promise<TestApp> {
  const store = await openTestStore(engine);
  const platform = testPlatform(store, options.clock, options.publicBaseUrl);
  const app = await buildApp({ platform, validateResponses: true, ...options.app });
  const console = contextFor(platform, systemActor("test"), cliOrigin);
  return {
    app,
    store,
    platform,
    async key(role, scope = {}) {
      const { key, secret } = await createApiKey(console, { role, ...scope });
      return { id: key.id, auth: { authorization: `Bearer ${secret}` } };
    },
    async party(overrides) {
      return registerParty(console, partyInput(overrides));
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
