import {
  bytesEqual,
  EMPTY_FRONTIER,
  type Frontier,
  integrate,
  leafHash,
  parseEd25519VerifierKey,
  RECORD_COMMITMENT_TAG,
  recordCommitment,
} from "../../core/ledger/index.ts";
import { verifyCheckpointWithPolicy } from "../../core/ledger/policy-verify.ts";
import { type LedgerKind, ledgerKinds, ledgerRecord, ledgerRef } from "../../store/ledger-records.ts";
import {
  entriesInRange,
  entryRefsPage,
  existingRecords,
  latestCheckpoint,
  latestEntriesOf,
  readRecordPage,
} from "../../store/ledger-store.ts";
import { readNodes } from "../../store/ledger-tile-store.ts";
import type { Platform } from "../platform.ts";

export interface AuditProblem {
  /** changed: the record differs from what was committed; inserted: a record nobody committed; deleted: a
   * committed record is gone; tree: the log's entries, nodes or checkpoint do not add up. */
  readonly problem: "changed" | "inserted" | "deleted" | "tree";
  readonly kind: string;
  readonly ref: string;
  readonly detail: string;
}

export interface AuditReport {
  readonly intact: boolean;
  readonly records: number;
  readonly entries: number;
  readonly treeSize: number;
  readonly problems: readonly AuditProblem[];
}

const PAGE = 2_000;

/**
 * `suyuan audit`: recomputes every record's commitment from the database and every tree node from the entries, and
 * names each record changed, inserted or deleted behind the platform's back. Streams page by page (memory stays
 * flat on a large database); reads only — it runs beside the live platform.
 */
export async function auditLedger(platform: Platform, onProgress?: (done: number) => void): Promise<AuditReport> {
  const db = platform.store.db;
  const problems: AuditProblem[] = [];
  let records = 0;
  for (const kind of Object.keys(ledgerKinds) as LedgerKind[]) {
    let after = "";
    for (;;) {
      const rows = await readRecordPage(db, kind, after, PAGE);
      if (rows.length === 0) break;
      const refs = rows.map((r) => ledgerRef(kind, r));
      const entries = await latestEntriesOf(db, kind, refs);
      for (const [i, row] of rows.entries()) {
        const ref = refs[i] as string;
        const entry = entries.get(ref);
        if (!entry) {
          problems.push({ problem: "inserted", kind, ref, detail: "stored, but never committed to the ledger" });
          continue;
        }
        const c = recordCommitment({
          tag: RECORD_COMMITMENT_TAG,
          kind,
          salt: entry.salt,
          record: ledgerRecord(kind, row),
        });
        if (!c.ok || !bytesEqual(c.value, entry.commitment))
          problems.push({ problem: "changed", kind, ref, detail: `differs from ledger entry ${entry.id}` });
      }
      records += rows.length;
      onProgress?.(records);
      after = refs.at(-1) as string;
    }
    let afterRef = "";
    for (;;) {
      const refs = await entryRefsPage(db, kind, afterRef, PAGE);
      if (refs.length === 0) break;
      const present = await existingRecords(db, kind, refs);
      for (const ref of refs)
        if (!present.has(ref))
          problems.push({
            problem: "deleted",
            kind,
            ref,
            detail: "committed to the ledger, missing from the database",
          });
      afterRef = refs.at(-1) as string;
    }
  }
  const tree = await auditTree(platform);
  problems.push(...tree.problems);
  return { intact: problems.length === 0, records, entries: tree.entries, treeSize: tree.size, problems };
}

/** Rebuilds the tree from the entries in index order and compares every stored node and the latest checkpoint. */
async function auditTree(platform: Platform): Promise<{ entries: number; size: number; problems: AuditProblem[] }> {
  const db = platform.store.db;
  const problems: AuditProblem[] = [];
  const checkpoint = await latestCheckpoint(db);
  const size = checkpoint?.size ?? 0;
  let frontier: Frontier = EMPTY_FRONTIER;
  while (frontier.size < size) {
    const entries = await entriesInRange(db, frontier.size, Math.min(PAGE, size - frontier.size));
    const gap = entries.findIndex((e, i) => e.logIndex !== frontier.size + i);
    if (entries.length === 0 || gap !== -1) {
      problems.push({
        problem: "tree",
        kind: "ledger",
        ref: String(frontier.size + Math.max(gap, 0)),
        detail: "a log entry is missing or out of place",
      });
      return { entries: frontier.size, size, problems };
    }
    const done = integrate(
      frontier,
      entries.map((e) => leafHash(e.commitment)),
    );
    const stored = await readNodes(
      db,
      done.nodes.map((n) => ({ level: n.level, index: n.index })),
      { cache: false },
    ).catch(() => undefined);
    const bad = stored ? done.nodes.findIndex((n, i) => !bytesEqual(n.hash, stored[i] as Uint8Array)) : 0;
    if (bad !== -1) {
      const n = done.nodes[bad];
      problems.push({
        problem: "tree",
        kind: "ledger",
        ref: `node ${n?.level}/${n?.index}`,
        detail: "stored hash differs",
      });
    }
    frontier = done.frontier;
  }
  if (checkpoint) {
    const keys = [platform.ledger.signer.verifierKey, ...platform.ledger.retiredVerifierKeys].flatMap((k) => {
      const v = parseEd25519VerifierKey(k);
      return v.ok ? [v.value] : [];
    });
    const verified = verifyCheckpointWithPolicy(checkpoint.note, {
      logs: keys.map((verifier) => ({ verifier })),
      witnesses: new Map(),
      groups: new Map(),
      quorum: "none",
    });
    if (!verified.ok)
      problems.push({ problem: "tree", kind: "ledger", ref: `checkpoint ${size}`, detail: verified.error.detail });
    else if (!bytesEqual(verified.value.checkpoint.rootHash, integrateRoot(frontier)))
      problems.push({
        problem: "tree",
        kind: "ledger",
        ref: `checkpoint ${size}`,
        detail: "root differs from the entries",
      });
  }
  return { entries: frontier.size, size, problems };
}

function integrateRoot(frontier: Frontier): Uint8Array {
  return integrate(frontier, []).root;
}
