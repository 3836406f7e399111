/**
 * The browser receipt verifier (verify-ledger-receipt.js), run in Node 20 on its WebCrypto: it must agree with the core's
 * verifyReceipt on valid receipts and on every way one can be wrong.
 */
import { describe, expect, it } from "vitest";
import {
  type Cosigner,
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
  recordCommitment,
  sha256,
  signNote,
} from "../../core/ledger/index.ts";
import { verifyReceipt } from "./verify-ledger-receipt.js";

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
const commitment = must(recordCommitment({ tag: RECORD_COMMITMENT_TAG, kind: "lot", salt, record }));
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

  const proofLine = (l: string) => /^[A-Za-z0-9+/]{43}=$/.test(l);
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

  it("verifies in well under 50 ms", async () => {
    await verifyReceipt(good, POLICY, record);
    const start = performance.now();
    for (let i = 0; i < 20; i++) await verifyReceipt(good, POLICY, record);
    expect((performance.now() - start) / 20).toBeLessThan(50);
  });
});
