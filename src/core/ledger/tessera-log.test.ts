/**
 * The 15-entry Tessera tlog-tiles log (conformance/tlog/tessera-log, vectors.md §C): bundles → tiles → roots →
 * signed checkpoints, re-signed byte for byte, and every inclusion and consistency proof for sizes 1–15.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conformanceDir } from "../../../test/conformance/shared-dir.ts";
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from "./checkpoint.ts";
import { consistencyProof } from "./consistency-proof.ts";
import { toHex } from "./encoding.ts";
import { bundleLeafHashes, formatEntryBundle, parseEntryBundle } from "./entry-bundle.ts";
import { inclusionProof } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { merkleRoot } from "./merkle-root.ts";
import { parseSignerKey } from "./note-signer-key.ts";
import { parseEd25519VerifierKey } from "./note-verifier-key.ts";
import { signNote } from "./signed-note.ts";
import { joinTile, splitTile } from "./tile.ts";
import { tilePath } from "./tile-path.ts";
import { consistencyProofFromTiles, inclusionProofFromTiles, type TileContents } from "./tile-proof.ts";
import { verifyConsistency } from "./verify-consistency.ts";
import { verifyInclusion } from "./verify-inclusion.ts";

const TLOG = conformanceDir("tlog");
const LOG = join(TLOG, "tessera-log");
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(LOG, path)));
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const SIGNER_KEY = "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg";
const VERIFIER_KEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
const ORIGIN = "example.com/log/testdata";
const NAMES = "one two three four five six seven eit nain ten ileven twelf threeten fourten fivten".split(" ");
const SIZES = Array.from({ length: 16 }, (_, n) => n);

const verifier = must(parseEd25519VerifierKey(VERIFIER_KEY));
const entries = must(parseEntryBundle(read("tile/entries/000.p/15")));
const leaves = bundleLeafHashes(entries);
const store = MemoryNodeStore.fromLeafHashes(leaves);
const checkpoints = SIZES.map((n) => readFileSync(join(LOG, `checkpoint.${n}`), "utf8"));
const roots = checkpoints.map((note) => must(openCheckpoint(note, [verifier], ORIGIN)).checkpoint.rootHash);

/** Every level-0 partial tile of the log, by path, as a tlog-tiles client would fetch them. */
const tiles: TileContents = new Map(
  SIZES.slice(1).map((w) => [must(tilePath({ level: 0, index: 0, width: w })), read(`tile/0/000.p/${w}`)]),
);

describe("Tessera tlog-tiles log (vectors.md §C)", () => {
  it("parses the entry bundle and re-encodes it byte for byte", () => {
    expect(entries.map((e) => Buffer.from(e).toString("ascii"))).toEqual(NAMES);
    expect(must(formatEntryBundle(entries))).toEqual(read("tile/entries/000.p/15"));
    for (const w of SIZES.slice(1)) expect(must(parseEntryBundle(read(`tile/entries/000.p/${w}`), w))).toHaveLength(w);
  });

  it.each(SIZES.slice(1))("level-0 tile of width %i holds the entries' leaf hashes", (w) => {
    expect(must(splitTile(read(`tile/0/000.p/${w}`), w)).map(toHex)).toEqual(leaves.slice(0, w).map(toHex));
    expect(joinTile(leaves.slice(0, w))).toEqual(read(`tile/0/000.p/${w}`));
  });

  it.each(SIZES)("checkpoint.%i: verifies, has the right size, and its root is MTH of the entries", (n) => {
    const opened = must(openCheckpoint(checkpoints[n] as string, [verifier], ORIGIN));
    expect(opened.checkpoint.size).toBe(n);
    expect(toHex(opened.checkpoint.rootHash)).toBe(toHex(merkleRoot(leaves.slice(0, n))));
    expect(opened.note.verified).toHaveLength(1);
  });

  it.each(SIZES)("checkpoint.%i: re-signing with the published seed reproduces it byte for byte", (n) => {
    const signer = must(parseSignerKey(SIGNER_KEY));
    expect(signer.verifierKey).toBe(VERIFIER_KEY);
    const text = must(openCheckpoint(checkpoints[n] as string, [verifier])).text;
    expect(must(signNote(text, [signer]))).toBe(checkpoints[n]);
  });

  it("serves checkpoint.15 as the latest checkpoint", () => {
    expect(readFileSync(join(LOG, "checkpoint"), "utf8")).toBe(checkpoints[15]);
    expect(toHex(must(parseCheckpoint(`${ORIGIN}\n15\nrKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=\n`)).rootHash)).toBe(
      "aca6c38a90af86e5f5199ee0e4105ef2c03a05b27b8daff59e4e36eefdfcddcb",
    );
  });

  it("generates and verifies all 120 inclusion proofs, from nodes and from tiles alike", async () => {
    let verified = 0;
    for (let n = 1; n <= 15; n++) {
      for (let i = 0; i < n; i++) {
        const proof = must(inclusionProof(store, i, n));
        expect(verifyInclusion(i, n, leaves[i] as Uint8Array, proof, roots[n] as Uint8Array).ok).toBe(true);
        const fromTiles = must(await inclusionProofFromTiles(i, n, () => tiles));
        expect(fromTiles.map(toHex)).toEqual(proof.map(toHex));
        verified++;
      }
    }
    expect(verified).toBe(120);
  });

  it("generates and verifies all 120 consistency proofs, from nodes and from tiles alike", async () => {
    let verified = 0;
    for (let n = 1; n <= 15; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = must(consistencyProof(store, m, n));
        expect(verifyConsistency(m, n, roots[m] as Uint8Array, roots[n] as Uint8Array, proof).ok).toBe(true);
        const fromTiles = must(await consistencyProofFromTiles(m, n, () => tiles));
        expect(fromTiles.map(toHex)).toEqual(proof.map(toHex));
        verified++;
      }
    }
    expect(verified).toBe(120);
  });

  const L = (i: number): string => toHex(leaves[i] as Uint8Array);
  const R = (n: number): string => toHex(roots[n] as Uint8Array);
  it.each([
    [
      "inclusion",
      0,
      15,
      () => [
        L(1),
        "167eb1643f6c3d628bc200a8faa64b300a85961d0c31fe72b4ce798e18c2a663",
        "8346687985ad215f10f22fb80a682a3e706f1f68a5d74ee5c8281342cc81ec7e",
        "e632e9a93823b010d2117e928198919db4cc753b9177c6d0e6d4ac00ec5ed0ab",
      ],
    ],
    [
      "inclusion",
      5,
      15,
      () => [
        L(4),
        "9e4f60091f9f96816ace700fb6a8e37279d5eb87607b68d007de43e6dd7ae078",
        R(4),
        "e632e9a93823b010d2117e928198919db4cc753b9177c6d0e6d4ac00ec5ed0ab",
      ],
    ],
    [
      "inclusion",
      14,
      15,
      () => [
        "1a252d54fd17848699fdf97b45e30b830fbd614b63140b7c91a4dd7ce7b6bbf2",
        "ddc1510adc875710144ee805c91828df479f6e5f815717534032068391fad520",
        R(8),
      ],
    ],
    ["inclusion", 7, 8, () => [L(6), "c9c46490d925bace5e315454be40f5a4adf6d6f32b03e8e33a264a53c68e718e", R(4)]],
    [
      "consistency",
      4,
      15,
      () => [
        "8346687985ad215f10f22fb80a682a3e706f1f68a5d74ee5c8281342cc81ec7e",
        "e632e9a93823b010d2117e928198919db4cc753b9177c6d0e6d4ac00ec5ed0ab",
      ],
    ],
    [
      "consistency",
      7,
      15,
      () => [
        L(6),
        L(7),
        "c9c46490d925bace5e315454be40f5a4adf6d6f32b03e8e33a264a53c68e718e",
        R(4),
        "e632e9a93823b010d2117e928198919db4cc753b9177c6d0e6d4ac00ec5ed0ab",
      ],
    ],
    ["consistency", 8, 15, () => ["e632e9a93823b010d2117e928198919db4cc753b9177c6d0e6d4ac00ec5ed0ab"]],
    [
      "consistency",
      6,
      11,
      () => [
        "c9c46490d925bace5e315454be40f5a4adf6d6f32b03e8e33a264a53c68e718e",
        "9e4f60091f9f96816ace700fb6a8e37279d5eb87607b68d007de43e6dd7ae078",
        R(4),
        "10a46fe761bc704bec0e170bb25ea0484f4746790362da4c8b05805951b2aea3",
      ],
    ],
    [
      "consistency",
      14,
      15,
      () => [
        "1a252d54fd17848699fdf97b45e30b830fbd614b63140b7c91a4dd7ce7b6bbf2",
        L(14),
        "ddc1510adc875710144ee805c91828df479f6e5f815717534032068391fad520",
        R(8),
      ],
    ],
  ] as const)("C.2 %s proof (%i, %i)", (kind, a, b, expected) => {
    const proof = kind === "inclusion" ? inclusionProof(store, a, b) : consistencyProof(store, a, b);
    expect(must(proof).map(toHex)).toEqual(expected());
  });

  it("C.2 consistency 1 → 15 equals inclusion (0, 15)", () => {
    expect(must(consistencyProof(store, 1, 15)).map(toHex)).toEqual(must(inclusionProof(store, 0, 15)).map(toHex));
  });
});

describe("checkpoint text (C2SP tlog-checkpoint §Note text)", () => {
  const root = "rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=";
  it("keeps extension lines and round-trips", () => {
    const text = `${ORIGIN}\n15\n${root}\next one\next two\n`;
    const parsed = must(parseCheckpoint(text));
    expect(parsed.extensions).toEqual(["ext one", "ext two"]);
    expect(must(formatCheckpoint(parsed))).toBe(text);
  });

  it.each([
    ["two lines", `${ORIGIN}\n15\n`],
    ["no final newline", `${ORIGIN}\n15\n${root}`],
    ["empty origin", `\n15\n${root}\n`],
    ["leading zero", `${ORIGIN}\n015\n${root}\n`],
    ["negative size", `${ORIGIN}\n-1\n${root}\n`],
    ["size beyond 2^53", `${ORIGIN}\n18446744073709551615\n${root}\n`],
    ["short root", `${ORIGIN}\n15\nAAAA\n`],
    ["empty extension line", `${ORIGIN}\n15\n${root}\n\next\n`],
    ["carriage return", `${ORIGIN}\r\n15\n${root}\n`],
  ])("rejects %s", (_, text) => {
    expect(parseCheckpoint(text).ok).toBe(false);
  });

  it("refuses a checkpoint from another origin", () => {
    expect(openCheckpoint(checkpoints[3] as string, [verifier], "example.com/other")).toMatchObject({
      error: { code: "wrong-origin" },
    });
  });
});
