/** The record commitment: its exact byte layout, canonical JSON, and that no two inputs share an encoding. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toHex } from "./encoding.ts";
import { RECORD_COMMITMENT_TAG, randomSalt, recordCommitment } from "./record-commitment.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};
const salt = new Uint8Array(32).map((_, i) => i);
const record = { lot: "ABC123", gtin: "06901234567892", produced: "2026-11-01", qty: 1.5e3 };

describe("recordCommitment", () => {
  it("hashes the documented layout (README golden value)", () => {
    const part = (bytes: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(bytes.length);
      return Buffer.concat([len, bytes]);
    };
    const json = '{"gtin":"06901234567892","lot":"ABC123","produced":"2026-11-01","qty":1500}';
    const expected = createHash("sha256")
      .update(part(Buffer.from(RECORD_COMMITMENT_TAG)))
      .update(part(Buffer.from("lot")))
      .update(part(Buffer.from(salt)))
      .update(part(Buffer.from(json)))
      .digest("hex");
    const got = toHex(must(recordCommitment({ tag: RECORD_COMMITMENT_TAG, kind: "lot", salt, record })));
    expect(got).toBe(expected);
    expect(got).toBe("cc53269bc14b293abbbee2a84b8db4a8c4da4ace22fe95389b646f8cd4fa2d25");
  });

  it("does not depend on key order or number spelling (RFC 8785)", () => {
    const a = must(recordCommitment({ tag: "t", kind: "k", salt, record: { b: 1, a: [1e2, "x"] } }));
    const b = must(recordCommitment({ tag: "t", kind: "k", salt, record: { a: [100, "x"], b: 1.0 } }));
    expect(toHex(a)).toBe(toHex(b));
  });

  it("keeps fields apart: moving a boundary changes the commitment", () => {
    const one = must(recordCommitment({ tag: "ab", kind: "c", salt, record: null }));
    const two = must(recordCommitment({ tag: "a", kind: "bc", salt, record: null }));
    expect(toHex(one)).not.toBe(toHex(two));
  });

  it("depends on the salt", () => {
    const one = must(recordCommitment({ tag: "t", kind: "k", salt, record }));
    const two = must(recordCommitment({ tag: "t", kind: "k", salt: randomSalt(), record }));
    expect(toHex(one)).not.toBe(toHex(two));
  });

  it.each([
    ["a short salt", { tag: "t", kind: "k", salt: new Uint8Array(31), record: null }],
    ["an empty tag", { tag: "", kind: "k", salt, record: null }],
    ["a kind with a space", { tag: "t", kind: "a b", salt, record: null }],
    ["NaN", { tag: "t", kind: "k", salt, record: Number.NaN }],
    ["undefined", { tag: "t", kind: "k", salt, record: undefined as unknown as null }],
  ])("refuses %s", (_, input) => {
    expect(recordCommitment(input).ok).toBe(false);
  });
});
