import {
  bytesEqual,
  type CosignatureVerifier,
  NO_QUORUM,
  type Policy,
  type PolicyLog,
  parseEd25519VerifierKey,
  parsePolicy,
} from "../../core/ledger/index.ts";
import { type LedgerIdentity, LedgerKeyError } from "./ledger-key.ts";

/** A witness the platform sends its checkpoints to (C2SP tlog-witness: a name, a key and a submission prefix). */
export interface LedgerWitness {
  /** Its name in the policy (the quorum is stated in these names). */
  readonly name: string;
  /** The submission prefix: requests go to `${url}/add-checkpoint`. */
  readonly url: string;
  readonly verifier: CosignatureVerifier;
}

/** Who witnesses the log and what makes a checkpoint valid (C2SP tlog-policy), as configured. */
export interface LedgerWitnessing {
  /** The platform's policy: its own log keys (current and retired) and the policy file's witnesses and quorum. */
  readonly policy: Policy;
  readonly witnesses: readonly LedgerWitness[];
}

/**
 * Builds the witnessing from LEDGER_POLICY (the file's text) and LEDGER_WITNESSES (`name=url` items, separated by
 * commas or spaces). Each named witness must be one the policy defines — its key comes from there; without
 * LEDGER_WITNESSES, every policy witness that has a URL is used. The log's own keys are always part of the
 * policy, so the served policy verifies receipts on its own.
 */
export function ledgerWitnessing(
  logVerifierKeys: readonly string[],
  policyText: string | undefined,
  witnessList: string | undefined,
): LedgerWitnessing {
  const parsed = parsePolicy(policyText ?? `quorum ${NO_QUORUM}\n`);
  if (!parsed.ok) throw new LedgerKeyError(`LEDGER_POLICY is not a C2SP tlog-policy: ${parsed.error.detail}`);
  const logs: PolicyLog[] = [];
  for (const vkey of logVerifierKeys) {
    const v = parseEd25519VerifierKey(vkey);
    if (!v.ok) throw new LedgerKeyError(`ledger key ${vkey}: ${v.error.detail}`);
    logs.push({ verifier: v.value });
  }
  for (const l of parsed.value.logs) {
    if (!logs.some((o) => bytesEqual(o.verifier.publicKey, l.verifier.publicKey))) logs.push(l);
  }
  const policy: Policy = { ...parsed.value, logs };
  const items = (witnessList ?? "").split(/[\s,]+/).filter(Boolean);
  const witnesses: LedgerWitness[] = [];
  for (const item of items) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq);
    const url = eq < 0 ? "" : item.slice(eq + 1).replace(/\/+$/, "");
    if (!/^https?:\/\/[^/\s]+/i.test(url))
      throw new LedgerKeyError(`LEDGER_WITNESSES: "${item}" is not name=http(s)-URL`);
    const w = policy.witnesses.get(name);
    if (!w) throw new LedgerKeyError(`LEDGER_WITNESSES: "${name}" is not a witness of the policy (LEDGER_POLICY)`);
    witnesses.push({ name, url, verifier: w.verifier });
  }
  if (items.length === 0) {
    for (const w of policy.witnesses.values()) {
      if (w.url) witnesses.push({ name: w.name, url: w.url.replace(/\/+$/, ""), verifier: w.verifier });
    }
  }
  return { policy, witnesses };
}

const defaults = new WeakMap<LedgerIdentity, LedgerWitnessing>();

/** The log's witnessing: as configured, or by default its own keys, no witnesses and `quorum none`. */
export function witnessingOf(ledger: LedgerIdentity): LedgerWitnessing {
  if (ledger.witnessing) return ledger.witnessing;
  let w = defaults.get(ledger);
  if (!w) {
    w = ledgerWitnessing([ledger.signer.verifierKey, ...ledger.retiredVerifierKeys], undefined, undefined);
    defaults.set(ledger, w);
  }
  return w;
}
