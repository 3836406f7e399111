/**
 * Rules over the whole set of AIs (GS1 General Specifications §4.13 "Mandatory association / Invalid pairs of
 * element strings", encoded by the Syntax Dictionary as req= and ex=): repeated AIs must agree, exclusive AIs may
 * not meet, each requisite group must be met, and a digital signature (8030) needs a serialised key.
 */
import { aiEntry, matchesPattern } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";
import type { RequisiteGroup } from "./ai-entry.ts";
import { knownToPass, rememberPassing } from "./association-memo.ts";
import type { Gs1Error } from "./gs1-error.ts";

/** Keys whose optional serial component must be present when AI 8030 signs them (GenSpecs §3.9.17). */
const SERIAL_FOR_DIGSIG: readonly string[] = ["253", "255", "8003"];

function contains(elements: readonly AiElement[], ai: string): boolean {
  for (const e of elements) if (e.ai === ai) return true;
  return false;
}

function has(elements: readonly AiElement[], pattern: string): boolean {
  for (const e of elements) if (matchesPattern(pattern, e.ai)) return true;
  return false;
}

export function checkAssociations(elements: readonly AiElement[]): Gs1Error | undefined {
  // A list remembered as clean has no repeated AI and no 8030 either: none of the rules can depend on values.
  return knownToPass(elements) ? undefined : checkAllAssociations(elements);
}

/** Every rule, without consulting the memo (which it feeds); exported for the test that compares the two. */
export function checkAllAssociations(elements: readonly AiElement[]): Gs1Error | undefined {
  const n = elements.length;
  let repeats = false;
  for (let i = 0; i < n; i++) {
    const a = elements[i] as AiElement;
    for (let j = i + 1; j < n; j++) {
      const b = elements[j] as AiElement;
      if (a.ai !== b.ai) continue;
      repeats = true;
      if (a.value !== b.value) {
        return {
          code: "repeated-ai-mismatch",
          message: `Multiple instances of AI (${a.ai}) have different values`,
          ai: a.ai,
        };
      }
    }
  }
  const problem = checkExclusions(elements) ?? checkRequisites(elements);
  if (problem) return problem;
  const signed = contains(elements, "8030");
  if (!repeats && !signed) rememberPassing(elements);
  return signed ? checkDigSig(elements) : undefined;
}

function checkExclusions(elements: readonly AiElement[]): Gs1Error | undefined {
  for (const a of elements) {
    const ex = aiEntry(a.ai)?.ex;
    if (!ex || ex.length === 0) continue;
    for (const pattern of ex) {
      for (const b of elements) {
        if (b.ai !== a.ai && matchesPattern(pattern, b.ai)) {
          return { code: "exclusive-ais", message: `It is invalid to pair AI (${a.ai}) with AI (${b.ai})`, ai: a.ai };
        }
      }
    }
  }
  return undefined;
}

function groupMet(elements: readonly AiElement[], group: RequisiteGroup): boolean {
  for (const alternative of group) {
    let all = true;
    for (const pattern of alternative) {
      if (!has(elements, pattern)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

function checkRequisites(elements: readonly AiElement[]): Gs1Error | undefined {
  for (const a of elements) {
    for (const group of aiEntry(a.ai)?.req ?? []) {
      if (!groupMet(elements, group)) {
        const wanted = group.map((alt) => alt.join("+")).join(",");
        return {
          code: "required-ai-missing",
          message: `Required AIs for AI (${a.ai}) are not satisfied: ${wanted}`,
          ai: a.ai,
        };
      }
    }
  }
  return undefined;
}

/** With 8030 present: GenSpecs §3.9.17. */
function checkDigSig(elements: readonly AiElement[]): Gs1Error | undefined {
  for (const e of elements) {
    const entry = SERIAL_FOR_DIGSIG.includes(e.ai) ? aiEntry(e.ai) : undefined;
    if (entry && e.value.length <= entry.minLength) {
      return {
        code: "digsig-needs-serial",
        message: `Serial component must be present for AI (${e.ai}) when used with AI (8030)`,
        ai: e.ai,
      };
    }
  }
  return undefined;
}
