import { type BuiltEvent, epcisTime, finishEvent } from "./finish-event.ts";
import { type LotRef, type PartyRef, partyUri, quantityElement } from "./platform-identifiers.ts";

/**
 * Opening a recall (召回): the lots in scope are set aside — ObjectEvent OBSERVE, bizStep holding ("segregated
 * for further review"), disposition recalled (CBV 2.0 §7.1, §7.2), recorded at the producer, with the recall's
 * id, level and reason in our namespace. The quantities are the lots' coded quantities: the recall covers the
 * whole lot wherever it is.
 */
export function recallOpenedEvent(c: {
  base: string;
  at: number;
  producer: PartyRef;
  recallId: string;
  level: string;
  reason: string;
  lots: readonly { lot: LotRef; quantityMilli: number }[];
}): BuiltEvent {
  return finishEvent({
    type: "ObjectEvent",
    eventTime: epcisTime(c.at),
    eventTimeZoneOffset: "+08:00",
    epcList: [],
    quantityList: c.lots.map((l) => quantityElement(l.lot, l.quantityMilli, c.base)),
    action: "OBSERVE",
    bizStep: "holding",
    disposition: "recalled",
    readPoint: { id: partyUri(c.producer, c.base) },
    "sy:recallId": c.recallId,
    "sy:recallLevel": c.level,
    "sy:recallReason": c.reason,
  });
}
