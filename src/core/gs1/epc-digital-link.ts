/**
 * GS1 Digital Link URI ⇄ EPC URI (the identifiers EPCIS 2.0 events carry, EPCIS §8.2 / CBV §8; TDS 2.x §6):
 * through the element strings both denote.
 */
import { type DigitalLinkParseOptions, parseDigitalLink } from "./digital-link.ts";
import { buildDigitalLink } from "./digital-link-build.ts";
import { type EpcOptions, elementsToEpcUri, epcUriToElements } from "./epc-urn.ts";
import type { Result } from "./gs1-error.ts";

export function digitalLinkToEpcUri(uri: string, opts: EpcOptions & DigitalLinkParseOptions = {}): Result<string> {
  const dl = parseDigitalLink(uri, opts);
  return dl.ok ? elementsToEpcUri(dl.value.elements, opts) : dl;
}

/** EPC URI → Digital Link on `base` (e.g. the platform's resolver, or "https://id.gs1.org"). */
export function epcUriToDigitalLink(epcUri: string, base: string): Result<string> {
  const elements = epcUriToElements(epcUri);
  return elements.ok ? buildDigitalLink(base, elements.value) : elements;
}
