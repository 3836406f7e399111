import type { RegionDirectory } from "../../../core/ids/region-code.ts";
import type { VisibleParty } from "../../../services/parties/get-party.ts";

/**
 * The whitelist of party fields per view (STYLE rule 3). Public: the e-archive anyone may read (names, codes,
 * licences are public information in China). Full: adds contact data, the key-party flag and bookkeeping.
 */
export function presentParty({ party: p, view }: VisibleParty, regions: RegionDirectory, today: string) {
  const base = {
    id: p.id,
    name: p.name,
    creditCode: p.creditCode,
    kind: p.kind,
    regionCode: p.regionCode,
    regionName: regions
      .path(p.regionCode)
      .map((r) => r.name)
      .join(" "),
    address: p.address,
    licences: p.licences.map((l) => ({ ...l, expired: l.validUntil !== null && l.validUntil < today })),
    gln: p.gln,
    homePlatform: p.homePlatform,
    view,
  };
  if (view === "public") return base;
  return {
    ...base,
    contact: p.contact,
    keyParty: p.keyParty,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    version: p.version,
  };
}
