import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import { platformFromConfig } from "../platform-from-config.ts";
import { CapturePool } from "../services/epcis/capture-pool.ts";
import { startExpiryWorker } from "../services/holdings/warn-near-expiry.ts";
import { startLedgerIntegrator } from "../services/ledger/integrate-ledger.ts";
import { startWitnessSender } from "../services/ledger/send-to-witnesses.ts";
import type { Platform } from "../services/platform.ts";
import { startPublicLotRefresher } from "../services/public/refresh-public-lots.ts";
import { startOutboxWorker } from "../services/webhooks/deliver-outbox.ts";
import { openStore, type Store } from "../store/store.ts";
import { buildApp } from "./app.ts";
import { gracefulShutdown } from "./graceful-shutdown.ts";
import { StartupError } from "./startup-error.ts";

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly platform: Platform;
  /** The address actually bound (PORT=0 picks a free port). */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  shutdown(reason: string): Promise<void>;
}

/** Opens the store, migrates, and listens. Every failure becomes a one-line StartupError. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStore(config.databaseUrl, { backgroundCheckpoint: true });
  let app: FastifyInstance | undefined;
  let platform: Platform | undefined;
  try {
    await store.migrate();
    platform = platformFromConfig(config, store, { info() {}, warn() {}, error() {} });
    if (config.captureWorkers > 0) platform = { ...platform, capturePool: new CapturePool(config.captureWorkers) };
    app = await buildApp({
      platform,
      logger: { level: config.logLevel, redact: ["req.headers.authorization"] },
      bodyLimit: config.bodyLimit,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app?.close().catch(() => {});
    await platform?.capturePool?.close().catch(() => {});
    await store.close().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") throw new StartupError(`port ${config.port} is in use; set PORT to a free port`);
    if (err.code === "EADDRNOTAVAIL") throw new StartupError(`HOST ${config.host} is not an address of this machine`);
    if (err.code === "EACCES")
      throw new StartupError(`no permission to listen on port ${config.port}; use a port above 1023`);
    throw e;
  }
  const running = app;
  // The worker role runs in the same process by default: it delivers webhook notices from the outbox.
  const worker = startOutboxWorker({ ...(platform as Platform), logger: running.log });
  // And the ledger's integrator: every accepted record reaches a signed checkpoint within about half a second.
  const integrator = startLedgerIntegrator({ ...(platform as Platform), logger: running.log });
  // And the daily expiry job (临期预警): once at start, then once per China calendar day.
  const expiry = startExpiryWorker({ ...(platform as Platform), logger: running.log });
  // And the witness client: each new checkpoint goes to the configured witnesses (LEDGER_WITNESSES) for cosigning.
  const witnessSender = startWitnessSender({ ...(platform as Platform), logger: running.log });
  // And the public records' refresher: rebuilds the lots' consumer-page records that writes marked dirty, and
  // gives lots without one their first (services/public/refresh-public-lots.ts).
  const publicLots = startPublicLotRefresher({ ...(platform as Platform), logger: running.log });
  const address = running.server.address();
  const url =
    typeof address === "object" && address
      ? `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${address.port}`
      : "";
  running.log.info({ database: store.engine.description, url }, "suyuan is serving");
  let stopping: Promise<void> | undefined;
  return {
    app: running,
    store,
    platform: platform as Platform,
    url,
    shutdown(reason) {
      stopping ??= Promise.all([
        worker.stop(),
        integrator.stop(),
        expiry.stop(),
        witnessSender.stop(),
        publicLots.stop(),
      ])
        .then(() => gracefulShutdown(running, store, config.shutdownTimeoutMs, reason))
        .finally(() => platform?.capturePool?.close());
      return stopping;
    },
  };
}
