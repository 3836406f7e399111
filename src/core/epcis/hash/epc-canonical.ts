import { canonicalDigitalLink } from "./digital-link-canonical.ts";
import { epcUriToDigitalLink } from "./epc-urn-to-digital-link.ts";

/**
 * The one canonical form of any identifier carrying a GS1 key, as the event hash algorithm writes it (CBV 2.0
 * §8.9.2): EPC URIs (pure identity, class, pattern) and GS1 Digital Link URIs all become a constrained canonical
 * GS1 Digital Link URI on `https://id.gs1.org`. Undefined when the text carries no GS1 key this can convert.
 *
 * A deliberately minimal converter for hashing; the full GS1 Digital Link module is src/core/gs1/.
 */
export function canonicalGs1Uri(text: string): string | undefined {
  return text.startsWith("urn:epc:") ? epcUriToDigitalLink(text) : canonicalDigitalLink(text);
}
