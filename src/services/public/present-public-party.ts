import type { Party } from "../../core/parties/party.ts";
import type { Platform } from "../platform.ts";
import type { PublicPartyRef } from "./public-records.ts";

/** A party as the public pages show it: the e-archive without contact data or the key-party flag. */
export function publicPartyRef(
  p: Party,
  platform: Pick<Platform, "regions" | "settings">,
  today: string,
): PublicPartyRef {
  const base = platform.settings.publicBaseUrl;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    regionCode: p.regionCode,
    regionName: regionName(platform, p.regionCode),
    creditCode: p.creditCode,
    licences: p.licences.map((l) => ({ ...l, expired: l.validUntil !== null && l.validUntil < today })),
    codeUrl: p.gln ? `${base}/414/${p.gln}` : `${base}/p/${p.partyCode}`,
  };
}

export function regionName(platform: Pick<Platform, "regions">, code: string): string {
  return platform.regions
    .path(code)
    .map((r) => r.name)
    .join(" ");
}
