import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { uuidV7Generator } from "../../core/ids/uuid-v7.ts";
import { systemClock } from "../../services/platform.ts";
import {
  loadCosigner,
  WitnessConfigError,
  type WitnessPlatform,
  witnessedLogs,
} from "../../services/witness/witness-platform.ts";
import { openStore } from "../../store/store.ts";
import { StartupError } from "../startup-error.ts";
import { buildWitnessApp } from "./witness-app.ts";

export interface WitnessOptions {
  /** The witness's key name, e.g. "witness.agri.fj.gov.cn" (used when the key is created). */
  readonly name: string;
  readonly keyFile: string;
  /** Its own database: a SQLite file (default) or a PostgreSQL URL. */
  readonly databaseUrl: string;
  /** A file of `log <vkey> [url]` lines. */
  readonly logsFile?: string;
  readonly logKeys?: readonly string[];
  readonly port: number;
  readonly host: string;
  readonly logLevel?: string;
}

export interface RunningWitness {
  readonly app: FastifyInstance;
  readonly platform: WitnessPlatform;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the witness's database, loads (or creates) its key and listens. Failures are one-line StartupErrors. */
export async function startWitness(o: WitnessOptions): Promise<RunningWitness> {
  let logs: WitnessPlatform["logs"];
  let cosigner: WitnessPlatform["cosigner"];
  try {
    const fileText = o.logsFile === undefined ? undefined : readFileSync(o.logsFile, "utf8");
    logs = witnessedLogs(fileText, o.logKeys ?? []);
    cosigner = loadCosigner(o.keyFile, o.name);
  } catch (e) {
    if (e instanceof WitnessConfigError) throw new StartupError(e.message);
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new StartupError(`no such file: ${o.logsFile}`);
    throw e;
  }
  const store = await openStore(o.databaseUrl);
  let app: FastifyInstance | undefined;
  try {
    await store.migrate();
    // The use cases log through the app's logger, which exists only once the app does.
    const log = (level: "info" | "warn" | "error") => (obj: object | string, msg?: string) =>
      app?.log[level](obj as object, msg);
    const platform: WitnessPlatform = {
      store,
      clock: systemClock,
      logger: { info: log("info"), warn: log("warn"), error: log("error") },
      newId: uuidV7Generator(),
      cosigner,
      logs,
    };
    app = await buildWitnessApp(platform, { logger: o.logLevel ? { level: o.logLevel } : false });
    const running = app;
    await running.listen({ port: o.port, host: o.host });
    const address = running.server.address();
    const host = o.host === "0.0.0.0" ? "127.0.0.1" : o.host;
    const url = typeof address === "object" && address ? `http://${host}:${address.port}` : "";
    return {
      app: running,
      platform,
      url,
      async close() {
        await running.close();
        await store.close();
      },
    };
  } catch (e) {
    await app?.close().catch(() => {});
    await store.close().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") throw new StartupError(`port ${o.port} is in use; give --port`);
    throw e;
  }
}
