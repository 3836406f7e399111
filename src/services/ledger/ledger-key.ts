import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  type Ed25519NoteSigner,
  generateSignerKey,
  parseEd25519VerifierKey,
  parseSignerKey,
} from "../../core/ledger/index.ts";
import type { LedgerWitnessing } from "./ledger-witnessing.ts";

/** The log's identity: its origin line (C2SP tlog-checkpoint) and the key that signs its checkpoints. */
export interface LedgerIdentity {
  /** e.g. "trace.example.gov.cn/log" — schema-less, as tlog-checkpoint recommends. */
  readonly origin: string;
  readonly signer: Ed25519NoteSigner;
  /** Verifier keys of earlier signing keys: checkpoints signed before a rotation stay verifiable. */
  readonly retiredVerifierKeys: readonly string[];
  /** Witnesses and the tlog-policy (LEDGER_WITNESSES, LEDGER_POLICY); none: no witness, `quorum none`. */
  readonly witnessing?: LedgerWitnessing;
}

/** The origin of the platform's log, from its public base URL. */
export function ledgerOrigin(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, "")}/log`;
}

/** A throw-away identity (tests, or a console command that signs nothing). */
export function ephemeralLedgerIdentity(origin: string): LedgerIdentity {
  const generated = generateSignerKey(origin);
  if (!generated.ok) throw new Error(`ledger key: ${generated.error.detail}`);
  const signer = parseSignerKey(generated.value.signerKey);
  if (!signer.ok) throw new Error(`ledger key: ${signer.error.detail}`);
  return { origin, signer: signer.value, retiredVerifierKeys: [] };
}

/**
 * Reads the signing key from `path`, creating it (mode 0600) on first start for `newOrigin`. The key lives outside
 * the database: whoever can edit the database cannot also re-sign a forged history. The log's origin is the key's
 * name, fixed when the log was created — a log never changes its origin (every checkpoint names it), even if the
 * public URL later does. Retired verifier keys sit beside the key in `path.retired`, one per line.
 */
export function loadLedgerIdentity(path: string, newOrigin: string): LedgerIdentity {
  if (!existsSync(path)) writeKey(path, newOrigin);
  const text = readFileSync(path, "utf8").trim();
  const signer = parseSignerKey(text);
  if (!signer.ok) throw new LedgerKeyError(`${path} is not a ledger signing key (${signer.error.detail})`);
  return { origin: signer.value.name, signer: signer.value, retiredVerifierKeys: readRetired(path) };
}

/** Rotation: a new signing key; the old verifier key is kept in `path.retired`. Returns the new verifier key. */
export function rotateLedgerKey(path: string, newOrigin: string): { verifierKey: string; retired: string } {
  const old = loadLedgerIdentity(path, newOrigin);
  const retired = [...old.retiredVerifierKeys, old.signer.verifierKey];
  writeFileSync(`${path}.retired.tmp`, `${retired.join("\n")}\n`, { mode: 0o644 });
  renameSync(`${path}.retired.tmp`, `${path}.retired`);
  writeKey(path, old.origin);
  return { verifierKey: loadLedgerIdentity(path, old.origin).signer.verifierKey, retired: old.signer.verifierKey };
}

export class LedgerKeyError extends Error {
  override readonly name = "LedgerKeyError";
}

function writeKey(path: string, origin: string): void {
  const generated = generateSignerKey(origin);
  if (!generated.ok) throw new LedgerKeyError(`cannot make a key for "${origin}": ${generated.error.detail}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, `${generated.value.signerKey}\n`, { mode: 0o600 });
    chmodSync(`${path}.tmp`, 0o600);
    renameSync(`${path}.tmp`, path);
  } catch (e) {
    throw new LedgerKeyError(
      `cannot write the ledger key ${path} (${(e as NodeJS.ErrnoException).code}); set LEDGER_KEY_FILE`,
    );
  }
}

function readRetired(path: string): string[] {
  if (!existsSync(`${path}.retired`)) return [];
  return readFileSync(`${path}.retired`, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && parseEd25519VerifierKey(l).ok);
}
