import { createHash } from "node:crypto";
import { creditCodeCheckCharacter } from "../../core/ids/credit-code.ts";
import type { Party } from "../../core/parties/party.ts";
import { findPartyByCreditCode, findPartyByNameInRegion } from "../../store/party-store.ts";
import { checkedDraft, insertCheckedParty } from "../parties/register-party.ts";
import type { ServiceContext } from "../service-context.ts";
import { runDemoFlows } from "./demo-flows.ts";
import { type DemoParty, demoParties } from "./demo-province.ts";

export interface DemoSummary {
  readonly parties: readonly Pick<Party, "id" | "name" | "kind" | "regionCode" | "creditCode" | "gln">[];
  /** Filled in as lots exist (Supply-chain records issue): each with its `traceCode` URL. */
  readonly lots: readonly {
    readonly id: string;
    readonly traceCode: string;
    readonly lotCode: string;
    readonly product: string;
    readonly partyId: string;
  }[];
}

/**
 * Loads the demo province in one transaction. Idempotent: what already exists is reused, so running it twice
 * leaves one copy.
 */
export async function loadDemo(ctx: ServiceContext): Promise<DemoSummary> {
  const parties = await loadDemoParties(ctx);
  const lotsOf = () =>
    ctx.store.db
      .selectFrom("lots")
      .innerJoin("products", "products.id", "lots.productId")
      .select(["lots.id", "lots.traceKey", "lots.lotCode", "lots.partyId", "products.name"])
      .where(
        "lots.partyId",
        "in",
        parties.map((p) => p.id),
      )
      .orderBy("lots.id")
      .execute();
  // The flows run once: a second run finds the lots and leaves them be.
  if ((await lotsOf()).length === 0) {
    await runDemoFlows(ctx, (name) => parties.find((p) => p.name === name) as Party);
  }
  const lots = (await lotsOf()).map((l) => ({
    id: l.id,
    traceCode: `${ctx.settings.publicBaseUrl}/${l.traceKey}`,
    lotCode: l.lotCode,
    product: l.name,
    partyId: l.partyId,
  }));
  return {
    parties: parties.map(({ id, name, kind, regionCode, creditCode, gln }) => ({
      id,
      name,
      kind,
      regionCode,
      creditCode,
      gln,
    })),
    lots,
  };
}

async function loadDemoParties(ctx: ServiceContext): Promise<Party[]> {
  return ctx.store.transaction(async (tx) => {
    const parties: Party[] = [];
    for (const demo of demoParties) {
      const input = { ...demo, creditCode: demoCreditCode(demo) };
      const existing = input.creditCode
        ? await findPartyByCreditCode(tx, input.creditCode)
        : await findPartyByNameInRegion(tx, input.name, input.regionCode);
      parties.push(existing ?? (await insertCheckedParty(tx, ctx, checkedDraft(ctx, input, ""), "")));
    }
    return parties;
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
