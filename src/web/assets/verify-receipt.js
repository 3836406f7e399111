// @ts-check
/**
 * Verifies a ledger receipt (上链凭证) in the browser, with WebCrypto only: no dependency, no build step, served
 * as is at /assets/verify-receipt.js — the one verifier of the consumer page and the printable receipt page (and
 * of anyone's page: /assets/verify-ledger-receipt.js serves the same file). It repeats, for people who should not
 * have to trust the platform's server, what `suyuan verify` does with src/core/ledger, and reports each check:
 *
 * - claim:      the receipt is a C2SP tlog-proof (`c2sp.org/tlog-proof@v1`: extra line with the record's kind, ref,
 *               salt and commitment, index, inclusion-proof hashes, an empty line, the checkpoint as a C2SP signed
 *               note) naming the expected record when one is expected;
 * - commitment: given the record, its salted commitment (RFC 8785 JSON, length-prefixed parts) equals the
 *               receipt's;
 * - signature:  the checkpoint is signed by a log of the policy (C2SP signed-note v1.0.0, Ed25519, type 0x01) whose
 *               key name is the checkpoint's origin; a signature by a known key that fails rejects the note;
 * - witnesses:  it is cosigned by witnesses meeting the policy's quorum (C2SP tlog-cosignature v1.0.1, type 0x04;
 *               C2SP tlog-policy);
 * - inclusion:  the leaf SHA-256(0x00 || commitment) is included at the index in the checkpoint's tree
 *               (RFC 9162 §2.1.3.2).
 *
 * Ed25519 comes from crypto.subtle (Chrome 113+, Firefox 129+, Safari 17+, Node 20); where it is missing the
 * result says so rather than claiming validity.
 *
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const HEADER = "c2sp.org/tlog-proof@v1";
const RECORD_TAG = "suyuan/ledger/record/v1";
const TYPE_ED25519 = 0x01;
const TYPE_COSIGNATURE = 0x04;

/** @param {string} text */
function base64(text) {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** @param {Uint8Array} bytes */
export const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** @param {...Uint8Array} parts */
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** @param {Uint8Array} a @param {Uint8Array} b */
const equal = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/** @param {Uint8Array} bytes @param {number} at */
const u32 = (bytes, at) => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, false);

/** @param {number} n */
function u32Bytes(n) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

/** @param {Uint8Array} bytes */
async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

/** A decimal without leading zeroes, as a safe integer. @param {string} text */
function decimal(text) {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A vkey `<name>+<hex key ID>+<base64(type || key)>` whose key ID is the one its parts hash to (C2SP signed-note).
 * @param {string} vkey
 */
async function parseVerifierKey(vkey) {
  const first = vkey.indexOf("+");
  const second = vkey.indexOf("+", first + 1);
  if (first <= 0 || second < 0) return undefined;
  const name = vkey.slice(0, first);
  const id = vkey.slice(first + 1, second);
  const material = base64(vkey.slice(second + 1));
  if (!/^[0-9a-f]{8}$/.test(id) || !material || material.length !== 33) return undefined;
  const type = material[0];
  const key = material.subarray(1);
  const digest = await sha256(concat(encoder.encode(name), Uint8Array.of(0x0a, type), key));
  if (u32(digest, 0) !== Number.parseInt(id, 16)) return undefined;
  return { name, keyId: u32(digest, 0), type, key };
}

/**
 * C2SP tlog-policy: `log <vkey> [url]`, `witness <name> <vkey> [url]`, `group <name> all|any|<k> <member>…`,
 * `quorum <name>|none`; names defined before use.
 * @param {string} text
 */
export async function parsePolicy(text) {
  const logs = [];
  const witnesses = new Map();
  const groups = new Map();
  let quorum;
  for (const raw of text.split("\n")) {
    const [keyword, ...args] = raw.trim().split(/[ \t]+/);
    if (!keyword || keyword.startsWith("#")) continue;
    const defined = (/** @type {string} */ n) => witnesses.has(n) || groups.has(n);
    if (keyword === "log" && args.length >= 1 && args.length <= 2) {
      const key = await parseVerifierKey(args[0]);
      if (!key || key.type !== TYPE_ED25519) throw new Error(`not an Ed25519 log key: ${args[0]}`);
      logs.push(key);
    } else if (keyword === "witness" && args.length >= 2 && args.length <= 3) {
      const key = await parseVerifierKey(args[1]);
      if (!key || key.type !== TYPE_COSIGNATURE) throw new Error(`not a cosignature/v1 witness key: ${args[1]}`);
      if (args[0] === "none" || defined(args[0])) throw new Error(`"${args[0]}" is defined twice`);
      witnesses.set(args[0], { ...key, policyName: args[0] });
    } else if (keyword === "group" && args.length >= 3) {
      const [name, k, ...members] = args;
      if (name === "none" || defined(name) || !members.every(defined)) throw new Error(`bad group ${name}`);
      const threshold = k === "all" ? members.length : k === "any" ? 1 : (decimal(k) ?? 0);
      if (threshold < 1 || threshold > members.length) throw new Error(`bad threshold in group ${name}`);
      groups.set(name, { threshold, members });
    } else if (keyword === "quorum" && args.length === 1 && quorum === undefined) {
      if (args[0] !== "none" && !defined(args[0])) throw new Error(`quorum ${args[0]} is not defined`);
      quorum = args[0];
    } else {
      throw new Error(`not a policy line: ${raw}`);
    }
  }
  if (quorum === undefined) throw new Error("a policy has exactly one quorum line");
  return { logs, witnesses, groups, quorum };
}

/** @param {Awaited<ReturnType<typeof parsePolicy>>} policy @param {Set<string>} cosigned */
function quorumMet(policy, cosigned) {
  /** @param {string} name @returns {boolean} */
  const satisfied = (name) => {
    if (name === "none") return true;
    const group = policy.groups.get(name);
    if (!group) return policy.witnesses.has(name) && cosigned.has(name);
    return group.members.filter(satisfied).length >= group.threshold;
  };
  return satisfied(policy.quorum);
}

/** @param {Uint8Array} key @param {Uint8Array} signature @param {Uint8Array} message */
async function ed25519Verify(key, signature, message) {
  const k = await crypto.subtle.importKey("raw", key, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, k, signature, message);
}

/** Splits a signed note into its text and signature lines (C2SP signed-note §Format). @param {string} note */
function parseNote(note) {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return undefined;
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (!block.endsWith("\n")) return undefined;
  const signatures = [];
  for (const line of block.slice(0, -1).split("\n")) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    const bytes = m ? base64(m[2]) : undefined;
    if (!m || !bytes || bytes.length < 5) return undefined;
    signatures.push({ name: m[1], keyId: u32(bytes, 0), signature: bytes.subarray(4) });
  }
  return { text, signatures };
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or undefined. */
async function rootFromInclusion(
  /** @type {number} */ index,
  /** @type {number} */ size,
  /** @type {Uint8Array} */ leaf,
  /** @type {Uint8Array[]} */ proof,
) {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  const node = async (/** @type {Uint8Array} */ left, /** @type {Uint8Array} */ right) =>
    sha256(concat(Uint8Array.of(1), left, right));
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = await node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

/** RFC 8785 (JCS) canonical JSON: keys sorted by UTF-16 code units, ECMAScript number and string forms. */
export function canonicalJson(/** @type {unknown} */ value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const object = /** @type {Record<string, unknown>} */ (value);
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(",")}}`;
}

/** The record commitment (src/core/ledger/README.md §Record commitment). */
export async function recordCommitment(
  /** @type {string} */ kind,
  /** @type {Uint8Array} */ salt,
  /** @type {unknown} */ record,
) {
  const part = (/** @type {Uint8Array} */ b) => concat(u32Bytes(b.length), b);
  const json = encoder.encode(canonicalJson(record));
  return sha256(concat(part(encoder.encode(RECORD_TAG)), part(encoder.encode(kind)), part(salt), part(json)));
}

/**
 * @typedef {{ name: "claim" | "commitment" | "signature" | "witnesses" | "inclusion", ok: boolean, detail?: string }} ReceiptCheck
 * @typedef {object} ReceiptResult
 * @property {boolean} ok every check passed
 * @property {string} [error] why it is not valid: the first failed check's detail
 * @property {ReceiptCheck[]} checks each check, in the order above (commitment only when a record was given)
 * @property {string} [kind] @property {string} [ref]
 * @property {string} [origin] the log @property {number} [index] @property {number} [size] tree size
 * @property {string} [leafHash] hex @property {string} [rootHash] hex
 * @property {{ name: string, timestamp: number }[]} [witnesses] cosigners (policy names) and their times (s)
 * @property {boolean} [recordChecked]
 */

/** @param {ReceiptCheck[]} checks @param {object} [extra] @returns {ReceiptResult} */
function result(checks, extra = {}) {
  const failed = checks.find((c) => !c.ok);
  return { ok: !failed, ...(failed ? { error: failed.detail } : {}), checks, ...extra };
}

/**
 * Verifies a receipt under a policy (the text of GET /log/policy), the record when given, and that the receipt
 * names the expected record when `expected` is given.
 * @param {string | Uint8Array} receipt @param {string} policyText @param {unknown} [record]
 * @param {{ kind: string, ref: string }} [expected]
 * @returns {Promise<ReceiptResult>}
 */
export async function verifyReceipt(receipt, policyText, record, expected) {
  /** @type {ReceiptCheck[]} */
  const checks = [];
  const fail = (/** @type {ReceiptCheck["name"]} */ name, /** @type {string} */ detail) => {
    checks.push({ name, ok: false, detail });
    return result(checks);
  };
  try {
    if (!globalThis.crypto?.subtle) return fail("signature", "this browser has no WebCrypto");
    const text = typeof receipt === "string" ? receipt : decoder.decode(receipt);
    const policy = await parsePolicy(policyText);
    const lines = text.split("\n");
    if (lines[0] !== HEADER) return fail("claim", `not a receipt: the first line must be ${HEADER}`);
    let at = 1;
    let extra;
    if (lines[at]?.startsWith("extra ")) extra = base64(lines[at++].slice(6));
    const index = decimal(/^index (.*)$/.exec(lines[at++] ?? "")?.[1] ?? "");
    if (index === undefined) return fail("claim", "no index line");
    const proof = [];
    for (; at < lines.length && lines[at] !== ""; at++) {
      const h = base64(lines[at]);
      if (h?.length !== 32 || proof.length === 63) return fail("inclusion", `line ${at + 1} is not a hash`);
      proof.push(h);
    }
    const claim = extra && JSON.parse(decoder.decode(extra));
    const salt = typeof claim?.salt === "string" ? base64(claim.salt) : undefined;
    const commitment = typeof claim?.commitment === "string" ? base64(claim.commitment) : undefined;
    if (
      typeof claim?.kind !== "string" ||
      typeof claim?.ref !== "string" ||
      salt?.length !== 32 ||
      commitment?.length !== 32
    )
      return fail("claim", "the receipt does not name a record with its salt and commitment");
    const named = !expected || (claim.kind === expected.kind && claim.ref === expected.ref);
    checks.push(
      named ? { name: "claim", ok: true } : { name: "claim", ok: false, detail: "the receipt is for another record" },
    );

    let recordChecked = false;
    if (record !== undefined) {
      const same = equal(await recordCommitment(claim.kind, salt, record), commitment);
      checks.push(
        same
          ? { name: "commitment", ok: true }
          : {
              name: "commitment",
              ok: false,
              detail: "the record does not match the receipt: it was changed, or it is another record",
            },
      );
      recordChecked = same;
    }

    // The checkpoint: signed by a policy log named as its origin, cosigned as the quorum demands.
    const note = parseNote(lines.slice(at + 1).join("\n"));
    if (!note) return fail("signature", "the checkpoint is not a signed note");
    const message = encoder.encode(note.text);
    const known = [...policy.logs.map((k) => ({ ...k, log: true })), ...policy.witnesses.values()];
    const logNames = new Set();
    const witnesses = [];
    for (const sig of note.signatures) {
      const key = known.find((k) => k.name === sig.name && k.keyId === sig.keyId);
      if (!key) continue; // unknown keys are ignored (C2SP signed-note)
      let valid;
      if (key.type === TYPE_ED25519) {
        valid = sig.signature.length === 64 && (await ed25519Verify(key.key, sig.signature, message));
        if (valid) logNames.add(key.name);
      } else {
        // tlog-cosignature v1.0.1: u64 timestamp || Ed25519 over "cosignature/v1\ntime <t>\n" || checkpoint.
        if (sig.signature.length !== 72) return fail("witnesses", `bad cosignature by ${key.name}`);
        const t = new DataView(sig.signature.buffer, sig.signature.byteOffset, 8).getBigUint64(0, false);
        const signed = concat(encoder.encode(`cosignature/v1\ntime ${t}\n`), message);
        valid = await ed25519Verify(key.key, sig.signature.subarray(8), signed);
        if (valid && !witnesses.some((w) => w.name === key.policyName))
          witnesses.push({ name: key.policyName, timestamp: Number(t) });
      }
      if (!valid)
        return fail(key.type === TYPE_ED25519 ? "signature" : "witnesses", `invalid signature by ${key.name}`);
    }
    const [origin, sizeText, rootText, ...rest] = note.text.slice(0, -1).split("\n");
    const size = decimal(sizeText ?? "");
    const root = base64(rootText ?? "");
    if (!origin || size === undefined || !root || root.length !== 32 || rest.some((l) => l === ""))
      return fail("signature", "the checkpoint is malformed");
    if (logNames.size === 0)
      checks.push({ name: "signature", ok: false, detail: "no log of the policy signed the checkpoint" });
    else if (!logNames.has(origin))
      checks.push({ name: "signature", ok: false, detail: `origin ${origin} is not the log that signed it` });
    else checks.push({ name: "signature", ok: true });
    if (quorumMet(policy, new Set(witnesses.map((w) => w.name)))) checks.push({ name: "witnesses", ok: true });
    else {
      const by = witnesses.map((w) => w.name).join(", ") || "no witness";
      checks.push({ name: "witnesses", ok: false, detail: `cosigned by ${by}: the policy's quorum is not met` });
    }

    const leaf = await sha256(concat(Uint8Array.of(0), commitment));
    const computed = await rootFromInclusion(index, size, leaf, proof);
    const included = !!computed && equal(computed, root);
    checks.push(
      included
        ? { name: "inclusion", ok: true }
        : { name: "inclusion", ok: false, detail: "the inclusion proof does not lead to the root" },
    );
    return result(checks, {
      kind: claim.kind,
      ref: claim.ref,
      origin,
      index,
      size,
      leafHash: toHex(leaf),
      rootHash: toHex(root),
      witnesses,
      recordChecked,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("signature", /Ed25519|algorithm/i.test(why) ? `this browser cannot verify Ed25519 (${why})` : why);
  }
}
