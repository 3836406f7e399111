// @ts-check
/**
 * Checks a ledger receipt (上链凭证) in the browser, or in Node, with WebCrypto alone (crypto.subtle SHA-256 and
 * Ed25519): self-contained, no imports, so the consumer page can load it on a cheap phone.
 *
 * What is checked, each step reported on its own:
 *  - claim:      the receipt (a C2SP tlog-proof) names the expected record kind and reference;
 *  - commitment: the record, as RFC 8785 canonical JSON, salted, gives the receipt's commitment
 *                (src/core/ledger/README.md: SHA-256 of length-prefixed tag, kind, salt, JSON);
 *  - signature:  the checkpoint is a C2SP signed note signed by the given log key (Ed25519, key ID checked);
 *  - inclusion:  the commitment's leaf, SHA-256(0x00 || commitment), is in the signed tree (RFC 9162 §2.1.3.2).
 */

const TAG = "suyuan/ledger/record/v1";
const HEADER = "c2sp.org/tlog-proof@v1";
const enc = new TextEncoder();

/** @param {string} s */
function fromBase64(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** @param {Uint8Array} b */
export function toHex(b) {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

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

/** @param {number} n */
function u32(n) {
  return Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
}

/** @param {Uint8Array} data */
async function sha256(data) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

/** @param {Uint8Array} a @param {Uint8Array} b */
function equal(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/**
 * RFC 8785 (JCS) canonical JSON: object members sorted by UTF-16 code units, no whitespace, numbers and strings
 * as ECMAScript JSON.stringify writes them (RFC 8785 §3.2.2.2, §3.2.2.3).
 * @param {unknown} v
 * @returns {string}
 */
export function canonicalJson(v) {
  if (v === null || typeof v !== "object") {
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error("not JSON: non-finite number");
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = /** @type {Record<string, unknown>} */ (v);
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}

/** The record commitment (src/core/ledger/record-commitment.ts). @param {string} kind @param {Uint8Array} salt @param {unknown} record */
export async function recordCommitment(kind, salt, record) {
  const parts = [enc.encode(TAG), enc.encode(kind), salt, enc.encode(canonicalJson(record))];
  return sha256(concat(...parts.flatMap((p) => [u32(p.length), p])));
}

/** @param {string} text */
export function parseReceipt(text) {
  const lines = text.split("\n");
  if (lines[0] !== HEADER) throw new Error(`the first line is not ${HEADER}`);
  let at = 1;
  /** @type {any} */
  let claim = null;
  if (lines[at]?.startsWith("extra ")) {
    claim = JSON.parse(new TextDecoder().decode(fromBase64(lines[at].slice(6))));
    at++;
  }
  const m = /^index (\d+)$/.exec(lines[at] ?? "");
  if (!m) throw new Error("no index line");
  const index = Number(m[1]);
  at++;
  const proof = [];
  for (; at < lines.length && lines[at] !== ""; at++) proof.push(fromBase64(lines[at]));
  if (proof.some((h) => h.length !== 32)) throw new Error("a proof hash is not 32 bytes");
  const checkpoint = lines.slice(at + 1).join("\n");
  return { claim, index, proof, checkpoint };
}

/** C2SP signed note: body, blank line, "— name base64(keyID||sig)" lines. @param {string} note */
function splitNote(note) {
  const i = note.lastIndexOf("\n\n");
  if (i < 0) throw new Error("the checkpoint is not a signed note");
  const body = note.slice(0, i + 1);
  const signatures = note
    .slice(i + 2)
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(l);
      if (!m) throw new Error("a signature line is malformed");
      return { name: m[1], bytes: fromBase64(m[2]) };
    });
  return { body, signatures };
}

/** Verifier key `<name>+<hex key ID>+<base64(0x01 || Ed25519 key)>` (C2SP signed-note). @param {string} vkey */
async function parseVerifierKey(vkey) {
  const a = vkey.indexOf("+");
  const b = vkey.indexOf("+", a + 1);
  const name = vkey.slice(0, a);
  const id = vkey.slice(a + 1, b);
  const material = fromBase64(vkey.slice(b + 1));
  if (material[0] !== 1 || material.length !== 33) throw new Error("the log key is not an Ed25519 key");
  const hash = await sha256(concat(enc.encode(name), Uint8Array.of(10), material));
  if (toHex(hash.subarray(0, 4)) !== id) throw new Error("the log key's ID does not match the key");
  return { name, keyId: hash.subarray(0, 4), publicKey: material.subarray(1) };
}

/** RFC 9162 §2.1.3.2: verifying an inclusion proof. @param {number} index @param {number} size @param {Uint8Array} leaf @param {Uint8Array[]} proof @param {Uint8Array} root */
export async function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  const node = (/** @type {Uint8Array} */ l, /** @type {Uint8Array} */ rr) => sha256(concat(Uint8Array.of(1), l, rr));
  for (const p of proof) {
    if (sn === 0) return false;
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
  return sn === 0 && equal(r, root);
}

/**
 * @param {{ receipt: string, record: unknown, verifierKey: string, kind: string, ref: string }} input
 * @returns {Promise<{ ok: boolean, checks: { name: string, ok: boolean, detail?: string }[], origin?: string, index?: number, treeSize?: number }>}
 */
export async function verifyReceipt(input) {
  /** @type {{ name: string, ok: boolean, detail?: string }[]} */
  const checks = [];
  const done = (/** @type {object} */ extra = {}) => ({
    ok: checks.length === 4 && checks.every((c) => c.ok),
    checks,
    ...extra,
  });
  let parsed;
  try {
    parsed = parseReceipt(input.receipt);
  } catch (e) {
    checks.push({ name: "claim", ok: false, detail: String(/** @type {Error} */ (e).message) });
    return done();
  }
  const { claim, index, proof, checkpoint } = parsed;
  const claimOk = !!claim && claim.kind === input.kind && claim.ref === input.ref;
  checks.push({ name: "claim", ok: claimOk, ...(claimOk ? {} : { detail: "the receipt is for another record" }) });
  if (!claim) return done();
  const commitment = fromBase64(claim.commitment);
  let recomputed = new Uint8Array();
  try {
    recomputed = await recordCommitment(claim.kind, fromBase64(claim.salt), input.record);
  } catch (e) {
    checks.push({ name: "commitment", ok: false, detail: String(/** @type {Error} */ (e).message) });
  }
  if (checks.length === 1) {
    const ok = equal(recomputed, commitment);
    checks.push({ name: "commitment", ok, ...(ok ? {} : { detail: "the record was changed, or is another record" }) });
  }
  let origin;
  let size = 0;
  let root = new Uint8Array();
  try {
    const key = await parseVerifierKey(input.verifierKey);
    const note = splitNote(checkpoint);
    const sig = note.signatures.find((s) => s.name === key.name && equal(s.bytes.subarray(0, 4), key.keyId));
    const lines = note.body.split("\n");
    origin = lines[0];
    size = Number(lines[1]);
    root = fromBase64(lines[2] ?? "");
    let ok = false;
    if (sig && sig.bytes.length === 68 && origin === key.name) {
      const pub = await crypto.subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
      ok = await crypto.subtle.verify({ name: "Ed25519" }, pub, sig.bytes.subarray(4), enc.encode(note.body));
    }
    checks.push({ name: "signature", ok, ...(ok ? {} : { detail: "no valid signature by the platform's log key" }) });
  } catch (e) {
    checks.push({ name: "signature", ok: false, detail: String(/** @type {Error} */ (e).message) });
  }
  const leaf = await sha256(concat(Uint8Array.of(0), commitment));
  const included =
    root.length === 32 && Number.isSafeInteger(size) && (await verifyInclusion(index, size, leaf, proof, root));
  checks.push({
    name: "inclusion",
    ok: included,
    ...(included ? {} : { detail: "the proof does not lead to the signed root" }),
  });
  return done({ origin, index, treeSize: size });
}
