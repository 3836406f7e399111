/**
 * One element string (AI + value, GS1 General Specifications §3.1) and the two textual forms of a list of them:
 * the human-readable bracketed form "(01)09520123456788(10)ABC123" (§4.15) and the raw form with FNC1, where
 * `^` marks FNC1 in first position and the separator after variable-length values (§7.8.5).
 */
import { aiEntry } from "./ai-dictionary.ts";

export interface AiElement {
  readonly ai: string;
  readonly value: string;
}

/** The empty list, shared (frozen) so that parsers need not allocate one for every absent part. */
export const NO_ELEMENTS: readonly AiElement[] = Object.freeze([]);

/** Bracketed form; "(" in a value is escaped as "\(" so that the text parses back. */
export function formatBracketed(elements: readonly AiElement[]): string {
  let out = "";
  for (const e of elements) out += `(${e.ai})${e.value.includes("(") ? e.value.replaceAll("(", "\\(") : e.value}`;
  return out;
}

export interface RawFormatOptions {
  /** Text for FNC1 in first position; "^" by default, "" for scanner-style output. */
  readonly fnc1?: string;
  /** Separator after a variable-length value that is not last; "^" by default, "\u001d" (GS) for scanners. */
  readonly separator?: string;
}

/** Raw form: only AIs without a predefined length (no "*" flag) are followed by a separator. */
export function formatRaw(elements: readonly AiElement[], opts: RawFormatOptions = {}): string {
  const sep = opts.separator ?? "^";
  let out = opts.fnc1 ?? "^";
  elements.forEach((e, i) => {
    out += e.ai + e.value;
    if (i < elements.length - 1 && (aiEntry(e.ai)?.fnc1 ?? true)) out += sep;
  });
  return out;
}

/** Human-readable interpretation lines, "(01) 09520123456788" (GenSpecs §4.15). */
export function formatHri(elements: readonly AiElement[]): string[] {
  return elements.map((e) => `(${e.ai}) ${e.value}`);
}
