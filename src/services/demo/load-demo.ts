import { createHash } from "node:crypto";
import { creditCodeCheckCharacter } from "../../core/ids/credit-code.ts";
import type { Party } from "../../core/parties/party.ts";
import { findPartyByCreditCode, findPartyByNameInRegion } from "../../store/party-store.ts";
import { checkedDraft, insertCheckedParty } from "../parties/register-party.ts";
import type { ServiceContext } from "../service-context.ts";
import { type DemoParty, demoParties } from "./demo-province.ts";

export interface DemoSummary {
  readonly parties: readonly Pick<Party, "id" | "name" | "kind" | "regionCode" | "creditCode" | "gln">[];
  /** Filled in as lots exist (Supply-chain records issue): each with its `traceCode` URL. */
  readonly lots: readonly { readonly id: string; readonly traceCode: string }[];
}

/**
 * Loads the demo province in one transaction. Idempotent: what already exists is reused, so running it twice
 * leaves one copy.
 */
export async function loadDemo(ctx: ServiceContext): Promise<DemoSummary> {
  return ctx.store.transaction(async (tx) => {
    const parties: Party[] = [];
    for (const demo of demoParties) {
      const input = { ...demo, creditCode: demoCreditCode(demo) };
      const existing = input.creditCode
        ? await findPartyByCreditCode(tx, input.creditCode)
        : await findPartyByNameInRegion(tx, input.name, input.regionCode);
      parties.push(existing ?? (await insertCheckedParty(tx, ctx, checkedDraft(ctx, input, ""), "")));
    }
    return {
      parties: parties.map(({ id, name, kind, regionCode, creditCode, gln }) => ({
        id,
        name,
        kind,
        regionCode,
        creditCode,
        gln,
      })),
      lots: [],
    };
  });
}

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A stable, valid credit code per demo party: the organisation-code part is derived from the name. */
export function demoCreditCode(demo: DemoParty): string | null {
  if (demo.category === null) return null;
  const digest = createHash("sha256").update(demo.name).digest();
  let org = "";
  for (let i = 0; i < 9; i++) org += ALPHABET[(digest[i] as number) % ALPHABET.length];
  const first17 = `${demo.category}${demo.regionCode}${org}`;
  return first17 + creditCodeCheckCharacter(first17);
}
