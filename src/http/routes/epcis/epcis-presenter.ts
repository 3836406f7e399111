import { cbvShortName } from "../../../core/epcis/cbv-normalise.ts";
import { EPCIS_CONTEXT_URL, SUYUAN_NS } from "../../../core/epcis/platform/platform-context.ts";
import type { CaptureJob } from "../../../store/capture-job-store.ts";
import type { QueriedEvent, ResourceKind } from "../../../store/epcis-query-store.ts";

/** The @context of every document this repository writes: the standard one and the platform's namespace. */
export const queryContext = [EPCIS_CONTEXT_URL, { sy: SUYUAN_NS }];

const iso = (ms: number) => new Date(ms).toISOString();

/** An event as the repository serves it: as captured, with the recordTime the repository gave it (EPCIS 2.0 §7.4.1). */
export function presentEvent(e: QueriedEvent): Record<string, unknown> {
  return { ...e.event, recordTime: iso(e.recordTime) };
}

/** EPCIS 2.0 §9.3 EPCISQueryDocument. */
export function presentQueryDocument(
  events: readonly QueriedEvent[],
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
        resultsBody: { eventList: events.map(presentEvent) },
      },
    },
  };
}

/** REST binding CaptureJob. */
export function presentCaptureJob(j: CaptureJob): Record<string, unknown> {
  return {
    captureID: j.id,
    createdAt: iso(j.createdAt),
    ...(j.finishedAt !== null ? { finishedAt: iso(j.finishedAt) } : {}),
    running: j.running,
    success: j.success,
    captureErrorBehaviour: j.errorBehaviour,
    errors: j.errors,
    eventCount: j.eventCount,
    storedCount: j.storedCount,
  };
}

/** REST binding collections (EventTypeCollection, UriCollection …); standard CBV values by their short names. */
export function presentCollection(kind: ResourceKind | "top", members: readonly string[]): Record<string, unknown> {
  const shorten =
    kind === "bizSteps"
      ? (v: string) => cbvShortName("bizStep", v)
      : kind === "dispositions"
        ? (v: string) => cbvShortName("disposition", v)
        : (v: string) => v;
  return { "@context": queryContext, type: "Collection", member: members.map(shorten) };
}
