/** C2SP tlog-cosignature v1.0.1 against Sunlight's real cosignatures (conformance/tlog/sunlight-cosignatures, §E). */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conformanceDir } from "../../../test/conformance/shared-dir.ts";
import { parseCheckpoint } from "./checkpoint.ts";
import {
  cosignatureMessage,
  cosignatureTimestamp,
  cosignerFromSeed,
  parseCosignatureVerifierKey,
} from "./cosignature.ts";
import { decodeUtf8, toHex } from "./encoding.ts";
import { keyIdHex } from "./note-key.ts";
import { parseSignerKey } from "./note-signer-key.ts";
import { parseEd25519VerifierKey } from "./note-verifier-key.ts";
import { openNote, signNote } from "./signed-note.ts";

const TLOG = conformanceDir("tlog");
const DIR = join(TLOG, "sunlight-cosignatures");
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const CASES = [
  ["witness1", "rome2026h1.example.org", "b8a2cf20"],
  ["witness2", "milan2026h1.example.org", "2e55b896"],
  ["mirror", "rome2026h1.example.org", "3fb148ef"],
] as const;

describe("Sunlight cosignatures (vectors.md §E)", () => {
  it.each(CASES)("%s: the cosignature verifies with the vkey of its JSON file", (file, origin, id) => {
    const meta = JSON.parse(readFileSync(join(DIR, `${file}.v0.json`), "utf8")) as { verifier_keys: string[] };
    const verifier = must(parseCosignatureVerifierKey(meta.verifier_keys[0] as string));
    expect(keyIdHex(verifier.keyId)).toBe(id);
    const note = readFileSync(join(DIR, `${file}.checkpoint`));
    // The log's own ECDSA TreeHeadSignature line (witness1) is an unknown key and must be ignored.
    const opened = must(openNote(note, [verifier]));
    expect(opened.verified).toHaveLength(1);
    expect(cosignatureTimestamp(opened.verified[0]?.signature as Uint8Array)).toBe(1767139200);
    const checkpoint = must(parseCheckpoint(opened.text));
    expect([checkpoint.origin, checkpoint.size]).toEqual([origin, 300]);
  });

  it("refuses an Ed25519 (0x01) vkey as a cosigner key and vice versa", () => {
    expect(
      parseCosignatureVerifierKey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k").ok,
    ).toBe(false);
    expect(
      parseEd25519VerifierKey("witness.example.org+b8a2cf20+BFLN3yikSfFkVAJtrnh/CiY3Zozkoy7clp+P7XB28qUN").ok,
    ).toBe(false);
  });

  it("rejects a cosignature whose timestamp was changed", () => {
    const verifier = must(
      parseCosignatureVerifierKey("witness2.example.org+2e55b896+BIZ7fpceQWd60IfqQeS9IAnmNOCZjMDne8lZuguz/bi9"),
    );
    const note = decodeUtf8(readFileSync(join(DIR, "witness2.checkpoint"))) as string;
    // "AAAAAGlUZ4A" encodes the key-ID tail and 1767139200; bump the timestamp by 2^10 seconds.
    const tampered = note.replace("LlW4lgAAAABpVGeA", "LlW4lgAAAABpVGuA");
    expect(tampered).not.toBe(note);
    expect(openNote(tampered, [verifier])).toMatchObject({ ok: false, error: { code: "invalid-signature" } });
  });

  it("signs the message of §Signed message and round-trips through a note", () => {
    expect(new TextDecoder().decode(cosignatureMessage("o\n1\nAA==\n", 1679315147))).toBe(
      "cosignature/v1\ntime 1679315147\no\n1\nAA==\n",
    );
    const cosigner = must(cosignerFromSeed("witness.example/w1", new Uint8Array(32).fill(3)));
    const verifier = must(parseCosignatureVerifierKey(cosigner.verifierKey));
    const logSigner = must(
      parseSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"),
    );
    const text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    const note = must(signNote(text, [logSigner, cosigner.at(1_700_000_000)]));
    const opened = must(openNote(note, [verifier]));
    expect(opened.unknown.map((s) => s.name)).toEqual(["PeterNeumann"]);
    expect(opened.verified[0]?.signature).toHaveLength(72);
    expect(cosignatureTimestamp(opened.verified[0]?.signature as Uint8Array)).toBe(1_700_000_000);
    expect(toHex(verifier.publicKey)).toBe(toHex(cosigner.publicKey));
  });

  it("treats timestamps beyond 2^53 − 1 as in the future", () => {
    const sig = new Uint8Array(72).fill(0xff);
    expect(cosignatureTimestamp(sig)).toBeUndefined();
    expect(cosignatureTimestamp(new Uint8Array(71))).toBeUndefined();
  });
});
