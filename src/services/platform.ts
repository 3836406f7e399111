import type { RegionDirectory } from "../core/ids/region-code.ts";
import { uuidV7Generator } from "../core/ids/uuid-v7.ts";
import type { NearExpiryPolicy } from "../core/lots/near-expiry.ts";
import type { Store } from "../store/store.ts";
import type { CapturePool } from "./epcis/capture-pool.ts";
import { ephemeralLedgerIdentity, type LedgerIdentity, ledgerOrigin } from "./ledger/ledger-key.ts";

/** Settings the use cases depend on (read from the environment by src/config.ts). */
export interface PlatformSettings {
  /** This platform's id: home platform of its own parties, prefix of its codes. */
  readonly platformId: string;
  /** Base URL of the public resolver, e.g. https://trace.example.gov.cn — codes and links are built on it. */
  readonly publicBaseUrl: string;
  /** The operator's GS1 company prefix, if it holds one (GS1_COMPANY_PREFIX). */
  readonly gs1CompanyPrefix?: string | null;
  /** Allow webhooks to private/loopback addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS=1; tests and closed networks). */
  readonly webhookAllowPrivateNetworks?: boolean;
  /** When holders are warned of near-expiry stock (NEAR_EXPIRY_RULE, NEAR_EXPIRY_RULES); the 商务部 table if unset. */
  readonly nearExpiry?: NearExpiryPolicy;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Minimal logger surface, satisfied by pino (Fastify's logger) and by a console stand-in for the CLI. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** What every use case needs and nothing about who asks: built once per process. */
export interface Platform {
  readonly store: Store;
  readonly regions: RegionDirectory;
  readonly clock: Clock;
  readonly settings: PlatformSettings;
  readonly logger: Logger;
  /** New time-ordered ids (UUIDv7, RFC 9562 §5.7): index-friendly and sortable by creation. */
  readonly newId: () => string;
  /** The transparency log's origin and checkpoint signing key. */
  readonly ledger: LedgerIdentity;
  /** Threads for the CPU-only part of EPCIS capture (`serve` starts them; absent: done in the request's thread). */
  readonly capturePool?: CapturePool;
}

export function createPlatform(
  parts: Omit<Platform, "newId" | "clock" | "ledger"> & Partial<Pick<Platform, "newId" | "clock" | "ledger">>,
): Platform {
  return {
    clock: systemClock,
    newId: uuidV7Generator(),
    ledger: parts.ledger ?? ephemeralLedgerIdentity(ledgerOrigin(parts.settings.publicBaseUrl)),
    ...parts,
  };
}
