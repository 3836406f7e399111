import { canonicalGs1Uri } from "../hash/epc-canonical.ts";

/**
 * How an EPCIS event names a party of this platform (docs/design/epcis.md): by its GLN — as a PGLN or SGLN EPC
 * URI (`urn:epc:id:pgln:…`, `urn:epc:id:sgln:…`) or a GS1 Digital Link URI on any host (`…/417/{GLN}`,
 * `…/414/{GLN}`), the way the platform's own events write it on its resolver (`{base}/414/{GLN}`) — or, for a
 * party without a GLN, by its party code on this platform's resolver (`{base}/p/{code}`). Source and
 * destination entries name the parties an event concerns (EPCIS 2.0 §7.3.5.5, CBV 2.0 §8.5).
 */
export type PartyKey = { readonly gln: string } | { readonly partyCode: string };

const glnRe = /^https:\/\/id\.gs1\.org\/(?:414|417)\/(\d{13})(?:\/|$)/;

export function partyKeyOf(uri: string, resolverBase: string): PartyKey | undefined {
  const prefix = `${resolverBase}/p/`;
  if (uri.startsWith(prefix)) {
    const code = uri.slice(prefix.length);
    return /^[0-9A-Z]+$/.test(code) ? { partyCode: code } : undefined;
  }
  const canonical = canonicalGs1Uri(uri);
  const gln = canonical === undefined ? undefined : glnRe.exec(canonical)?.[1];
  return gln === undefined ? undefined : { gln };
}

/** The party URIs an event names as source or destination (any type: owning, possessing, location). */
export function sourceDestinationUris(event: Readonly<Record<string, unknown>>): {
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
} {
  const values = (list: unknown, key: string) =>
    (Array.isArray(list) ? list : [])
      .map((e) => (e as Record<string, unknown>)?.[key])
      .filter((v): v is string => typeof v === "string");
  return { sources: values(event.sourceList, "source"), destinations: values(event.destinationList, "destination") };
}
