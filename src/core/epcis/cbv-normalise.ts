import { type CbvVocabularyKind, cbvVocabularies } from "./cbv-vocabulary.ts";

/**
 * One CBV value in all its spellings (CBV 2.0 §6.4 and §7): a JSON-LD short name (`shipping`), the compact IRI
 * `cbv:BizStep-shipping`, the web URI and the legacy URN all name the same standard value. Values outside the
 * standard vocabulary (a company's own bizStep URI, EPCIS 2.0 §7.3.5.1 allows them) are not CBV terms.
 */
export interface CbvTerm {
  readonly kind: CbvVocabularyKind;
  readonly shortName: string;
  readonly webUri: string;
  readonly urn: string;
}

const cbvCurie = "cbv:";
const webBase = "https://ref.gs1.org/cbv/";

/** The standard term `value` spells, or undefined when it is not one of the kind's CBV 2.0 values. */
export function parseCbvValue(kind: CbvVocabularyKind, value: string): CbvTerm | undefined {
  const vocab = cbvVocabularies[kind];
  const webLocal = vocab.webPrefix.slice(webBase.length);
  let short: string | undefined;
  if (value.startsWith(vocab.webPrefix)) short = value.slice(vocab.webPrefix.length);
  else if (value.startsWith(vocab.urnPrefix)) short = value.slice(vocab.urnPrefix.length);
  else if (value.startsWith(cbvCurie + webLocal)) short = value.slice(cbvCurie.length + webLocal.length);
  else if (!value.includes(":")) short = value;
  if (short === undefined || !vocab.shortNames.includes(short)) return undefined;
  return { kind, shortName: short, webUri: vocab.webPrefix + short, urn: vocab.urnPrefix + short };
}

/**
 * The canonical spelling for storage and comparison: the CBV 2.0 web URI for standard values, anything else
 * (a private vocabulary URI) unchanged.
 */
export function normaliseCbvValue(kind: CbvVocabularyKind, value: string): string {
  return parseCbvValue(kind, value)?.webUri ?? value;
}

/** The JSON-LD short name for standard values (what EPCIS 2.0 JSON documents write), anything else unchanged. */
export function cbvShortName(kind: CbvVocabularyKind, value: string): string {
  return parseCbvValue(kind, value)?.shortName ?? value;
}

export function isCbvValue(kind: CbvVocabularyKind, value: string): boolean {
  return parseCbvValue(kind, value) !== undefined;
}
