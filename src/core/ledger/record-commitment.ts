/**
 * The commitment to one platform record that becomes a Merkle leaf input (the "上链凭证" of a record).
 *
 * Byte layout (every length is a big-endian uint32 of the byte length that follows it):
 *
 *     commitment = SHA-256( u32(len tag)  || tag           -- UTF-8, domain separation, e.g. "suyuan/ledger/record/v1"
 *                        || u32(len kind) || kind          -- UTF-8, the record kind, e.g. "epcis-event"
 *                        || u32(32)       || salt          -- 32 random bytes, kept with the record
 *                        || u32(len json) || json )        -- RFC 8785 (JCS) canonical JSON of the record, UTF-8
 *
 * Why: length prefixes make the encoding injective, so no (tag, kind, salt, record) can be re-read as another
 * with the boundaries moved; the tag keeps these digests apart from any other SHA-256 use; the salt stops anyone
 * holding a proof from confirming guesses of a record's content (records are low-entropy: lots, dates, parties);
 * JCS makes the digest independent of key order and number spelling. The leaf hash the tree stores is then
 * RFC 9162 LH(commitment) = SHA-256(0x00 || commitment).
 */
import { randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { concatBytes, encodeUtf8, isWellFormedText, uint32Bytes } from "./encoding.ts";
import { canonicalFlatJson } from "./flat-json.ts";
import { type Hash, sha256 } from "./merkle-hash.ts";
import { fail, ok, type Result } from "./result.ts";

export const RECORD_COMMITMENT_TAG = "suyuan/ledger/record/v1";
export const SALT_SIZE = 32;

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface RecordCommitmentInput {
  readonly tag: string;
  readonly kind: string;
  readonly salt: Uint8Array;
  readonly record: JsonValue;
}

/** Tags and kinds are identifiers: 1–255 printable ASCII characters, no spaces. */
const IDENTIFIER = /^[\u0021-\u007e]{1,255}$/;

/** u32(len tag) || tag || u32(len kind) || kind || u32(32), per (tag, kind): a handful of pairs in a process. */
const headers = new Map<string, Buffer>();

function headerOf(tag: string, kind: string): Buffer | string {
  const key = `${tag} ${kind}`;
  let head = headers.get(key);
  if (head === undefined) {
    if (!IDENTIFIER.test(tag)) return "the tag is 1–255 printable ASCII characters";
    if (!IDENTIFIER.test(kind)) return "the kind is 1–255 printable ASCII characters";
    const parts = [encodeUtf8(tag), encodeUtf8(kind)];
    head = Buffer.from(concatBytes(...parts.flatMap((p) => [uint32Bytes(p.length), p]), uint32Bytes(SALT_SIZE)));
    if (headers.size > 1_000) headers.clear();
    headers.set(key, head);
  }
  return head;
}

export function recordCommitment(input: RecordCommitmentInput): Result<Hash> {
  const { tag, kind, salt, record } = input;
  const head = headerOf(tag, kind);
  if (typeof head === "string") return fail("malformed", head);
  if (salt.length !== SALT_SIZE) return fail("out-of-range", `the salt is ${SALT_SIZE} bytes`);
  // Records are table rows: the flat form is the fast path; anything else takes the generic RFC 8785 code.
  let json = canonicalFlatJson(record);
  if (json === undefined) {
    try {
      json = canonicalize(record);
    } catch {
      json = undefined;
    }
    // canonicalize refuses NaN, Infinity and BigInt by throwing, and undefined or functions by returning undefined.
    if (json === undefined || !isWellFormedText(json)) return fail("malformed", "the record is not JSON (RFC 8785)");
  }
  const length = Buffer.byteLength(json, "utf8");
  const bytes = Buffer.allocUnsafe(head.length + SALT_SIZE + 4 + length);
  head.copy(bytes, 0);
  bytes.set(salt, head.length);
  bytes.writeUInt32BE(length, head.length + SALT_SIZE);
  bytes.write(json, head.length + SALT_SIZE + 4, "utf8");
  return ok(sha256(bytes));
}

/** A fresh salt for a record. */
export function randomSalt(): Uint8Array {
  return new Uint8Array(randomBytes(SALT_SIZE));
}
