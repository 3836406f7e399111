/** C2SP tlog-witness v1.0.0 add-checkpoint: bodies and the witness's decision table, over the Tessera log. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conformanceDir } from "../../../test/conformance/shared-dir.ts";
import { formatCheckpoint } from "./checkpoint.ts";
import { consistencyProof } from "./consistency-proof.ts";
import { cosignatureTimestamp, cosignerFromSeed, parseCosignatureVerifierKey } from "./cosignature.ts";
import { bundleLeafHashes, parseEntryBundle } from "./entry-bundle.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { EMPTY_ROOT } from "./merkle-hash.ts";
import { generateSignerKey, parseSignerKey } from "./note-signer-key.ts";
import { parseEd25519VerifierKey } from "./note-verifier-key.ts";
import { openNote, signNote } from "./signed-note.ts";
import { attachCosignatures, cosignResponse, decideAddCheckpoint } from "./witness-add-checkpoint.ts";
import {
  formatAddCheckpointRequest,
  formatConflictBody,
  parseAddCheckpointRequest,
  parseConflictBody,
  parseCosignatureResponse,
} from "./witness-messages.ts";

const TLOG = conformanceDir("tlog");
const LOG = join(TLOG, "tessera-log");
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const ORIGIN = "example.com/log/testdata";
const logVerifier = must(
  parseEd25519VerifierKey("example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx"),
);
const logSigner = must(
  parseSignerKey("PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg"),
);
const note = (n: number): string => readFileSync(join(LOG, `checkpoint.${n}`), "utf8");
const leaves = bundleLeafHashes(
  must(parseEntryBundle(new Uint8Array(readFileSync(join(LOG, "tile/entries/000.p/15"))))),
);
const store = MemoryNodeStore.fromLeafHashes(leaves);
const rootAt = (n: number) => new MemoryNodeStore().appendLeafHashes(leaves.slice(0, n));

function request(
  oldSize: number,
  size: number,
  proof = must(consistencyProof(store, oldSize, size)),
  checkpoint = note(size),
) {
  return must(parseAddCheckpointRequest(must(formatAddCheckpointRequest({ oldSize, proof, checkpoint }))));
}

describe("tlog-witness add-checkpoint bodies", () => {
  it("parses the spec's example request", () => {
    const body = `old 20852014
PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
`;
    const parsed = must(parseAddCheckpointRequest(body));
    expect([parsed.oldSize, parsed.proof.length, parsed.origin]).toEqual([20852014, 4, "example.com/behind-the-sofa"]);
    expect(must(formatAddCheckpointRequest(parsed))).toBe(body);
  });

  it.each([
    ["no old line", `${note(3)}`],
    ["leading zero", `old 03\n\n${note(3)}`],
    ["no empty line", "old 3\n"],
    ["non-base64 proof line", `old 3\n!!!\n\n${note(3)}`],
    ["short hash", `old 3\nAAAA\n\n${note(3)}`],
    ["64 proof lines", `old 3\n${`${Buffer.alloc(32).toString("base64")}\n`.repeat(64)}\n${note(3)}`],
    ["no checkpoint", "old 3\n\n"],
    ["not a checkpoint", "old 3\n\nhello\n\n— a AAAAAAA=\n"],
  ])("rejects a request with %s", (_, body) => {
    expect(parseAddCheckpointRequest(body).ok).toBe(false);
  });

  it("accepts 63 proof lines", () => {
    expect(
      parseAddCheckpointRequest(`old 3\n${`${Buffer.alloc(32).toString("base64")}\n`.repeat(63)}\n${note(3)}`).ok,
    ).toBe(true);
  });

  it("round-trips the 409 body", () => {
    expect(formatConflictBody(20852014)).toBe("20852014\n");
    expect(must(parseConflictBody("20852014\n"))).toBe(20852014);
    expect(parseConflictBody("020\n").ok).toBe(false);
  });
});

describe("tlog-witness add-checkpoint decisions", () => {
  const latest = (n: number) => ({ size: n, rootHash: rootAt(n) });
  const known = [logVerifier];

  it("cosigns a first checkpoint with old size 0 and an empty proof", () => {
    expect(decideAddCheckpoint(request(0, 8), known, undefined)).toMatchObject({ kind: "cosign" });
  });

  it("cosigns a consistent extension for every pair of sizes", () => {
    for (let n = 1; n <= 15; n++) {
      for (let m = 1; m <= n; m++) expect(decideAddCheckpoint(request(m, n), known, latest(m)).kind).toBe("cosign");
    }
  });

  it.each([
    ["unknown origin (404)", () => decideAddCheckpoint(request(0, 3), undefined, undefined), 404],
    [
      "no trusted signature (403)",
      () =>
        decideAddCheckpoint(
          request(0, 3),
          [must(parseEd25519VerifierKey(must(generateSignerKey(ORIGIN)).verifierKey))],
          undefined,
        ),
      403,
    ],
    ["old size above the checkpoint size (400)", () => decideAddCheckpoint(request(5, 3, []), known, latest(5)), 400],
    ["old size is not the latest (409)", () => decideAddCheckpoint(request(4, 8), known, latest(6)), 409],
    ["never cosigned but old size > 0 (409)", () => decideAddCheckpoint(request(4, 8), known, undefined), 409],
    ["proof with old size 0 (422)", () => decideAddCheckpoint(request(0, 8, [EMPTY_ROOT]), known, undefined), 422],
    ["bad consistency proof (422)", () => decideAddCheckpoint(request(4, 8, [EMPTY_ROOT]), known, latest(4)), 422],
    [
      "same size, different root (409)",
      () => decideAddCheckpoint(request(8, 8, []), known, { size: 8, rootHash: EMPTY_ROOT }),
      409,
    ],
    ["same size with a proof (422)", () => decideAddCheckpoint(request(8, 8, [EMPTY_ROOT]), known, latest(8)), 422],
  ] as const)("rejects: %s", (_, decide, status) => {
    expect(decide()).toMatchObject({ kind: "reject", status });
  });

  it("returns the latest size for the 409 body", () => {
    expect(decideAddCheckpoint(request(4, 8), known, latest(6))).toMatchObject({ latestSize: 6 });
  });

  it("rejects a size-0 checkpoint whose root is not MTH({}) (422)", () => {
    const text = must(formatCheckpoint({ origin: ORIGIN, size: 0, rootHash: leaves[0] as Uint8Array, extensions: [] }));
    const bogus = must(signNote(text, [logSigner]));
    expect(decideAddCheckpoint(request(0, 0, [], bogus), known, undefined)).toMatchObject({ status: 422 });
    expect(decideAddCheckpoint(request(0, 0, [], note(0)), known, undefined).kind).toBe("cosign");
  });

  it("cosigns, and the log attaches and verifies the cosignatures", () => {
    const decision = decideAddCheckpoint(request(0, 15), known, undefined);
    if (decision.kind !== "cosign") throw new Error("expected cosign");
    const w1 = must(cosignerFromSeed("witness.example/w1", new Uint8Array(32).fill(1)));
    const w2 = must(cosignerFromSeed("witness.example/w2", new Uint8Array(32).fill(2)));
    const body = must(cosignResponse(decision.checkpoint.text, [w1.at(1_767_139_200), w2.at(1_767_139_201)]));
    expect(must(parseCosignatureResponse(body))).toHaveLength(2);
    const withCosignatures = must(attachCosignatures(note(15), body));
    const verifiers = [w1, w2].map((w) => must(parseCosignatureVerifierKey(w.verifierKey)));
    const opened = must(openNote(withCosignatures, verifiers));
    expect(opened.verified.map((v) => cosignatureTimestamp(v.signature))).toEqual([1_767_139_200, 1_767_139_201]);
    expect(opened.unknown.map((s) => s.name)).toEqual([ORIGIN]);
  });
});
