import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatCheckpoint, parsePolicy, signNote } from "../../core/ledger/index.ts";
import { verifyCheckpointWithPolicy } from "../../core/ledger/policy-verify.ts";
import { ledgerOrigin, loadLedgerIdentity, rotateLedgerKey } from "./ledger-key.ts";

const dir = mkdtempSync(join(tmpdir(), "suyuan-key-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the ledger's signing key", () => {
  it("is created on first start, readable by its owner only, and kept across restarts", () => {
    const path = join(dir, "a", "ledger.key");
    const first = loadLedgerIdentity(path, "trace.example.gov.cn/log");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.origin).toBe("trace.example.gov.cn/log");
    const again = loadLedgerIdentity(path, "localhost:9999/log");
    expect(again.signer.verifierKey).toBe(first.signer.verifierKey);
    // The log keeps the origin it was created with, whatever the URL says now.
    expect(again.origin).toBe("trace.example.gov.cn/log");
  });

  it("rotates to a new key while checkpoints signed by the old one stay verifiable", () => {
    const path = join(dir, "b", "ledger.key");
    const old = loadLedgerIdentity(path, ledgerOrigin("https://trace.example.gov.cn/"));
    const text = formatCheckpoint({ origin: old.origin, size: 1, rootHash: new Uint8Array(32), extensions: [] });
    if (!text.ok) throw new Error(text.error.detail);
    const note = signNote(text.value, [old.signer]);
    if (!note.ok) throw new Error(note.error.detail);

    const rotated = rotateLedgerKey(path, old.origin);
    const now = loadLedgerIdentity(path, old.origin);
    expect(now.signer.verifierKey).toBe(rotated.verifierKey);
    expect(now.signer.verifierKey).not.toBe(old.signer.verifierKey);
    expect(now.retiredVerifierKeys).toEqual([old.signer.verifierKey]);
    const policy = parsePolicy(
      `${[now.signer.verifierKey, ...now.retiredVerifierKeys].map((k) => `log ${k}\n`).join("")}quorum none\n`,
    );
    if (!policy.ok) throw new Error(policy.error.detail);
    expect(verifyCheckpointWithPolicy(note.value, policy.value).ok).toBe(true);
  });
});
