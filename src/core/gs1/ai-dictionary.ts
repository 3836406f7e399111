/**
 * Lookups over the generated AI table: by AI, by the AI that prefixes a raw element string (AIs are prefix-free,
 * GenSpecs §3.2), and the Digital Link primary keys and qualifiers (DL URI Syntax §4.2).
 */
import type { AiEntry } from "./ai-entry.ts";
import { AI_TABLE } from "./ai-table.generated.ts";

/**
 * AIs are 2 to 4 digits, so each maps to a slot of a dense array: "00"-"99" → 0-99, "000"-"999" → 100-1099,
 * "0000"-"9999" → 1100-11099. Lookups read the digits in place: no substring, no string hashing, nothing
 * allocated (parsers look AIs up many times per message, usually straight out of a larger string).
 */
const SLOT_BASE = [0, 0, 0, 100, 1100] as const;
const BY_SLOT: readonly (AiEntry | undefined)[] = (() => {
  const slots = new Array<AiEntry | undefined>(11_100).fill(undefined);
  for (const e of AI_TABLE) slots[(SLOT_BASE[e.ai.length as 2 | 3 | 4] as number) + Number(e.ai)] = e;
  return slots;
})();

/** Slot of the known AI spelt by text[from, to), or -1: a small integer key for the AI (memo tables use it). */
export function aiSlotAt(text: string, from: number, to: number): number {
  const len = to - from;
  if (len < 2 || len > 4) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  const slot = (SLOT_BASE[len] as number) + n;
  return BY_SLOT[slot] === undefined ? -1 : slot;
}

/** The entry for the AI spelt by text[from, to), if that is a known AI. */
export function aiEntryAt(text: string, from: number, to: number): AiEntry | undefined {
  const slot = aiSlotAt(text, from, to);
  return slot < 0 ? undefined : BY_SLOT[slot];
}

export function aiEntry(ai: string): AiEntry | undefined {
  return aiEntryAt(ai, 0, ai.length);
}

/** The known AI (2 to 4 digits) that starts `data` at `at`, if any. */
export function aiAt(data: string, at: number): AiEntry | undefined {
  for (let len = 2; len <= 4; len++) {
    if (at + len > data.length) return undefined;
    const e = aiEntryAt(data, at, at + len);
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
