/** C2SP signed-note v1.0.0 cases of conformance/tlog/vectors.md §D (C2SP example and Go sumdb/note tests). */
import { describe, expect, it } from "vitest";
import { encodeUtf8, toHex } from "./encoding.ts";
import { computeKeyId, keyIdHex, SignatureType } from "./note-key.ts";
import { generateSignerKey, parseSignerKey } from "./note-signer-key.ts";
import { parseEd25519VerifierKey, parseVerifierKeyParts } from "./note-verifier-key.ts";
import { MAX_SIGNATURES, openNote, parseNote, signNote } from "./signed-note.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

const peter = must(parseEd25519VerifierKey(PETER_VKEY));
const enoch = must(parseEd25519VerifierKey(ENOCH_VKEY));

describe("C2SP signed-note example (D.1)", () => {
  it("verifies the spec's example note", () => {
    const vkey = must(parseEd25519VerifierKey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"));
    expect(toHex(vkey.publicKey)).toBe("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4");
    const note =
      "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    const opened = must(openNote(note, [vkey]));
    expect(opened.text).toBe("This is an example message.\n");
    expect(opened.verified).toHaveLength(1);
  });
});

describe("Go sumdb/note vectors (D.2)", () => {
  it("signs byte for byte like Go", () => {
    const signer = must(parseSignerKey(PETER_SKEY));
    expect(signer.verifierKey).toBe(PETER_VKEY);
    expect(must(signNote(TEXT, [signer]))).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("ignores unknown keys and verifies known ones", () => {
    const opened = must(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter]));
    expect(opened.verified.map((s) => s.name)).toEqual(["PeterNeumann"]);
    expect(opened.unknown.map((s) => s.name)).toEqual(["EnochRoot"]);
    expect(must(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter, enoch])).verified).toHaveLength(2);
  });

  it("rejects a note with no verifiable signature", () => {
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toEqual({
      ok: false,
      error: { code: "no-verifiable-signature", detail: "note has no verifiable signatures" },
    });
  });

  it("ignores a key that shares the name but not the ID, and the ID but not the name", () => {
    const other = must(parseEd25519VerifierKey(must(generateSignerKey("PeterNeumann")).verifierKey));
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [other])).toMatchObject({ error: { code: "no-verifiable-signature" } });
    const renamed = { ...peter, name: "PeterNeumann2" };
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [renamed])).toMatchObject({ error: { code: "no-verifiable-signature" } });
  });

  it("rejects the whole note when a known key's signature is bad", () => {
    // Change a byte of the Ed25519 signature, not of the key ID (the first 5⅓ base64 characters).
    const bad = PETER_SIG.replace("S9UG", "S9UH");
    expect(openNote(`${TEXT}\n${bad}${ENOCH_SIG}`, [peter, enoch])).toEqual({
      ok: false,
      error: { code: "invalid-signature", detail: "invalid signature for key PeterNeumann+c74f20a3" },
    });
  });

  const malformed: [string, string | Uint8Array][] = [
    ["text without blank line", `${TEXT}${PETER_SIG}`],
    ["text and blank line only", `${TEXT}\n`],
    ["signature line without newline", `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ["starts with 0x01", `\u0001${TEXT}\n${PETER_SIG}`],
    ["starts with byte 0xff", Uint8Array.from([0xff, ...encodeUtf8(`${TEXT}\n${PETER_SIG}`)])],
    ["name with a space", `${TEXT}\n${PETER_SIG.replace("PeterNeumann", "Bad Name")}`],
    ["line after the signatures", `${TEXT}\n${PETER_SIG}abc\n`],
    ["101 signatures", `${TEXT}\n${PETER_SIG.repeat(MAX_SIGNATURES + 1)}`],
    ["signature too short", `${TEXT}\n— PeterNeumann AAAA\n`],
    ["non-canonical base64", `${TEXT}\n${PETER_SIG.replace("AM=", "AN=")}`],
    ["lone surrogate", `${TEXT}\ud800\n\n${PETER_SIG}`],
  ];

  it.each(malformed)("rejects as malformed: %s", (_, note) => {
    expect(openNote(note, [peter])).toMatchObject({ ok: false, error: { code: "malformed" } });
  });

  it("accepts 100 signatures and at least 16 distinct ones", () => {
    expect(must(openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_SIGNATURES)}`, [peter])).verified).toHaveLength(1);
    const many = Array.from({ length: 16 }, (_, i) => `— k${i} ${Buffer.alloc(68, i).toString("base64")}\n`).join("");
    expect(must(openNote(`${TEXT}\n${many}${PETER_SIG}`, [peter])).unknown).toHaveLength(16);
  });

  it("takes the last blank line as the separator, so texts may hold empty lines", () => {
    const signer = must(parseSignerKey(PETER_SKEY));
    const text = "a\n\nb\n";
    const note = must(signNote(text, [signer]));
    expect(must(openNote(note, [peter])).text).toBe(text);
    expect(must(parseNote(note)).signatures).toHaveLength(1);
  });

  it("refuses to sign text that is not a note text", () => {
    const signer = must(parseSignerKey(PETER_SKEY));
    expect(signNote("no newline", [signer]).ok).toBe(false);
    expect(signNote("tab\there\n", [signer]).ok).toBe(false);
    expect(signNote("", [signer]).ok).toBe(false);
  });
});

describe("verifier keys (D.2, D.3)", () => {
  it("rejects every proper substring of a vkey", () => {
    for (let start = 0; start < PETER_VKEY.length; start++) {
      for (let end = start + 1; end <= PETER_VKEY.length; end++) {
        if (start === 0 && end === PETER_VKEY.length) continue;
        expect(parseEd25519VerifierKey(PETER_VKEY.slice(start, end)).ok, PETER_VKEY.slice(start, end)).toBe(false);
      }
    }
  });

  it("rejects every single-byte increment of a vkey", () => {
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const changed =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(parseEd25519VerifierKey(changed).ok, changed).toBe(false);
    }
  });

  it("rejects a wrong-length key with a matching hash and an unknown algorithm", () => {
    const wrongLength = "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==";
    // Go decodes "…BADKEY==" leniently (non-zero padding bits); our canonical base64 already refuses it.
    expect(parseEd25519VerifierKey(wrongLength)).toMatchObject({ ok: false, error: { code: "bad-key" } });
    const unknownAlg = "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    expect(parseVerifierKeyParts(unknownAlg).ok).toBe(true);
    expect(parseEd25519VerifierKey(unknownAlg)).toMatchObject({ ok: false, error: { code: "bad-key" } });
  });

  it.each([
    ["example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "530d903a"],
    [PETER_VKEY, "c74f20a3"],
    [ENOCH_VKEY, "af0cfe78"],
    ["example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx", "33d7b496"],
  ])("derives the key ID of %s", (vkey, id) => {
    const parts = must(parseVerifierKeyParts(vkey));
    expect(keyIdHex(computeKeyId(parts.name, SignatureType.ed25519, parts.publicKey))).toBe(id);
  });

  it("round-trips generated keys", () => {
    const keys = must(generateSignerKey("example.com/suyuan", new Uint8Array(32).fill(7)));
    const signer = must(parseSignerKey(keys.signerKey));
    const verifier = must(parseEd25519VerifierKey(keys.verifierKey));
    expect(must(openNote(must(signNote("hello\n", [signer])), [verifier])).text).toBe("hello\n");
    expect(generateSignerKey("bad name").ok).toBe(false);
    expect(parseSignerKey(keys.signerKey.replace("PRIVATE", "PUBLIC")).ok).toBe(false);
  });
});
