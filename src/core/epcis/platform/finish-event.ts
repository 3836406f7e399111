import { eventHashId } from "../hash/event-hash-id.ts";
import { platformContext, standardContexts } from "./platform-context.ts";

export interface BuiltEvent {
  readonly eventId: string;
  readonly event: Readonly<Record<string, unknown>>;
}

/** Times as EPCIS writes them: with the offset of China Standard Time (EPCIS 2.0 §7.4.1: eventTimeZoneOffset). */
export function epcisTime(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`;
}

/** Gives the event its eventID: the event hash ID (CBV 2.0 §8.9.2), so the same event is always stored once. */
export function finishEvent(event: Record<string, unknown>): BuiltEvent {
  const eventId = eventHashId(event, { context: platformContext, contexts: standardContexts });
  return Object.freeze({ eventId, event: Object.freeze({ ...event, eventID: eventId }) });
}
