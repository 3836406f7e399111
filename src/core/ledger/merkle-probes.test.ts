/**
 * transparency-dev/merkle testdata probes (conformance/tlog/merkle-probes): every inclusion and consistency probe
 * is run through our verifiers and compared with its `wantErr`.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { conformanceDir } from "../../../test/conformance/shared-dir.ts";
import { verifyConsistency } from "./verify-consistency.ts";
import { verifyInclusion } from "./verify-inclusion.ts";

const TLOG = conformanceDir("tlog");
// The shared conformance folder (see its README); override when it lives elsewhere.
const PROBES = join(TLOG, "merkle-probes");

/**
 * The one deliberate difference (conformance/tlog/README.md): upstream accepts 12-byte dummy roots when the
 * sizes are equal and the proof empty; we refuse every hash that is not 32 bytes.
 */
const EXPECTED_DEVIATIONS = new Set(["consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"]);

function probeFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) out.push(path);
    }
  };
  walk(join(PROBES, folder));
  return out;
}

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));

interface InclusionProbe {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}

interface ConsistencyProbe {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe("merkle-probes", () => {
  it("inclusion: 98 of 98 agree with wantErr", () => {
    const files = probeFiles("inclusion");
    const disagreements: string[] = [];
    for (const file of files) {
      const p = JSON.parse(readFileSync(file, "utf8")) as InclusionProbe;
      const check = verifyInclusion(p.leafIdx, p.treeSize, b64(p.leafHash), (p.proof ?? []).map(b64), b64(p.root));
      if (check.ok === p.wantErr) disagreements.push(relative(PROBES, file));
    }
    expect(files).toHaveLength(98);
    expect(disagreements).toEqual([]);
  });

  it("consistency: 97 of 98 agree with wantErr, the 98th is the documented deviation", () => {
    const files = probeFiles("consistency");
    const disagreements: string[] = [];
    for (const file of files) {
      const p = JSON.parse(readFileSync(file, "utf8")) as ConsistencyProbe;
      const check = verifyConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), (p.proof ?? []).map(b64));
      if (check.ok === p.wantErr) disagreements.push(relative(PROBES, file));
    }
    expect(files).toHaveLength(98);
    expect(disagreements).toEqual([...EXPECTED_DEVIATIONS]);
  });

  it("the deviation is refused for the hash length, not by accident", () => {
    const file = join(PROBES, [...EXPECTED_DEVIATIONS][0] as string);
    const p = JSON.parse(readFileSync(file, "utf8")) as ConsistencyProbe;
    const check = verifyConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), []);
    expect(check).toMatchObject({ ok: false, error: { code: "bad-hash-length" } });
  });
});
