import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type Cosigner, formatCosignerKey, type NoteVerifier, parseCosignerKey } from "../../core/ledger/index.ts";
import { parseEd25519VerifierKey } from "../../core/ledger/note-verifier-key.ts";
import type { Store } from "../../store/store.ts";
import type { Clock, Logger } from "../platform.ts";

/**
 * What a `suyuan witness` process needs: its own database, its cosigning key, and the logs it witnesses (by origin,
 * with the keys it trusts for each). A witness is run by another department or province, so it shares no state
 * with the platform it watches — only the log's public key.
 */
export interface WitnessPlatform {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly newId: () => string;
  readonly cosigner: Cosigner;
  /** Origin → trusted log keys (several during a key rotation). */
  readonly logs: ReadonlyMap<string, readonly NoteVerifier[]>;
}

/** Where a request came from, for the audit row. */
export interface WitnessRequestOrigin {
  readonly source: string;
  readonly requestId: string | null;
  readonly userAgent: string | null;
}

export class WitnessConfigError extends Error {
  override readonly name = "WitnessConfigError";
}

/**
 * The logs to witness from vkeys: the lines of a logs file (`log <vkey> [url]`, as in C2SP tlog-policy; `#`
 * comments and blank lines ignored) and any given one by one. A log's origin is its key's name
 * (tlog-policy: "the key name MUST correspond to the log's origin line").
 */
export function witnessedLogs(fileText: string | undefined, vkeys: readonly string[]): Map<string, NoteVerifier[]> {
  const keys = [...vkeys];
  for (const [i, raw] of (fileText ?? "").split("\n").entries()) {
    const words = raw.trim().split(/[ \t]+/);
    if (words[0] === "" || words[0]?.startsWith("#")) continue;
    if (words[0] !== "log" || words.length < 2 || words.length > 3) {
      throw new WitnessConfigError(`logs file line ${i + 1}: expected "log <vkey> [url]"`);
    }
    keys.push(words[1] as string);
  }
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of keys) {
    const v = parseEd25519VerifierKey(vkey);
    if (!v.ok) throw new WitnessConfigError(`log key ${vkey}: ${v.error.detail}`);
    logs.set(v.value.name, [...(logs.get(v.value.name) ?? []), v.value]);
  }
  if (logs.size === 0) throw new WitnessConfigError("no log to witness: give --logs <file> or --log <vkey>");
  return logs;
}

/**
 * The cosigning key from `path`, created (mode 0600) on first start under `name`. Like the log's key it lives
 * outside the database: whoever can edit the witness's state cannot also cosign.
 */
export function loadCosigner(path: string, name: string): Cosigner {
  if (!existsSync(path)) {
    const text = formatCosignerKey(name);
    if (!text.ok) throw new WitnessConfigError(`cannot make a key for "${name}": ${text.error.detail}`);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, `${text.value}\n`, { mode: 0o600 });
      chmodSync(`${path}.tmp`, 0o600);
      renameSync(`${path}.tmp`, path);
    } catch (e) {
      throw new WitnessConfigError(`cannot write the witness key ${path} (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  const cosigner = parseCosignerKey(readFileSync(path, "utf8").trim());
  if (!cosigner.ok) throw new WitnessConfigError(`${path} is not a witness key (${cosigner.error.detail})`);
  return cosigner.value;
}
