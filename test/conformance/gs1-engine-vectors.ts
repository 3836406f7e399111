/** Test helper (imported only by *.test.ts): the rows of syntax-engine-vectors.jsonl and their options. */
import type { ElementParseOptions } from "../../src/core/gs1/element-string.ts";
import { readJsonl } from "./gs1-vectors.ts";

export interface EngineOptions {
  readonly permitUnknownAIs?: boolean;
  readonly validateRequisiteAIs?: boolean;
  readonly permitConvenienceAlphas?: boolean;
  readonly permitZeroSuppressedGTINinDLuris?: boolean;
  readonly validateUnknownAInotDLattr?: boolean;
}

export interface EngineApi {
  readonly call: string;
  readonly ok: boolean;
  readonly err?: string;
  readonly errMarkup?: string;
  readonly dataStr?: string;
  readonly aiDataStr?: string | null;
  readonly dlUri?: string;
  readonly dlUriErr?: string;
  readonly hri?: readonly string[];
  readonly dlIgnoredQueryParams?: readonly string[];
}

export interface EngineVector {
  readonly kind: string;
  readonly src: string;
  readonly unit?: string;
  readonly shouldSucceed?: boolean;
  readonly input: string;
  readonly expect?: string | null;
  readonly stem?: string | null;
  readonly expectPath?: string;
  readonly expectQuery?: string;
  readonly expectSym?: string;
  readonly expectDataStr?: string;
  readonly expectLinterErr?: string;
  readonly expectErrMarkup?: string;
  readonly sym?: string;
  readonly unitErr?: string;
  readonly opts?: EngineOptions | null;
  readonly api?: EngineApi;
}

export const ENGINE_VECTORS: readonly EngineVector[] = readJsonl<EngineVector>("syntax-engine-vectors.jsonl");

export function vectorsOfKind(kind: string): readonly EngineVector[] {
  return ENGINE_VECTORS.filter((v) => v.kind === kind);
}

/** The engine's options in our terms; `unit` turns the association rules off as the unit functions do. */
export function parseOptions(v: EngineVector, unit: boolean): ElementParseOptions {
  return {
    associations: unit ? false : v.opts?.validateRequisiteAIs !== false,
    permitUnknownAis: v.opts?.permitUnknownAIs === true,
  };
}

/** "(11)13|13|13" → the AI and the span between the bars, relative to the value. */
export function markupSpan(markup: string): { ai: string; valueOffset: number; length: number } {
  const close = markup.indexOf(")");
  const first = markup.indexOf("|");
  const second = markup.indexOf("|", first + 1);
  return { ai: markup.slice(1, close), valueOffset: first - close - 1, length: second - first - 1 };
}
