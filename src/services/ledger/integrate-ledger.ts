import {
  formatCheckpoint,
  frontierFromHashes,
  frontierNodeIds,
  integrate,
  leafHash,
  signNote,
} from "../../core/ledger/index.ts";
import {
  assignIndexes,
  insertCheckpoint,
  insertNodes,
  latestCheckpoint,
  pendingEntries,
  readNodes,
} from "../../store/ledger-store.ts";
import type { Platform } from "../platform.ts";

/**
 * Integration (the log's sequencer): gives pending entries the next indexes, stores every subtree hash the batch
 * completes, and signs a checkpoint (C2SP tlog-checkpoint in a signed note) for the new size — all in one short
 * transaction, apart from the writers: a use case only appends its entries, it never waits for this step.
 * Returns the tree size after the batch (unchanged when nothing was pending).
 *
 * Two integrators racing (two server processes) both try the same next size; the loser's transaction fails on the
 * unique log index / checkpoint size and rolls back whole, and its next round starts from the winner's tree.
 */
export async function integrateLedger(platform: Platform, maxEntries = 4096): Promise<number> {
  return platform.store.transaction(async (tx) => {
    const last = await latestCheckpoint(tx);
    const size = last?.size ?? 0;
    const pending = await pendingEntries(tx, maxEntries);
    if (pending.length === 0) return size;
    const frontier = frontierFromHashes(size, await readNodes(tx, frontierNodeIds(size)));
    if (!frontier.ok) throw new Error(`ledger: cannot rebuild the tree at size ${size}: ${frontier.error.detail}`);
    const done = integrate(
      frontier.value,
      pending.map((e) => leafHash(e.commitment)),
    );
    const now = platform.clock.now();
    await insertNodes(tx, done.nodes);
    await assignIndexes(
      tx,
      pending.map((e) => e.id),
      size,
      now,
    );
    const text = formatCheckpoint({
      origin: platform.ledger.origin,
      size: done.frontier.size,
      rootHash: done.root,
      extensions: [],
    });
    if (!text.ok) throw new Error(`ledger: ${text.error.detail}`);
    const note = signNote(text.value, [platform.ledger.signer]);
    if (!note.ok) throw new Error(`ledger: ${note.error.detail}`);
    await insertCheckpoint(tx, { size: done.frontier.size, root: done.root, note: note.value, createdAt: now });
    return done.frontier.size;
  });
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
export function startLedgerIntegrator(platform: Platform, intervalMs = 500): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        let before = -1;
        let after = await integrateLedger(platform);
        while (!stopped && after !== before && after - before >= 4096) {
          before = after;
          after = await integrateLedger(platform);
        }
      } catch (e) {
        platform.logger.error({ err: e }, "ledger integration failed; retrying");
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      // Whatever committed before the stop still gets its checkpoint.
      await integrateAll(platform).catch(() => {});
    },
  };
}
