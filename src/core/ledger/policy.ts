/**
 * C2SP tlog-policy (main, untagged): which logs are trusted and which witness cosignatures form a quorum.
 * Lines: `log <vkey> [url]`, `witness <name> <vkey> [url]`, `group <name> all|any|<k> <member>…`,
 * `quorum <name>|none`; names are defined before use, so groups can never be circular.
 */
import { type CosignatureVerifier, parseCosignatureVerifierKey } from "./cosignature.ts";
import { bytesEqual, hasControlCharacter } from "./encoding.ts";
import { type Ed25519NoteVerifier, parseEd25519VerifierKey } from "./note-verifier-key.ts";
import { fail, ok, type Result } from "./result.ts";

export interface PolicyLog {
  readonly verifier: Ed25519NoteVerifier;
  readonly url?: string;
}

export interface PolicyWitness {
  readonly name: string;
  readonly verifier: CosignatureVerifier;
  readonly url?: string;
}

export interface PolicyGroup {
  readonly name: string;
  /** At least this many members must have witnessed (any = 1, all = n). */
  readonly threshold: number;
  readonly members: readonly string[];
}

export interface Policy {
  readonly logs: readonly PolicyLog[];
  readonly witnesses: ReadonlyMap<string, PolicyWitness>;
  readonly groups: ReadonlyMap<string, PolicyGroup>;
  /** A witness or group name, or "none" for no cosignature requirement. */
  readonly quorum: string;
}

export const NO_QUORUM = "none";

/** §Character set: tab, newline, 0x20–0x7E and any non-ASCII; no other control characters (nor DEL). */
const isForbidden = (text: string): boolean => hasControlCharacter(text, "\t\n") || text.includes("\u007f");

export function parsePolicy(text: string): Result<Policy> {
  if (isForbidden(text)) return fail("malformed", "the policy contains a control character");
  const logs: PolicyLog[] = [];
  const witnesses = new Map<string, PolicyWitness>();
  const groups = new Map<string, PolicyGroup>();
  let quorum: string | undefined;
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const at = `line ${i + 1}`;
    const words = raw.trim().split(/[ \t]+/);
    const [keyword, ...args] = words;
    if (keyword === undefined || keyword === "" || keyword.startsWith("#")) continue;
    const defined = (name: string) => witnesses.has(name) || groups.has(name);
    if (keyword === "log" && (args.length === 1 || args.length === 2)) {
      const verifier = parseEd25519VerifierKey(args[0] as string);
      if (!verifier.ok) return fail("bad-key", `${at}: ${verifier.error.detail}`);
      if (logs.some((l) => bytesEqual(l.verifier.publicKey, verifier.value.publicKey))) {
        return fail("malformed", `${at}: duplicate log key`);
      }
      logs.push(args[1] === undefined ? { verifier: verifier.value } : { verifier: verifier.value, url: args[1] });
    } else if (keyword === "witness" && (args.length === 2 || args.length === 3)) {
      const [name, vkey, url] = args as [string, string, string | undefined];
      if (name === NO_QUORUM || defined(name)) return fail("malformed", `${at}: name "${name}" is already defined`);
      const verifier = parseCosignatureVerifierKey(vkey);
      if (!verifier.ok) return fail("bad-key", `${at}: ${verifier.error.detail}`);
      if ([...witnesses.values()].some((w) => bytesEqual(w.verifier.publicKey, verifier.value.publicKey))) {
        return fail("malformed", `${at}: duplicate witness key`);
      }
      witnesses.set(
        name,
        url === undefined ? { name, verifier: verifier.value } : { name, verifier: verifier.value, url },
      );
    } else if (keyword === "group" && args.length >= 3) {
      const [name, k, ...members] = args as [string, string, ...string[]];
      if (name === NO_QUORUM || defined(name)) return fail("malformed", `${at}: name "${name}" is already defined`);
      for (const m of members) if (!defined(m)) return fail("malformed", `${at}: "${m}" is not defined above`);
      if (new Set(members).size !== members.length) return fail("malformed", `${at}: a member is listed twice`);
      const threshold = k === "all" ? members.length : k === "any" ? 1 : /^[1-9][0-9]*$/.test(k) ? Number(k) : 0;
      if (threshold < 1 || threshold > members.length) {
        return fail("out-of-range", `${at}: threshold "${k}" is not all, any or 1..${members.length}`);
      }
      groups.set(name, { name, threshold, members });
    } else if (keyword === "quorum" && args.length === 1) {
      if (quorum !== undefined) return fail("malformed", `${at}: a policy has exactly one quorum line`);
      const name = args[0] as string;
      if (name !== NO_QUORUM && !defined(name)) return fail("malformed", `${at}: "${name}" is not defined above`);
      quorum = name;
    } else {
      return fail("malformed", `${at}: not a log, witness, group or quorum line`);
    }
  }
  if (quorum === undefined) return fail("malformed", "a policy has exactly one quorum line");
  return ok({ logs, witnesses, groups, quorum });
}

/**
 * The policy as text again: log lines, witness lines, then groups in the order they were defined (members are
 * always defined earlier, so the result parses back to the same policy), and the quorum line.
 */
export function formatPolicy(policy: Policy): string {
  const url = (u?: string) => (u === undefined ? "" : ` ${u}`);
  const lines = [
    ...policy.logs.map((l) => `log ${l.verifier.verifierKey}${url(l.url)}`),
    ...[...policy.witnesses.values()].map((w) => `witness ${w.name} ${w.verifier.verifierKey}${url(w.url)}`),
    ...[...policy.groups.values()].map((g) => `group ${g.name} ${g.threshold} ${g.members.join(" ")}`),
    `quorum ${policy.quorum}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Whether the witnesses that validly cosigned satisfy the policy's quorum (§Defining a witness group). */
export function quorumMet(policy: Policy, cosigned: ReadonlySet<string>): boolean {
  const satisfied = (name: string): boolean => {
    if (name === NO_QUORUM) return true;
    const group = policy.groups.get(name);
    if (group === undefined) return policy.witnesses.has(name) && cosigned.has(name);
    let count = 0;
    for (const m of group.members) if (satisfied(m)) count++;
    return count >= group.threshold;
  };
  return satisfied(policy.quorum);
}
