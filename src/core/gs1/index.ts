/** Public API of the GS1 core: identifiers, element strings, Digital Link, EPC URIs and scan input. */

export { aiEntry, DL_PRIMARY_KEYS } from "./ai-dictionary.ts";
export { type AiElement, formatBracketed, formatHri, formatRaw, type RawFormatOptions } from "./ai-element.ts";
export type { AiComponent, AiEntry, CharSet, RequisiteGroup } from "./ai-entry.ts";
export { AI_TABLE, DICTIONARY_RELEASE } from "./ai-table.generated.ts";
export { checkAiValue } from "./ai-value.ts";
export { checkAssociations } from "./association-rules.ts";
export { CSET39, CSET64, CSET82, isCset82 } from "./charsets.ts";
export { gs1CheckDigit, hasValidCheckDigit, withCheckDigit } from "./check-digit.ts";
export { CSET32, checkPair, hasValidCheckPair } from "./check-pair.ts";
export { type DigitalLink, type DigitalLinkParseOptions, parseDigitalLink } from "./digital-link.ts";
export {
  buildDigitalLink,
  type DigitalLinkBuildOptions,
  type DigitalLinkParts,
  digitalLinkParts,
  formatDigitalLink,
} from "./digital-link-build.ts";
export {
  type ElementParseOptions,
  MAX_AIS,
  parseBracketed,
  parseRaw,
  validateElements,
} from "./element-string.ts";
export { digitalLinkToEpcUri, epcUriToDigitalLink } from "./epc-digital-link.ts";
export { DEFAULT_COMPANY_PREFIX_LENGTH, type EpcOptions, elementsToEpcUri, epcUriToElements } from "./epc-urn.ts";
export { err, type Gs1Error, type Gs1ErrorCode, ok, type Result } from "./gs1-error.ts";
export { isValidYymmd0 } from "./lint-dates.ts";
export type { GcpLookup, LintContext, Linter, LintFailure, LintResult } from "./lint-result.ts";
export { LINTERS } from "./linters.ts";
export { uriEscape, uriUnescape } from "./percent-encoding.ts";
export { closePlatformCode, PLATFORM_CODE_MAX, PLATFORM_CODE_MIN, verifyPlatformCode } from "./platform-code.ts";
export { processScanData, type ScanData, type Symbology } from "./scan-data.ts";
export { type GeneratedSymbology, generateScanData } from "./scan-data-generate.ts";
export { normaliseScan, type ScanInput, type ScanOptions } from "./scan-input.ts";
