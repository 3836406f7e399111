/** C2SP tlog-proof text format (vectors.md §F, from transparency-dev/formats) and end-to-end verification. */
import { describe, expect, it } from "vitest";
import { formatCheckpoint } from "./checkpoint.ts";
import { cosignerFromSeed } from "./cosignature.ts";
import { toHex } from "./encoding.ts";
import { inclusionProof } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { leafHash, sha256 } from "./merkle-hash.ts";
import { ed25519Signer } from "./note-signer-key.ts";
import { parsePolicy } from "./policy.ts";
import { signNote } from "./signed-note.ts";
import { formatTlogProof, parseTlogProof, verifyTlogProof } from "./tlog-proof.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};
const h1 = sha256(new TextEncoder().encode("hash1"));
const h2 = sha256(new TextEncoder().encode("hash2"));
const H1 = "rzFuy5Go7nrpkhBwKy1HWPMM3eO/YePY54fXRoH5Cm4=";
const H2 = "5784L25ZFbP4hhm4ZiI+vx1RxMUyHMzeLp/3AKMlkIY=";

describe("tlog-proof format", () => {
  it.each([
    [
      { index: 5, proof: [h1, h2], checkpoint: "test checkpoint\n" },
      `c2sp.org/tlog-proof@v1\nindex 5\n${H1}\n${H2}\n\ntest checkpoint\n`,
    ],
    [
      { index: 10, proof: [h1], checkpoint: "checkpoint data\n", extra: new TextEncoder().encode("extra information") },
      `c2sp.org/tlog-proof@v1\nextra ZXh0cmEgaW5mb3JtYXRpb24=\nindex 10\n${H1}\n\ncheckpoint data\n`,
    ],
    [{ index: 0, proof: [], checkpoint: "checkpoint\n" }, "c2sp.org/tlog-proof@v1\nindex 0\n\ncheckpoint\n"],
  ])("formats and parses %#", (proof, text) => {
    expect(must(formatTlogProof(proof))).toBe(text);
    const parsed = must(parseTlogProof(text));
    expect({ ...parsed, proof: parsed.proof.map(toHex) }).toEqual({ ...proof, proof: proof.proof.map(toHex) });
  });

  it.each([
    ["wrong header", "c2sp.org/tlog-proof@v2\nindex 0\n\ncheckpoint\n"],
    ["bad extra", "c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\ncheckpoint\n"],
    ["missing index", `c2sp.org/tlog-proof@v1\n${H1}\n\ncheckpoint\n`],
    ["index notanumber", "c2sp.org/tlog-proof@v1\nindex notanumber\n\ncheckpoint\n"],
    ["index -5", "c2sp.org/tlog-proof@v1\nindex -5\n\ncheckpoint\n"],
    ["index with a leading zero", "c2sp.org/tlog-proof@v1\nindex 05\n\ncheckpoint\n"],
    ["non-base64 hash", "c2sp.org/tlog-proof@v1\nindex 0\nnot*base64\n\ncheckpoint\n"],
    ["64-byte hash", `c2sp.org/tlog-proof@v1\nindex 0\n${Buffer.alloc(64).toString("base64")}\n\ncheckpoint\n`],
    ["a line over 64 KiB", `c2sp.org/tlog-proof@v1\nextra ${"A".repeat(65536)}\nindex 0\n\ncheckpoint\n`],
    ["no empty line", `c2sp.org/tlog-proof@v1\nindex 0\n${H1}`],
    ["no checkpoint", "c2sp.org/tlog-proof@v1\nindex 0\n\n"],
  ])("rejects %s", (_, text) => {
    expect(parseTlogProof(text).ok).toBe(false);
  });
});

describe("tlog-proof verification", () => {
  const log = must(ed25519Signer("example.com/suyuan", new Uint8Array(32).fill(1)));
  const witness = must(cosignerFromSeed("witness.example", new Uint8Array(32).fill(2)));
  const policy = must(parsePolicy(`log ${log.verifierKey}\nwitness W ${witness.verifierKey}\nquorum W\n`));
  const entries = Array.from({ length: 21 }, (_, i) => new TextEncoder().encode(`record ${i}`));
  const store = MemoryNodeStore.fromLeafHashes(entries.map(leafHash));
  const root = new MemoryNodeStore().appendLeafHashes(entries.map(leafHash));
  const text = must(formatCheckpoint({ origin: "example.com/suyuan", size: 21, rootHash: root, extensions: [] }));
  const checkpoint = must(signNote(text, [log, witness.at(1_767_139_200)]));

  it("verifies a proof for every entry, and refuses the wrong entry", () => {
    for (let i = 0; i < entries.length; i++) {
      const file = must(formatTlogProof({ index: i, proof: must(inclusionProof(store, i, 21)), checkpoint }));
      const parsed = must(parseTlogProof(file));
      expect(verifyTlogProof(parsed, leafHash(entries[i] as Uint8Array), policy).ok).toBe(true);
      expect(verifyTlogProof(parsed, leafHash(entries[(i + 1) % 21] as Uint8Array), policy)).toMatchObject({
        error: { code: "proof-mismatch" },
      });
    }
  });

  it("refuses a proof whose checkpoint lacks the witness", () => {
    const unwitnessed = must(signNote(text, [log]));
    const p = { index: 0, proof: must(inclusionProof(store, 0, 21)), checkpoint: unwitnessed };
    expect(verifyTlogProof(p, leafHash(entries[0] as Uint8Array), policy)).toMatchObject({
      error: { code: "quorum-not-met" },
    });
  });
});
