import {
  appendToTiles,
  bytesEqual,
  formatCheckpoint,
  frontierRoot,
  leafHash,
  signNote,
  type TileTree,
  tileTreeFromPartialTiles,
} from "../../core/ledger/index.ts";
import { assignIndexes, insertCheckpoint, latestCheckpoint, pendingEntries } from "../../store/ledger-store.ts";
import { readPartialTiles, writeTiles } from "../../store/ledger-tile-store.ts";
import type { Store } from "../../store/store.ts";
import { type BackgroundLoop, startBackgroundLoop } from "../background-loop.ts";
import type { Platform } from "../platform.ts";

/**
 * The tree as the last integration of this process left it (its partial tiles hold the frontier), so a batch
 * reads nothing of the tree back. Trusted only while the latest checkpoint is the one this state produced.
 */
const kept = new WeakMap<Store, TileTree>();

/**
 * Integration (the log's sequencer): gives pending entries the next indexes, writes the tiles the batch changes,
 * and signs a checkpoint (C2SP tlog-checkpoint in a signed note) for the new size — all in one short transaction,
 * apart from the writers: a use case only appends its entries, it never waits for this step.
 * Returns the tree size after the batch (unchanged when nothing was pending).
 *
 * Two integrators racing (two server processes) both try the same next size; the loser's transaction fails on the
 * unique log index / checkpoint size and rolls back whole, and its next round starts from the winner's tree.
 */
export async function integrateLedger(platform: Platform, maxEntries = 4096): Promise<number> {
  const store = platform.store;
  const result = await store.transaction(async (tx) => {
    const last = await latestCheckpoint(tx);
    const size = last?.size ?? 0;
    const pending = await pendingEntries(tx, maxEntries);
    if (pending.length === 0) return size;
    let tree = kept.get(store);
    if (!tree || !last || tree.frontier.size !== size || !bytesEqual(frontierRoot(tree.frontier), last.root)) {
      const rebuilt = tileTreeFromPartialTiles(size, await readPartialTiles(tx, size));
      if (!rebuilt.ok) throw new Error(`ledger: cannot rebuild the tree at size ${size}: ${rebuilt.error.detail}`);
      tree = rebuilt.value;
    }
    const done = appendToTiles(
      tree,
      pending.map((e) => leafHash(e.commitment)),
    );
    const newSize = done.tree.frontier.size;
    const now = platform.clock.now();
    await writeTiles(tx, done.written);
    await assignIndexes(
      tx,
      pending.map((e) => e.id),
      size,
      now,
    );
    const text = formatCheckpoint({
      origin: platform.ledger.origin,
      size: newSize,
      rootHash: done.root,
      extensions: [],
    });
    if (!text.ok) throw new Error(`ledger: ${text.error.detail}`);
    const note = signNote(text.value, [platform.ledger.signer]);
    if (!note.ok) throw new Error(`ledger: ${note.error.detail}`);
    await insertCheckpoint(tx, { size: newSize, root: done.root, note: note.value, createdAt: now });
    return done.tree;
  });
  if (typeof result === "number") return result;
  // Only a committed batch becomes the kept state; a rolled-back one leaves the old state, which the next batch
  // finds stale (another size or root) and rebuilds.
  kept.set(store, result);
  return result.frontier.size;
}

/** Integrates until nothing is pending (the CLI, tests). */
export async function integrateAll(platform: Platform): Promise<number> {
  let size = -1;
  for (;;) {
    const next = await integrateLedger(platform);
    if (next === size) return size;
    size = next;
  }
}

/**
 * The integrator's loop inside `serve`: a batch every `intervalMs` (or at once again while batches come back
 * full), so a record is in a signed checkpoint about `intervalMs` after it commits.
 */
export function startLedgerIntegrator(platform: Platform, intervalMs = 500): BackgroundLoop {
  const loop = startBackgroundLoop(platform, intervalMs, "ledger integration failed; retrying", async (stopped) => {
    let before = -1;
    let after = await integrateLedger(platform);
    while (!stopped() && after !== before && after - before >= 4096) {
      before = after;
      after = await integrateLedger(platform);
    }
    return false;
  });
  return {
    async stop() {
      await loop.stop();
      // Whatever committed before the stop still gets its checkpoint.
      await integrateAll(platform).catch(() => {});
    },
  };
}
