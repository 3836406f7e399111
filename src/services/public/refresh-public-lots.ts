import { dirtyPublicLots, lotsWithoutPublicRecord } from "../../store/public-lot-store.ts";
import { type BackgroundLoop, startBackgroundLoop } from "../background-loop.ts";
import type { Platform } from "../platform.ts";
import { rebuildPublicLots } from "./rebuild-public-lots.ts";

export interface RefreshState {
  /** The backfill's cursor: lots up to this id have been given a record (or had one). */
  lotCursor: string;
}

/**
 * One pass of the background refresher: rebuilds up to `batch` dirty public records (the writes that changed
 * them only marked them), then gives up to `batch` lots that have none their first record (the backfill, in lot
 * id order from the cursor). Returns how many records it built.
 */
export async function refreshPublicLots(
  platform: Platform,
  state: RefreshState,
  opts: { batch?: number; backfill?: boolean } = {},
): Promise<number> {
  const batch = opts.batch ?? 500;
  const dirty = await dirtyPublicLots(platform.store.db, batch);
  if (dirty.length > 0)
    await rebuildPublicLots(
      platform,
      dirty.map((r) => r.traceKey),
    );
  let built = dirty.length;
  if (opts.backfill !== false) {
    const fresh = await lotsWithoutPublicRecord(platform.store.db, state.lotCursor, batch);
    if (fresh.length > 0) {
      await rebuildPublicLots(
        platform,
        fresh.map((l) => l.traceKey),
      );
      state.lotCursor = (fresh.at(-1) as { id: string }).id;
      built += fresh.length;
    }
  }
  return built;
}

/**
 * Runs the refresher every `intervalMs` (like the ledger's integrator), at once again while it finds full
 * batches, so that a burst of changes or a first backfill drains without waiting a tick per batch.
 */
export function startPublicLotRefresher(
  platform: Platform,
  opts: { intervalMs?: number; batch?: number; backfill?: boolean } = {},
): BackgroundLoop {
  const intervalMs = opts.intervalMs ?? 500;
  const batch = opts.batch ?? 500;
  const state: RefreshState = { lotCursor: "" };
  return startBackgroundLoop(
    platform,
    intervalMs,
    "public records not refreshed; retrying",
    async () => (await refreshPublicLots(platform, state, { batch, backfill: opts.backfill ?? true })) >= batch,
  );
}
