import { NO_QUORUM, quorumMet } from "../../core/ledger/index.ts";
import { checkpointAtSize, latestCheckpoint } from "../../store/ledger-store.ts";
import { cosignaturesAt, recentCosignatures, type StoredCosignature } from "../../store/ledger-witness-store.ts";
import type { Db } from "../../store/schema.ts";
import type { Platform } from "../platform.ts";
import { witnessingOf } from "./ledger-witnessing.ts";

/** A checkpoint with the witnesses' cosignatures appended to its note (tlog-witness: "move the valid signatures"). */
export interface CosignedCheckpoint {
  readonly size: number;
  /** The signed note: the log's signature, then each cosignature line. */
  readonly note: string;
  readonly createdAt: number;
  readonly cosignatures: readonly { readonly witness: string; readonly signedAt: number }[];
  /** Whether the cosignatures meet the policy's quorum (always true under `quorum none`). */
  readonly quorum: boolean;
}

const assemble = (
  c: { size: number; note: string; createdAt: number },
  sigs: readonly StoredCosignature[],
  quorum: boolean,
): CosignedCheckpoint => ({
  size: c.size,
  note: c.note + sigs.map((s) => s.line).join(""),
  createdAt: c.createdAt,
  cosignatures: sigs.map((s) => ({ witness: s.witness, signedAt: s.signedAt })),
  quorum,
});

/**
 * The checkpoint to serve and to put in receipts: the newest one of at least `minSize` whose cosignatures meet
 * the policy's quorum (C2SP tlog-policy) — a client holding the policy accepts nothing less. Under `quorum none`
 * that is simply the newest checkpoint (with whatever cosignatures it has). Undefined when none qualifies yet.
 */
export async function quorumCheckpoint(
  platform: Platform,
  db: Db,
  minSize = 1,
): Promise<CosignedCheckpoint | undefined> {
  const { policy } = witnessingOf(platform.ledger);
  if (policy.quorum === NO_QUORUM) {
    const latest = await latestCheckpoint(db);
    if (!latest || latest.size < minSize) return undefined;
    return assemble(latest, await cosignaturesAt(db, latest.size), true);
  }
  const recent = await recentCosignatures(db, minSize);
  for (let i = 0; i < recent.length; ) {
    const size = recent[i]?.size as number;
    let j = i;
    while (j < recent.length && recent[j]?.size === size) j++;
    const sigs = recent.slice(i, j);
    if (quorumMet(policy, new Set(sigs.map((s) => s.witness)))) {
      const c = await checkpointAtSize(db, size);
      if (c) return assemble(c, sigs, true);
    }
    i = j;
  }
  return undefined;
}

/**
 * What GET /log/checkpoint serves: the newest checkpoint meeting the quorum; while none does yet (witnesses
 * unreachable since the log began), the newest checkpoint with the cosignatures it has, so the log stays visible.
 */
export async function servedCheckpoint(platform: Platform, db: Db): Promise<CosignedCheckpoint | undefined> {
  const witnessed = await quorumCheckpoint(platform, db);
  if (witnessed) return witnessed;
  const latest = await latestCheckpoint(db);
  return latest && assemble(latest, await cosignaturesAt(db, latest.size), false);
}
