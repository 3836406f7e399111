/** C2SP tlog-policy parsing, quorum evaluation, and policy verification of cosigned checkpoints. */
import { describe, expect, it } from "vitest";
import { formatCheckpoint } from "./checkpoint.ts";
import { type Cosigner, cosignerFromSeed } from "./cosignature.ts";
import { EMPTY_ROOT } from "./merkle-hash.ts";
import { ed25519Signer } from "./note-signer-key.ts";
import { formatPolicy, parsePolicy, quorumMet } from "./policy.ts";
import { verifyCheckpointWithPolicy } from "./policy-verify.ts";
import { signNote } from "./signed-note.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const log = must(ed25519Signer("example.com/log", new Uint8Array(32).fill(9)));
const w = (name: string, seed: number): Cosigner => must(cosignerFromSeed(name, new Uint8Array(32).fill(seed)));
const [X1, X2, X3, Y1, Y2, Y3] = [
  w("x1.example", 1),
  w("x2.example", 2),
  w("x3.example", 3),
  w("y1.example", 4),
  w("y2.example", 5),
  w("y3.example", 6),
] as Cosigner[] as [Cosigner, Cosigner, Cosigner, Cosigner, Cosigner, Cosigner];

const EXAMPLE = `# The example of C2SP tlog-policy §Example policy
log ${log.verifierKey} https://example.com/log/

witness X1 ${X1.verifierKey}
witness X2 ${X2.verifierKey}
witness X3 ${X3.verifierKey}
group X-witnesses 2 X1 X2 X3

\twitness Y1 ${Y1.verifierKey}   https://y1.example/
witness Y2 ${Y2.verifierKey}
witness Y3 ${Y3.verifierKey}
group Y-witnesses any Y1 Y2 Y3

group X-and-Y all X-witnesses Y-witnesses
quorum X-and-Y
`;

describe("tlog-policy", () => {
  const policy = must(parsePolicy(EXAMPLE));

  it("parses the example policy", () => {
    expect(policy.logs).toHaveLength(1);
    expect([...policy.witnesses.keys()]).toEqual(["X1", "X2", "X3", "Y1", "Y2", "Y3"]);
    expect(policy.witnesses.get("Y1")?.url).toBe("https://y1.example/");
    expect(policy.groups.get("X-witnesses")?.threshold).toBe(2);
    expect(policy.groups.get("X-and-Y")?.threshold).toBe(2);
    expect(policy.quorum).toBe("X-and-Y");
  });

  it.each([
    [["X1", "X2", "Y3"], true],
    [["X1", "Y1"], false],
    [["X1", "X2", "X3"], false],
    [["X3", "X2", "Y1", "Y2"], true],
    [[], false],
  ])("quorum with cosignatures from %j: %s", (names, met) => {
    expect(quorumMet(policy, new Set(names))).toBe(met);
  });

  it("formats a policy that parses back to the same keys, groups and quorum (served at /log/policy)", () => {
    const again = must(parsePolicy(formatPolicy(policy)));
    expect(formatPolicy(again)).toBe(formatPolicy(policy));
    expect([...again.witnesses.keys()]).toEqual([...policy.witnesses.keys()]);
    expect([...again.groups.values()]).toEqual([...policy.groups.values()]);
    expect(again.witnesses.get("Y1")?.url).toBe("https://y1.example/");
    expect(again.quorum).toBe("X-and-Y");
  });

  it("`quorum none` needs no witness", () => {
    expect(quorumMet(must(parsePolicy(`log ${log.verifierKey}\nquorum none\n`)), new Set())).toBe(true);
  });

  it.each([
    ["no quorum", `witness A ${X1.verifierKey}\n`],
    ["two quorums", `witness A ${X1.verifierKey}\nquorum A\nquorum none\n`],
    ["use before definition", `group G any A\nwitness A ${X1.verifierKey}\nquorum G\n`],
    ["quorum of an undefined name", "quorum A\n"],
    ["duplicate witness key", `witness A ${X1.verifierKey}\nwitness B ${X1.verifierKey}\nquorum A\n`],
    ["duplicate log key", `log ${log.verifierKey}\nlog ${log.verifierKey}\nquorum none\n`],
    ["duplicate name", `witness A ${X1.verifierKey}\nwitness A ${X2.verifierKey}\nquorum A\n`],
    ["witness named none", `witness none ${X1.verifierKey}\nquorum none\n`],
    ["member twice", `witness A ${X1.verifierKey}\ngroup G any A A\nquorum G\n`],
    ["none as member", `witness A ${X1.verifierKey}\ngroup G any A none\nquorum G\n`],
    ["threshold 0", `witness A ${X1.verifierKey}\ngroup G 0 A\nquorum G\n`],
    ["threshold above n", `witness A ${X1.verifierKey}\ngroup G 2 A\nquorum G\n`],
    ["group without members", `witness A ${X1.verifierKey}\ngroup G any\nquorum G\n`],
    ["unknown keyword", "frobnicate\nquorum none\n"],
    ["control character", "quorum none\r\n"],
    ["a log key that is a cosigner key", `log ${X1.verifierKey}\nquorum none\n`],
    ["a witness key that is a log key", `witness A ${log.verifierKey}\nquorum A\n`],
  ])("rejects a policy with %s", (_, text) => {
    expect(parsePolicy(text).ok).toBe(false);
  });

  describe("verifying a checkpoint", () => {
    const text = must(formatCheckpoint({ origin: "example.com/log", size: 0, rootHash: EMPTY_ROOT, extensions: [] }));
    const signed = (...cosigners: Cosigner[]) =>
      must(signNote(text, [log, ...cosigners.map((c) => c.at(1_767_139_200))]));

    it("accepts a checkpoint whose cosignatures meet the quorum", () => {
      const result = must(verifyCheckpointWithPolicy(signed(X1, X3, Y2), policy));
      expect(result.witnesses).toEqual(["X1", "X3", "Y2"]);
    });

    it("refuses one that misses the quorum", () => {
      expect(verifyCheckpointWithPolicy(signed(X1, Y2), policy)).toMatchObject({ error: { code: "quorum-not-met" } });
    });

    it("refuses one not signed by a listed log", () => {
      const other = must(ed25519Signer("example.com/log", new Uint8Array(32).fill(8)));
      const note = must(signNote(text, [other, X1.at(1), X2.at(1), Y1.at(1)]));
      expect(verifyCheckpointWithPolicy(note, policy).ok).toBe(false);
    });

    it("refuses a log signature whose key name is not the origin", () => {
      const foreign = must(ed25519Signer("example.com/other", new Uint8Array(32).fill(9)));
      const p = must(parsePolicy(`log ${foreign.verifierKey}\nquorum none\n`));
      expect(verifyCheckpointWithPolicy(must(signNote(text, [foreign])), p)).toMatchObject({
        error: { code: "wrong-origin" },
      });
    });
  });
});
