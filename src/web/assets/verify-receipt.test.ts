/**
 * The browser receipt verifier (verify-receipt.js: the consumer page's and the receipt page's), run in Node 20 on
 * its WebCrypto: it must agree with the core's verifyReceipt on valid receipts and on every way one can be wrong,
 * report which check failed, and verify what the platform serves. Its speed in a browser is a benchmark
 * (bench/receipt-browser.bench.ts), not a test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/engines.ts";
import { type PublicSeed, seedPublicChain } from "../../../test/public-seed.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import {
  type Cosigner,
  recordCommitment as coreCommitment,
  verifyReceipt as coreVerify,
  cosignerFromSeed,
  ed25519Signer,
  formatCheckpoint,
  formatReceipt,
  inclusionProof,
  type JsonValue,
  leafHash,
  MemoryNodeStore,
  parsePolicy,
  RECORD_COMMITMENT_TAG,
  sha256,
  signNote,
} from "../../core/ledger/index.ts";
// The browser module itself, run in Node (WebCrypto is global in Node 20).
import { canonicalJson, recordCommitment, toHex, verifyReceipt } from "./verify-receipt.js";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const ORIGIN = "trace.fj.example/log";
const log = must(ed25519Signer(ORIGIN, new Uint8Array(32).fill(1)));
const w = (name: string, seed: number): Cosigner => must(cosignerFromSeed(name, new Uint8Array(32).fill(seed)));
const [agri, customs, health] = [w("witness.agri.example", 2), w("witness.customs.example", 3), w("w.health", 4)];
const POLICY = `log ${log.verifierKey}
witness agri ${agri?.verifierKey}
witness customs ${customs?.verifierKey}
witness health ${health?.verifierKey}
group departments 2 agri customs health
quorum departments
`;

const record = { id: "lot-1", lotCode: "B2026-11-20", quantityMilli: 1_500_000, origin: "福建省 福州市", note: null };
const salt = new Uint8Array(32).fill(9);
const commitment = must(coreCommitment({ tag: RECORD_COMMITMENT_TAG, kind: "lot", salt, record }));
const INDEX = 13;
const leaves = Array.from({ length: 37 }, (_, i) =>
  i === INDEX ? leafHash(commitment) : leafHash(sha256(new TextEncoder().encode(`other ${i}`))),
);
const nodes = MemoryNodeStore.fromLeafHashes(leaves);
const root = new MemoryNodeStore().appendLeafHashes(leaves);

function receipt(cosigners: readonly Cosigner[], signer = log): string {
  const text = must(formatCheckpoint({ origin: ORIGIN, size: leaves.length, rootHash: root, extensions: [] }));
  const note = must(signNote(text, [signer, ...cosigners.map((c, i) => c.at(1_790_000_000 + i))]));
  const proof = must(inclusionProof(nodes, INDEX, leaves.length));
  return must(
    formatReceipt({ kind: "lot", ref: "lot-1", salt, commitment }, { index: INDEX, proof, checkpoint: note }),
  );
}

const proofLine = (l: string) => /^[A-Za-z0-9+/]{43}=$/.test(l);
const flip = (text: string, line: (l: string) => boolean) =>
  text
    .split("\n")
    .map((l) => {
      if (!line(l)) return l;
      const b = Buffer.from(l.slice(-44), "base64");
      b[3] = (b[3] as number) ^ 1;
      return l.slice(0, -44) + b.toString("base64");
    })
    .join("\n");

describe("browser receipt verifier (WebCrypto)", () => {
  const good = receipt([agri as Cosigner, customs as Cosigner]);

  it("verifies a receipt cosigned by 2 of 3 and the record it names, reporting the witnesses' times", async () => {
    const r = await verifyReceipt(good, POLICY, record);
    expect(r).toMatchObject({ ok: true, kind: "lot", ref: "lot-1", origin: ORIGIN, index: INDEX, size: 37 });
    expect(r.recordChecked).toBe(true);
    expect(r.witnesses).toEqual([
      { name: "agri", timestamp: 1_790_000_000 },
      { name: "customs", timestamp: 1_790_000_001 },
    ]);
    expect(r.leafHash).toBe(Buffer.from(leafHash(commitment)).toString("hex"));
  });

  const impostor = must(ed25519Signer(ORIGIN, new Uint8Array(32).fill(7)));
  const cases: [string, string, unknown, boolean][] = [
    ["a valid receipt without the record", good, undefined, true],
    ["all three cosignatures", receipt([agri, customs, health] as Cosigner[]), record, true],
    ["one cosignature only (quorum not met)", receipt([agri as Cosigner]), record, false],
    ["a changed record", good, { ...record, quantityMilli: 1 }, false],
    ["a flipped proof hash", flip(good, proofLine), record, false],
    ["a broken cosignature", flip(good, (l) => l.startsWith("— witness.customs.example ")), record, false],
    ["a checkpoint signed by another key", receipt([agri, customs] as Cosigner[], impostor), record, false],
    ["not a receipt", "hello\n", undefined, false],
  ];
  it.each(cases)("agrees with the core on %s", async (_, text, rec, valid) => {
    const core = coreVerify(text, must(parsePolicy(POLICY)), rec as JsonValue | undefined);
    const browser = await verifyReceipt(text, POLICY, rec);
    expect([browser.ok, core.ok], browser.error).toEqual([valid, valid]);
  });
});

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
      const core = coreCommitment({ tag: RECORD_COMMITMENT_TAG, kind: "lot", salt, record });
      expect(core.ok).toBe(true);
      expect(toHex(await recordCommitment("lot", salt, record))).toBe(toHex(core.ok ? core.value : new Uint8Array()));
    }
    expect(canonicalJson({ b: [1, "2"], a: { d: null, c: false } })).toBe('{"a":{"c":false,"d":null},"b":[1,"2"]}');
  });
});

describe.each(engines)("verifying a lot's receipt from the platform on %s", (engine) => {
  let t: TestApp;
  let s: PublicSeed;
  let receipt: string;
  let policy: string;
  let lot: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    s = await seedPublicChain(t);
    receipt = (await t.app.inject({ url: `/v1/ledger/receipts/lot/${s.lot.id}` })).json().receipt;
    lot = (await t.app.inject({ url: `/v1/ledger/records/lot/${s.lot.id}` })).json();
    policy = (await t.app.inject({ url: "/log/policy" })).body;
  });
  afterAll(() => t.close());

  it("passes every check of a genuine receipt", async () => {
    const r = await verifyReceipt(receipt, policy, lot, { kind: "lot", ref: s.lot.id });
    expect(r.checks).toEqual([
      { name: "claim", ok: true },
      { name: "commitment", ok: true },
      { name: "signature", ok: true },
      { name: "witnesses", ok: true },
      { name: "inclusion", ok: true },
    ]);
    expect(r).toMatchObject({ ok: true, origin: t.platform.ledger.origin, recordChecked: true });
  });

  it("fails the check that was tampered with", async () => {
    const failed = async (text: string, rec: unknown, ref = s.lot.id, pol = policy) =>
      (await verifyReceipt(text, pol, rec, { kind: "lot", ref })).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(await failed(receipt, { ...lot, lotCode: "ABC124" })).toEqual(["commitment"]);
    expect(await failed(receipt, lot, s.recalled.id)).toEqual(["claim"]);
    // The first proof hash (after the header, extra and index lines); the checkpoint's root hash stays as signed.
    const firstProofHash = receipt.split("\n")[3] as string;
    expect(proofLine(firstProofHash)).toBe(true);
    expect(
      await failed(
        flip(receipt, (l) => l === firstProofHash),
        lot,
      ),
    ).toEqual(["inclusion"]);
    expect(
      await failed(
        flip(receipt, (l) => l.startsWith("\u2014 ")),
        lot,
      ),
    ).toEqual(["signature"]);
    const otherLog = must(ed25519Signer("other.example/log", new Uint8Array(32).fill(5)));
    expect(await failed(receipt, lot, s.lot.id, `log ${otherLog.verifierKey}\nquorum none\n`)).toEqual(["signature"]);
    expect((await verifyReceipt("not a receipt", policy)).ok).toBe(false);
  });
});
