import type { VisibleParty } from "../../../services/parties/get-party.ts";
import type { Platform } from "../../../services/platform.ts";

/**
 * The whitelist of party fields per view (STYLE rule 3). Public: the e-archive anyone may read (names, codes,
 * licences are public information in China). Full: adds contact data, the key-party flag and bookkeeping.
 */
export function presentParty(
  { party: p, view }: VisibleParty,
  platform: Pick<Platform, "regions" | "settings">,
  today: string,
) {
  const base = platform.settings.publicBaseUrl;
  const fields = {
    id: p.id,
    name: p.name,
    creditCode: p.creditCode,
    kind: p.kind,
    regionCode: p.regionCode,
    regionName: platform.regions
      .path(p.regionCode)
      .map((r) => r.name)
      .join(" "),
    address: p.address,
    licences: p.licences.map((l) => ({ ...l, expired: l.validUntil !== null && l.validUntil < today })),
    gln: p.gln,
    homePlatform: p.homePlatform,
    partyCode: p.partyCode,
    // 主体码: the GS1 party code when it has a GLN (AI 414), else the platform's own /p/ code.
    codeUrl: p.gln ? `${base}/414/${p.gln}` : `${base}/p/${p.partyCode}`,
    view,
  };
  if (view === "public") return fields;
  return {
    ...fields,
    contact: p.contact,
    keyParty: p.keyParty,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    version: p.version,
  };
}
