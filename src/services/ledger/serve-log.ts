import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { formatEntryBundle, hashesAtTileLevel, parseTilePath, TILE_WIDTH } from "../../core/ledger/index.ts";
import { isLedgerKind, type LedgerKind, ledgerRecord } from "../../store/ledger-records.ts";
import { entriesInRange, latestCheckpoint, readRecord } from "../../store/ledger-store.ts";
import { readTlogTile } from "../../store/ledger-tile-store.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * C2SP tlog-tiles resources: a hash tile (the first hashes of the stored tile row) or an entry bundle (the entries'
 * commitments — never the records). Only what the latest checkpoint covers is served; tiles never change once
 * served, so they are cacheable forever.
 */
export async function readLogTile(ctx: ServiceContext, path: string): Promise<Uint8Array> {
  const tile = parseTilePath(path);
  if (!tile.ok) throw new AppError("not-found", tile.error.detail, { pointer: "/params/*" });
  const size = (await latestCheckpoint(ctx.store.db))?.size ?? 0;
  const { level, index, width } = tile.value;
  const levelHashes = level === "entries" ? size : hashesAtTileLevel(level, size);
  // A tile (full, or partial of width w) exists once the tree has that many hashes at its level.
  if (index * TILE_WIDTH + width > levelHashes)
    throw new AppError("not-found", `tile ${path} is beyond the tree of size ${size}`);
  if (level === "entries") {
    const entries = await entriesInRange(ctx.store.db, index * TILE_WIDTH, width);
    const bundle = formatEntryBundle(entries.map((e) => e.commitment));
    if (!bundle.ok) throw new Error(`ledger: ${bundle.error.detail}`);
    return bundle.value;
  }
  const bytes = await readTlogTile(ctx.store.db, { level, index }, width);
  if (!bytes) throw new Error(`ledger: tile ${path} is missing from the store`);
  return bytes;
}

/**
 * The committed form of a record (what `suyuan verify --record` takes), for whoever may read the record: master
 * data and lots are public on the trace pages; events and documents belong to their party (public documents to
 * all); regulators and operators see everything.
 */
export async function readCommittedRecord(
  ctx: ServiceContext,
  kind: string,
  ref: string,
): Promise<Record<string, unknown>> {
  if (!isLedgerKind(kind)) throw new AppError("not-found", `no record kind '${kind}'`, { pointer: "/params/kind" });
  const row = await readRecord(ctx.store.db, kind, ref);
  if (!row || !mayRead(ctx, kind, row))
    throw new AppError("not-found", `no ${kind} ${ref}`, { pointer: "/params/ref" });
  return ledgerRecord(kind, row) as Record<string, unknown>;
}

/** Whether the caller may see this record's receipt (the receipt carries the salt that opens it). */
export async function assertMayReadRecord(ctx: ServiceContext, kind: string, ref: string): Promise<void> {
  await readCommittedRecord(ctx, kind, ref);
}

function mayRead(ctx: ServiceContext, kind: LedgerKind, row: Record<string, unknown>): boolean {
  const a = ctx.actor;
  if (isOperator(a) || a.kind === "regulator") return true;
  if (kind === "lot" || kind === "party" || kind === "product") return true;
  if (kind === "document" && row.public === 1) return true;
  return a.kind === "enterprise" && row.partyId === a.partyId;
}
