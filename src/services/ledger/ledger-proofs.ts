import { AppError } from "../../core/errors.ts";
import {
  consistencyProofAsync,
  formatReceipt,
  type Hash,
  inclusionProofAsync,
  leafHash,
} from "../../core/ledger/index.ts";
import { isLedgerKind, type LedgerKind } from "../../store/ledger-records.ts";
import { checkpointAtSize, latestCheckpoint, latestEntryOf } from "../../store/ledger-store.ts";
import { readNodes } from "../../store/ledger-tile-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";
import { type CosignedCheckpoint, quorumCheckpoint, servedCheckpoint } from "./cosigned-checkpoint.ts";

const reader = (db: Db) => ({ readNodes: (ids: Parameters<typeof readNodes>[1]) => readNodes(db, ids) });

/** The checkpoint the log serves: the newest meeting the policy's witness quorum, cosignatures included. */
export async function currentCheckpoint(ctx: ServiceContext): Promise<CosignedCheckpoint | undefined> {
  return servedCheckpoint(ctx, ctx.store.db);
}

/** RFC 9162 §2.1.3 inclusion proof of the leaf at `index` in the tree of `size` (a checkpoint's size). */
export async function proveInclusion(
  ctx: ServiceContext,
  index: number,
  size?: number,
): Promise<{ size: number; proof: Hash[]; checkpoint: string }> {
  const c = size === undefined ? await latestCheckpoint(ctx.store.db) : await checkpointAtSize(ctx.store.db, size);
  if (!c)
    throw new AppError("invalid-proof-range", `no checkpoint of size ${size ?? "(any)"}`, { pointer: "/query/size" });
  if (!Number.isSafeInteger(index) || index < 0 || index >= c.size)
    throw new AppError("invalid-proof-range", `index ${index} is not in a tree of ${c.size}`, {
      pointer: "/query/index",
    });
  const proof = await inclusionProofAsync(reader(ctx.store.db), index, c.size);
  if (!proof.ok) throw new Error(`ledger: ${proof.error.detail}`);
  return { size: c.size, proof: proof.value, checkpoint: c.note };
}

/** RFC 9162 §2.1.4 consistency proof between two checkpointed sizes (O(log n) node reads). */
export async function proveConsistency(ctx: ServiceContext, from: number, to: number): Promise<Hash[]> {
  const [a, b] = await Promise.all([checkpointAtSize(ctx.store.db, from), checkpointAtSize(ctx.store.db, to)]);
  if (!a || !b || from < 1 || from > to)
    throw new AppError(
      "invalid-proof-range",
      `no consistency proof from ${from} to ${to}: both must be checkpoint sizes, 0 < from ≤ to`,
      {
        pointer: "/query/from",
      },
    );
  const proof = await consistencyProofAsync(reader(ctx.store.db), from, to);
  if (!proof.ok) throw new Error(`ledger: ${proof.error.detail}`);
  return proof.value;
}

export interface Receipt {
  /** The C2SP tlog-proof text. */
  readonly receipt: string;
  readonly index: number;
  readonly size: number;
  /** hex */
  readonly commitment: string;
  /** hex: the Merkle leaf, SHA-256(0x00 || commitment) (RFC 9162 §2.1.1). */
  readonly leafHash: string;
  readonly loggedAt: number;
  /** The witnesses whose cosignatures the receipt's checkpoint carries, with their timestamps (上链时间). */
  readonly cosignatures: CosignedCheckpoint["cosignatures"];
}

/**
 * A receipt (上链凭证) for a record: a C2SP tlog-proof — the record reference, salt and commitment, the index, the
 * inclusion proof and the signed checkpoint, cosigned by witnesses as the platform's policy demands
 * (core/ledger/receipt.ts). Checkable offline by anyone holding the policy (GET /log/policy); with the record
 * itself, also that the record is the one committed. A record integrated but not yet in a checkpoint meeting the
 * quorum is `not-yet-witnessed`: a receipt that the policy would reject is never handed out.
 */
export async function receiptFor(ctx: ServiceContext, kind: string, ref: string): Promise<Receipt> {
  if (!isLedgerKind(kind)) throw new AppError("not-found", `no record kind '${kind}'`, { pointer: "/params/kind" });
  const db = ctx.store.db;
  const entry = await latestEntryOf(db, kind as LedgerKind, ref);
  if (!entry) throw new AppError("not-found", `no ${kind} ${ref} in the ledger`, { pointer: "/params/ref" });
  if (entry.logIndex === null)
    throw new AppError("not-yet-logged", `${kind} ${ref} was accepted and waits for the next checkpoint`);
  const checkpoint = await quorumCheckpoint(ctx, db, entry.logIndex + 1);
  if (!checkpoint)
    throw new AppError(
      "not-yet-witnessed",
      `${kind} ${ref} is logged at index ${entry.logIndex}; no checkpoint covering it has the witnesses' quorum yet`,
    );
  const proof = await inclusionProofAsync(reader(db), entry.logIndex, checkpoint.size);
  if (!proof.ok) throw new Error(`ledger: ${proof.error.detail}`);
  const text = formatReceipt(
    { kind, ref, salt: entry.salt, commitment: entry.commitment },
    { index: entry.logIndex, proof: proof.value, checkpoint: checkpoint.note },
  );
  if (!text.ok) throw new Error(`ledger: ${text.error.detail}`);
  return {
    receipt: text.value,
    index: entry.logIndex,
    size: checkpoint.size,
    commitment: Buffer.from(entry.commitment).toString("hex"),
    leafHash: Buffer.from(leafHash(entry.commitment)).toString("hex"),
    loggedAt: entry.integratedAt ?? entry.createdAt,
    cosignatures: checkpoint.cosignatures,
  };
}
