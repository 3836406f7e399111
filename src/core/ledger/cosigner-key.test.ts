/** The witness's private key file format (cosigner-key.ts). */
import { describe, expect, it } from "vitest";
import { cosignerFromSeed, parseCosignatureVerifierKey } from "./cosignature.ts";
import { formatCosignerKey, parseCosignerKey } from "./cosigner-key.ts";
import { formatSignerKey } from "./note-signer-key.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

describe("cosigner keys", () => {
  const seed = new Uint8Array(32).fill(7);

  it("round-trips, and the parsed key cosigns under the type 0x04 vkey", () => {
    const text = must(formatCosignerKey("witness.agri.example", seed));
    const cosigner = must(parseCosignerKey(text));
    expect(cosigner.verifierKey).toBe(must(cosignerFromSeed("witness.agri.example", seed)).verifierKey);
    const verifier = must(parseCosignatureVerifierKey(cosigner.verifierKey));
    const message = new TextEncoder().encode("example.com/log\n1\nAAAA\n");
    expect(verifier.verify(message, cosigner.at(1_700_000_000).sign(message))).toBe(true);
  });

  it.each([
    ["a checkpoint signer key (type 0x01)", must(formatSignerKey("witness.agri.example", seed))],
    ["a wrong key ID", must(formatCosignerKey("witness.agri.example", seed)).replace(/\+[0-9a-f]{8}\+/, "+00000000+")],
    ["garbage", "PRIVATE+KEY+x"],
  ])("refuses %s", (_, text) => {
    expect(parseCosignerKey(text).ok).toBe(false);
  });
});
