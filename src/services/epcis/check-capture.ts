import { type PreparedEvent, prepareCapture } from "../../core/epcis/capture/prepare-capture.ts";
import type { AnyEpcisDocument } from "../../core/epcis/epcis-types.ts";
import type { FieldError } from "../../core/errors.ts";
import { documentErrors } from "./epcis-validator.ts";

export type CheckedCapture =
  | { readonly ok: true; readonly events: readonly PreparedEvent[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * The CPU-only part of a capture: GS1's JSON schema, then the semantic checks, hash IDs (CBV 2.0 §8.9.2) and index
 * rows of every event. It touches no database and no clock, so it runs the same in the request's thread or in a
 * worker (capture-pool.ts); pointers are prefixed with `base`.
 */
export function checkCapture(document: unknown, base: string, xmlHashIds?: readonly string[]): CheckedCapture {
  const errors = documentErrors(document, base);
  if (errors.length > 0) return { ok: false, errors };
  const prepared = prepareCapture(document as AnyEpcisDocument, xmlHashIds);
  if (!prepared.ok)
    return { ok: false, errors: prepared.errors.map((e) => ({ ...e, pointer: `${base}${e.pointer}` })) };
  return { ok: true, events: prepared.events };
}
