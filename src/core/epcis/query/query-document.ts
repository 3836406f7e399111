import { EPCIS_CONTEXT_URL, SUYUAN_NS } from "../platform/platform-context.ts";

/** The @context of every document this repository writes: the standard one and the platform's namespace. */
export const queryContext: readonly unknown[] = [EPCIS_CONTEXT_URL, { sy: SUYUAN_NS }];

export interface ServedEvent {
  readonly recordTime: number;
  readonly event: Readonly<Record<string, unknown>>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An event as the repository serves it: as captured, with the recordTime the repository gave it (EPCIS 2.0 §7.4.1). */
export function servedEvent(e: ServedEvent): Record<string, unknown> {
  return { ...e.event, recordTime: iso(e.recordTime) };
}

/** EPCIS 2.0 §9.3 EPCISQueryDocument: the answer to a query, and what subscribers receive. */
export function queryDocument(
  events: readonly ServedEvent[],
  at: number,
  query: { queryName?: string; subscriptionID?: string } = {},
): Record<string, unknown> {
  return {
    "@context": queryContext,
    type: "EPCISQueryDocument",
    schemaVersion: "2.0",
    creationDate: iso(at),
    epcisBody: {
      queryResults: {
        queryName: query.queryName ?? "SimpleEventQuery",
        ...(query.subscriptionID ? { subscriptionID: query.subscriptionID } : {}),
        resultsBody: { eventList: events.map(servedEvent) },
      },
    },
  };
}
