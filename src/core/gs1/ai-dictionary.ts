/**
 * Lookups over the generated AI table: by AI, by the AI that prefixes a raw element string (AIs are prefix-free,
 * GenSpecs §3.2), and the Digital Link primary keys and qualifiers (DL URI Syntax §4.2).
 */
import type { AiEntry } from "./ai-entry.ts";
import { AI_TABLE } from "./ai-table.generated.ts";

const BY_AI: ReadonlyMap<string, AiEntry> = new Map(AI_TABLE.map((e) => [e.ai, e]));

export function aiEntry(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

/** The known AI (2 to 4 digits) that starts `data` at `at`, if any. */
export function aiAt(data: string, at: number): AiEntry | undefined {
  for (let len = 2; len <= 4; len++) {
    if (at + len > data.length) return undefined;
    const e = BY_AI.get(data.slice(at, at + len));
    if (e) return e;
  }
  return undefined;
}

/** AIs that are Digital Link primary keys, in dictionary order. */
export const DL_PRIMARY_KEYS: readonly string[] = AI_TABLE.filter((e) => e.dlpkey !== undefined).map((e) => e.ai);

/** AIs that may appear as key qualifiers of some primary key. */
export const DL_QUALIFIERS: ReadonlySet<string> = new Set(AI_TABLE.flatMap((e) => (e.dlpkey ?? []).flat()));

/** "n" in a dictionary pattern stands for any digit ("31nn", "310n"). */
export function matchesPattern(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern.charCodeAt(i);
    if (p !== 110 /* n */ && p !== ai.charCodeAt(i)) return false;
  }
  return true;
}

/** True for 2-4 ASCII digits: the shape of an AI. */
export function looksLikeAi(s: string): boolean {
  if (s.length < 2 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
