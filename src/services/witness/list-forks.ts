import { type ForkEvidence, listForkEvidence } from "../../store/witness-store.ts";
import type { WitnessPlatform } from "./witness-platform.ts";

/**
 * The evidence this witness kept of refused, inconsistent checkpoints: each pairs the checkpoint it had cosigned with
 * the one it was shown, both signed by the log — anyone holding the log's key can check that the log forked.
 */
export async function listForks(w: WitnessPlatform, origin?: string): Promise<ForkEvidence[]> {
  return listForkEvidence(w.store.db, origin);
}
