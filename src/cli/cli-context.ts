import { userInfo } from "node:os";
import { type Config, loadConfig } from "../config.ts";
import { systemActor } from "../core/auth/actor.ts";
import { platformFromConfig } from "../platform-from-config.ts";
import { cliOrigin, contextFor, type ServiceContext } from "../services/service-context.ts";
import { openStore } from "../store/store.ts";

/**
 * Runs a console command against the configured database as the operator at the console (audited as
 * "system:cli@<user>"), migrating first so every command works on a fresh install.
 */
export async function withCliContext<T>(fn: (ctx: ServiceContext, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config.databaseUrl);
  try {
    await store.migrate();
    const platform = platformFromConfig(config, store, {
      info() {},
      warn: (o, m) => console.error(m ?? o),
      error: (o, m) => console.error(m ?? o),
    });
    return await fn(contextFor(platform, systemActor(`cli@${safeUser()}`), cliOrigin), config);
  } finally {
    await store.close();
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

/** A mistake in what was given on the command line (a missing or unreadable file): one line, no stack. */
export class CliInputError extends Error {
  override readonly name = "CliInputError";
}
