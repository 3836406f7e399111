import { composePartyCode } from "../../core/codes/party-code.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import type { Db } from "../../store/schema.ts";

/** Issues the next platform party code inside the caller's transaction (one platform-wide sequence). */
export async function issuePartyCode(tx: Db, regionCode: string): Promise<string> {
  return composePartyCode(regionCode, await reserveSequence(tx, "party-code", 1));
}
