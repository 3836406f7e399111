import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { type NearExpiryPolicy, parseCategoryRules, parseNearExpiryRule } from "./core/lots/near-expiry.ts";

/**
 * Configuration from the environment, checked at start-up: a bad value stops the process with one line that
 * says what to fix (never a stack trace). See the configuration table in README.md.
 */
export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly publicBaseUrl: string;
  readonly platformId: string;
  /** The operator's GS1 company prefix, when it holds one: products without a GTIN can then get one. */
  readonly gs1CompanyPrefix: string | null;
  /** Webhooks may point into private networks (off by default: server-side request forgery). */
  readonly webhookAllowPrivateNetworks: boolean;
  /** Largest accepted request body in bytes. */
  readonly bodyLimit: number;
  /** How long shutdown waits for in-flight requests before giving up. */
  readonly shutdownTimeoutMs: number;
  /** The transparency log's signing key (created on first start, mode 0600), kept outside the database. */
  readonly ledgerKeyFile: string;
  /** Near-expiry warning rules (临期预警): the platform's and per product category. */
  readonly nearExpiry: NearExpiryPolicy;
  /** Witnesses to send checkpoints to: `name=url` items; the names are witnesses of the policy. */
  readonly ledgerWitnesses: string | null;
  /** A C2SP tlog-policy file: the witnesses' keys and the quorum receipts must meet. */
  readonly ledgerPolicyFile: string | null;
  /** Threads checking and hashing EPCIS captures off the request thread (CAPTURE_WORKERS; 0 = none). */
  readonly captureWorkers: number;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env, "PORT", 8080, 0, 65535);
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+/i.test(publicBaseUrl)) {
    throw new ConfigError(
      `PUBLIC_BASE_URL must be an http(s) URL such as https://trace.example.gov.cn, got '${publicBaseUrl}'`,
    );
  }
  const platformId = env.PLATFORM_ID ?? "suyuan";
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(platformId)) {
    throw new ConfigError("PLATFORM_ID must be 1–32 lower-case letters, digits or hyphens");
  }
  const gs1CompanyPrefix = env.GS1_COMPANY_PREFIX?.trim() || null;
  if (gs1CompanyPrefix && !/^\d{6,12}$/.test(gs1CompanyPrefix)) {
    throw new ConfigError("GS1_COMPANY_PREFIX must be the 6 to 12 digits of a GS1 company prefix");
  }
  const databaseUrl = env.DATABASE_URL?.trim() || "./data/suyuan.db";
  const nearExpiryDefault = parseNearExpiryRule(env.NEAR_EXPIRY_RULE?.trim() || "table");
  if (!nearExpiryDefault)
    throw new ConfigError("NEAR_EXPIRY_RULE must be days:N, fraction:F (0 < F ≤ 1) or table, e.g. days:7");
  const byCategory = parseCategoryRules(env.NEAR_EXPIRY_RULES ?? "");
  if (typeof byCategory === "string") throw new ConfigError(`NEAR_EXPIRY_RULES: ${byCategory}`);
  return {
    gs1CompanyPrefix,
    webhookAllowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "1",
    databaseUrl,
    port,
    host: env.HOST ?? "0.0.0.0",
    logLevel,
    publicBaseUrl,
    platformId,
    bodyLimit: int(env, "BODY_LIMIT", 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    ledgerKeyFile: env.LEDGER_KEY_FILE?.trim() || defaultLedgerKeyFile(databaseUrl),
    nearExpiry: { default: nearExpiryDefault, byCategory },
    ledgerWitnesses: env.LEDGER_WITNESSES?.trim() || null,
    ledgerPolicyFile: env.LEDGER_POLICY?.trim() || null,
    // Off by default: measured on the 2-core machine, quiet, the pool captured 12 % fewer events a second (copying
    // documents and results between threads cost more than the checks it moved; docs/decisions/0002).
    captureWorkers: int(env, "CAPTURE_WORKERS", 0, 0, Math.max(1, availableParallelism() * 4)),
  };
}

/** Beside the SQLite file (one folder to back up, yet not inside the database); ./data for PostgreSQL. */
function defaultLedgerKeyFile(databaseUrl: string): string {
  if (/^postgres(ql)?:/i.test(databaseUrl) || databaseUrl === ":memory:") return "./data/ledger.key";
  return join(dirname(databaseUrl.replace(/^(sqlite|file):(\/\/)?/i, "")), "ledger.key");
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}
