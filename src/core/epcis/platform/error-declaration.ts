import { epcisTime } from "./finish-event.ts";

/**
 * A correction (EPCIS 2.0 §7.4.1.4): events are never edited; an error is declared on a copy of the erroneous
 * event — same fields, same eventID — with an errorDeclaration naming when and why (CBV 2.0 error reasons:
 * did_not_occur for a record withdrawn as a whole, incorrect_data for wrong values) and any corrective events.
 * CBV 2.0 §8.9.2 leaves errorDeclaration out of the event hash, so the copy keeps the original's hash ID.
 */
export function errorDeclaration(
  original: Readonly<Record<string, unknown>>,
  d: { at: number; reason: "did_not_occur" | "incorrect_data"; correctiveEventIds?: readonly string[] },
): Readonly<Record<string, unknown>> {
  if (original.errorDeclaration) throw new RangeError(`event ${String(original.eventID)} already declares an error`);
  return Object.freeze({
    ...original,
    errorDeclaration: {
      declarationTime: epcisTime(d.at),
      reason: d.reason,
      ...(d.correctiveEventIds?.length ? { correctiveEventIDs: [...d.correctiveEventIds] } : {}),
    },
  });
}
