import { canonicalGs1Uri } from "./epc-canonical.ts";
import { canonicalHashNumber } from "./hash-number.ts";

/**
 * Legacy CBV 1.x URNs and their CBV 2.0 web URIs (CBV 2.0 §8.9.2: standard vocabulary is written as its web URI).
 * Applied to any value, as the reference implementation does.
 */
const legacyVocabulary: readonly (readonly [string, string])[] = [
  ["urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"],
  ["urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"],
  ["urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"],
  ["urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"],
  ["urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"],
];

/** A value as written into the pre-hash string: vocabulary as web URI, numbers canonical, GS1 keys as canonical DL. */
export function canonicalHashValue(text: string): string {
  let value = text;
  for (const [urn, uri] of legacyVocabulary) if (value.includes(urn)) value = value.replaceAll(urn, uri);
  value = canonicalHashNumber(value) ?? value;
  return canonicalGs1Uri(value) ?? value;
}
