import { type PartyKey, partyKeyOf, sourceDestinationUris } from "../../core/epcis/capture/event-parties.ts";
import type { Party } from "../../core/parties/party.ts";
import type { EventParty } from "../../store/event-store.ts";
import { findPartiesByKeys } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";

/**
 * The parties each event concerns: its owner (who recorded it) and the platform parties its source and
 * destination entries name (core/epcis/capture/event-parties.ts), looked up once for a whole batch.
 */
export async function resolveEventParties(
  tx: Db,
  resolverBase: string,
  items: readonly {
    readonly owner: Pick<Party, "id" | "regionCode"> | null;
    readonly event: Readonly<Record<string, unknown>>;
  }[],
): Promise<EventParty[][]> {
  const named = items.map((i) => sourceDestinationUris(i.event));
  const keys = new Map<string, PartyKey>();
  for (const n of named)
    for (const uri of [...n.sources, ...n.destinations]) {
      const key = keys.has(uri) ? undefined : partyKeyOf(uri, resolverBase);
      if (key) keys.set(uri, key);
    }
  const glns = [...keys.values()].flatMap((k) => ("gln" in k ? [k.gln] : []));
  const partyCodes = [...keys.values()].flatMap((k) => ("partyCode" in k ? [k.partyCode] : []));
  const found = await findPartiesByKeys(tx, { glns: [...new Set(glns)], partyCodes: [...new Set(partyCodes)] });
  const byGln = new Map(found.filter((p) => p.gln).map((p) => [p.gln as string, p]));
  const byCode = new Map(found.filter((p) => p.partyCode).map((p) => [p.partyCode as string, p]));
  const partyOf = (uri: string) => {
    const k = keys.get(uri);
    return k === undefined ? undefined : "gln" in k ? byGln.get(k.gln) : byCode.get(k.partyCode);
  };
  return items.map((item, i) => {
    const out: EventParty[] = [];
    if (item.owner) out.push({ partyId: item.owner.id, regionCode: item.owner.regionCode, role: "owner" });
    const n = named[i] as ReturnType<typeof sourceDestinationUris>;
    for (const [role, uris] of [
      ["source", n.sources],
      ["destination", n.destinations],
    ] as const)
      for (const uri of uris) {
        const p = partyOf(uri);
        if (p) out.push({ partyId: p.id, regionCode: p.regionCode, role });
      }
    return out;
  });
}
