import { type PreparedEvent, prepareCapture } from "../../core/epcis/capture/prepare-capture.ts";
import type { AnyEpcisDocument } from "../../core/epcis/epcis-types.ts";
import type { FieldError } from "../../core/errors.ts";
import { eventRow, type StoredEvent } from "../../store/event-store.ts";
import { type RecordSeal, sealRecord } from "../../store/ledger-store.ts";
import { documentErrors } from "./epcis-validator.ts";

export type CheckedCapture =
  | {
      readonly ok: true;
      readonly events: readonly PreparedEvent[];
      /** Ledger commitments of the events' rows as the capture will store them, by event id (with a stamp). */
      readonly seals?: ReadonlyMap<string, RecordSeal>;
    }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What a capture's rows carry besides the events: fixed before checking, so the rows can be sealed here too. */
export interface CaptureStamp {
  readonly captureId: string;
  readonly recordTime: number;
  readonly partyId: string | null;
}

/** The `events` row of a captured event (the one place that says how a prepared event is stored). */
export function capturedEventRow(
  e: PreparedEvent,
  stamp: CaptureStamp,
  parties: StoredEvent["parties"] = [],
): StoredEvent {
  return {
    ...e.index,
    eventId: e.eventId,
    recordTime: stamp.recordTime,
    partyId: stamp.partyId,
    source: "epcis",
    captureId: stamp.captureId,
    hashId: e.hashId === e.eventId ? null : e.hashId,
    event: e.event,
    parties,
  };
}

/**
 * The CPU-only part of a capture: GS1's JSON schema, then the semantic checks, hash IDs (CBV 2.0 §8.9.2) and index
 * rows of every event, and with a stamp the ledger seals of the rows to be stored. It touches no database and no
 * clock, so it runs the same in the request's thread or in a worker (capture-pool.ts); pointers are prefixed with
 * `base`.
 */
export function checkCapture(
  document: unknown,
  base: string,
  xmlHashIds?: readonly string[],
  stamp?: CaptureStamp,
): CheckedCapture {
  const errors = documentErrors(document, base);
  if (errors.length > 0) return { ok: false, errors };
  const prepared = prepareCapture(document as AnyEpcisDocument, xmlHashIds);
  if (!prepared.ok)
    return { ok: false, errors: prepared.errors.map((e) => ({ ...e, pointer: `${base}${e.pointer}` })) };
  if (!stamp) return { ok: true, events: prepared.events };
  const seals = new Map<string, RecordSeal>();
  for (const e of prepared.events) {
    const seal = sealRecord("epcis-event", eventRow(capturedEventRow(e, stamp)));
    // Buffers of their own: a view into a pooled allocation would carry the whole pool when posted to a thread.
    seals.set(e.eventId, { salt: new Uint8Array(seal.salt), commitment: new Uint8Array(seal.commitment) });
  }
  return { ok: true, events: prepared.events, seals };
}
