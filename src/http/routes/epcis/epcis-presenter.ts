import { cbvShortName } from "../../../core/epcis/cbv-normalise.ts";
import { queryContext, queryDocument } from "../../../core/epcis/query/query-document.ts";
import type { CaptureJob } from "../../../store/capture-job-store.ts";
import type { QueriedEvent, ResourceKind } from "../../../store/epcis-query-store.ts";

export { queryContext } from "../../../core/epcis/query/query-document.ts";

/** EPCIS 2.0 §9.3 EPCISQueryDocument. */
export function presentQueryDocument(
  events: readonly QueriedEvent[],
  at: number,
  query: { queryName?: string; subscriptionID?: string } = {},
): Record<string, unknown> {
  return queryDocument(events, at, query);
}

const iso = (ms: number) => new Date(ms).toISOString();

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
