/**
 * Validation of one AI's value against its Syntax Dictionary entry: overall length, then each component in turn
 * (consuming its prescribed length, optional components may be absent at the end), its character set, then
 * its linters. Returns the first problem, or undefined. The linters of each AI are resolved once, ahead of use,
 * the common formats are accepted by one loop first (ai-value-accept.ts), and nothing is allocated on success
 * (this is the hot path of every parser).
 */
import type { AiComponent, AiEntry } from "./ai-entry.ts";
import { AI_TABLE } from "./ai-table.generated.ts";
import { type Acceptance, acceptanceFor, accepts } from "./ai-value-accept.ts";
import type { Gs1Error } from "./gs1-error.ts";
import type { LintContext, Linter } from "./lint-result.ts";
import { CSET_LINTERS, LINTERS } from "./linters.ts";

/** An AI that the dictionary does not know, accepted only on request: CSET 82, 1 to 90 characters (GenSpecs §7.11). */
export const UNKNOWN_AI_VALUE_MAX = 90;

interface CompiledComponent {
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  /** Character-set check first, then the component's linters in dictionary order. */
  readonly checks: readonly Linter[];
}

function compile(c: AiComponent): CompiledComponent {
  const checks = [CSET_LINTERS[c.cset], ...c.linters.map((name) => LINTERS[name] ?? missingLinter(name))];
  return { min: c.min, max: c.max, optional: c.optional, checks };
}

function missingLinter(name: string): never {
  throw new Error(`linter ${name} named by the dictionary is not implemented`);
}

interface CompiledAi {
  readonly acceptance: Acceptance;
  readonly components: readonly CompiledComponent[];
}

function compileAi(e: AiEntry): CompiledAi {
  return { acceptance: acceptanceFor(e), components: e.components.map(compile) };
}

const COMPILED: ReadonlyMap<AiEntry, CompiledAi> = new Map(AI_TABLE.map((e) => [e, compileAi(e)]));

function problem(code: Gs1Error["code"], ai: string, message: string, extra: Partial<Gs1Error> = {}): Gs1Error {
  return { code, message: `AI (${ai}) ${message}`, ai, ...extra };
}

export function checkAiValue(entry: AiEntry, value: string, ctx?: LintContext): Gs1Error | undefined {
  const compiled = COMPILED.get(entry) ?? compileAi(entry);
  return accepts(compiled.acceptance, value, ctx) ? undefined : fullCheck(entry, compiled, value, ctx);
}

/** checkAiValue without the quick acceptance (exported for the test that holds the two to each other). */
export function checkAiValueFully(entry: AiEntry, value: string, ctx?: LintContext): Gs1Error | undefined {
  return fullCheck(entry, COMPILED.get(entry) ?? compileAi(entry), value, ctx);
}

function fullCheck(entry: AiEntry, compiled: CompiledAi, value: string, ctx?: LintContext): Gs1Error | undefined {
  const ai = entry.ai;
  const n = value.length;
  if (n === 0) return problem("value-empty", ai, "value is empty");
  if (n > entry.maxLength) return problem("value-too-long", ai, "value is too long");
  const comps = compiled.components;
  let pos = 0;
  for (let c = 0; c < comps.length; c++) {
    const comp = comps[c] as CompiledComponent;
    if (pos >= n && comp.optional) break;
    const take = Math.min(comp.max, n - pos);
    if (take < comp.min) return problem("value-too-short", ai, "value has incorrect length");
    const part = take === n ? value : value.slice(pos, pos + take);
    for (let i = 0; i < comp.checks.length; i++) {
      const failure = (comp.checks[i] as Linter)(part, ctx);
      if (failure) {
        return problem("invalid-value", ai, `is invalid: ${failure.error.replaceAll("-", " ")}`, {
          linterError: failure.error,
          valueOffset: pos + failure.offset,
          length: failure.length,
        });
      }
    }
    pos += take;
  }
  return pos < n ? problem("value-too-long", ai, "value is too long") : undefined;
}

/** Value check for an AI absent from the dictionary, when unknown AIs are permitted. */
export function checkUnknownAiValue(ai: string, value: string): Gs1Error | undefined {
  if (value.length === 0) return problem("value-empty", ai, "value is empty");
  if (value.length > UNKNOWN_AI_VALUE_MAX) return problem("value-too-long", ai, "value is too long");
  const failure = CSET_LINTERS.X(value);
  return failure
    ? problem("invalid-value", ai, "is invalid: not CSET 82", {
        linterError: failure.error,
        valueOffset: failure.offset,
        length: failure.length,
      })
    : undefined;
}
