import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/engines.ts";
import { type PublicSeed, seedPublicChain } from "../../../test/public-seed.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { recordCommitment as coreCommitment, type JsonValue } from "../../core/ledger/record-commitment.ts";
// The browser module itself, run in Node (WebCrypto is global in Node 20).
import { canonicalJson, recordCommitment, toHex, verifyReceipt } from "./verify-receipt.js";

describe("the browser receipt verifier's pieces", () => {
  it("computes the README's golden record commitment", async () => {
    const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
    const record = { lot: "ABC123", gtin: "06901234567892", produced: "2026-11-01", qty: 1500 };
    expect(toHex(await recordCommitment("lot", salt, record))).toBe(
      "cc53269bc14b293abbbee2a84b8db4a8c4da4ace22fe95389b646f8cd4fa2d25",
    );
  });

  it("writes RFC 8785 canonical JSON as the core's canonicalize does", async () => {
    const salt = new Uint8Array(32).fill(7);
    const records: JsonValue[] = [
      { b: 1, a: [true, null, 'é\u2028"x'], "\u00e9": { z: 1.5e-7, y: 1e21, x: -0 } },
      { "\ud83d\ude00": 1, "\u20ac": 2, "\r": 3, "1": 4, "10": 5 },
    ];
    for (const record of records) {
      const core = coreCommitment({ tag: "suyuan/ledger/record/v1", kind: "lot", salt, record });
      expect(core.ok).toBe(true);
      expect(toHex(await recordCommitment("lot", salt, record))).toBe(toHex(core.ok ? core.value : new Uint8Array()));
    }
    expect(canonicalJson({ b: [1, "2"], a: { d: null, c: false } })).toBe('{"a":{"c":false,"d":null},"b":[1,"2"]}');
  });
});

describe.each(engines)("verifying a lot's receipt from the platform in Node on %s", (engine) => {
  let t: TestApp;
  let s: PublicSeed;
  let input: { receipt: string; record: Record<string, unknown>; verifierKey: string; kind: string; ref: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    s = await seedPublicChain(t);
    const receipt = await t.app.inject({ url: `/v1/ledger/receipts/lot/${s.lot.id}` });
    const record = await t.app.inject({ url: `/v1/ledger/records/lot/${s.lot.id}` });
    input = {
      receipt: receipt.json().receipt,
      record: record.json(),
      verifierKey: t.platform.ledger.signer.verifierKey,
      kind: "lot",
      ref: s.lot.id,
    };
  });
  afterAll(() => t.close());

  it("verifies every step of a genuine receipt", async () => {
    const r = await verifyReceipt(input);
    expect(r.checks).toEqual([
      { name: "claim", ok: true },
      { name: "commitment", ok: true },
      { name: "signature", ok: true },
      { name: "inclusion", ok: true },
    ]);
    expect(r.ok).toBe(true);
    expect(r.origin).toBe(t.platform.ledger.origin);
  });

  it("fails the step that was tampered with", async () => {
    const failed = async (i: typeof input) => (await verifyReceipt(i)).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(await failed({ ...input, record: { ...input.record, lotCode: "ABC124" } })).toEqual(["commitment"]);
    expect(await failed({ ...input, ref: s.recalled.id })).toEqual(["claim"]);
    const lines = input.receipt.split("\n");
    const hashLine = lines.findIndex((l, i) => i > 2 && /^[A-Za-z0-9+/]{43}=$/.test(l));
    if (hashLine > 0) {
      const flipped = [...lines];
      flipped[hashLine] =
        `${(lines[hashLine] as string)[0] === "A" ? "B" : "A"}${(lines[hashLine] as string).slice(1)}`;
      expect(await failed({ ...input, receipt: flipped.join("\n") })).toEqual(["inclusion"]);
    }
    const sig = input.receipt.replace(
      /(\u2014 \S+ )(\S)/,
      (_m, a: string, c: string) => `${a}${c === "A" ? "B" : "A"}`,
    );
    expect(await failed({ ...input, receipt: sig })).toContain("signature");
    const otherKey = `other.example+00000000+AQ${"A".repeat(42)}=`;
    expect(await failed({ ...input, verifierKey: otherKey })).toContain("signature");
    expect((await verifyReceipt({ ...input, receipt: "not a receipt" })).ok).toBe(false);
  });
});
