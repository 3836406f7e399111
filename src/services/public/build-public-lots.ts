import { chinaDate } from "../../core/codes/calendar-day.ts";
import type { TraceDocument } from "../../core/documents/document.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { traceCodeUrl } from "../../core/lots/lot.ts";
import { expiryStatus } from "../../core/resolver/expiry-status.ts";
import { type PublicTimeline, publicTimeline } from "../../core/trace/public-timeline.ts";
import { subTraces } from "../../core/trace/sub-trace.ts";
import type { Trace } from "../../core/trace/trace-model.ts";
import { listDocumentsOfTargets } from "../../store/document-store.ts";
import { holdersOfLots } from "../../store/holding-store.ts";
import { findPartiesByIds } from "../../store/party-store.ts";
import { findProductsByIds } from "../../store/product-store.ts";
import { findRecallById, openRecallsOfLots } from "../../store/recall-store.ts";
import { confirmedSamplingOfLots } from "../../store/sampling-store.ts";
import type { Platform } from "../platform.ts";
import { walkBackward } from "../trace/walk-backward.ts";
import { publicPartyRef, regionName } from "./present-public-party.ts";
import type { PublicDocument, PublicLotRecord } from "./public-records.ts";

const INSPECTION_KINDS = new Set(["inspection_report", "quick_test", "test_report"]);

/**
 * The public records of lots (what the consumer scan page shows): product, producer with licences, origin, dates
 * and expiry, inspection and quick-test results, confirmed official sampling results, public certificates, the
 * open recall, and the chain of custody — a backward walk from every holder of the lot, reduced by
 * core/trace/public-timeline.ts to who held it and when. Built for many lots at once: each source is one query
 * per batch and the walk is one walk from all their holders, cut per lot by core/trace/sub-trace.ts.
 * A read: no transaction, no audit.
 */
export async function buildPublicLots(platform: Platform, lots: readonly Lot[]): Promise<Map<string, PublicLotRecord>> {
  const db = platform.store.db;
  const today = chinaDate(platform.clock.now());
  const lotIds = lots.map((l) => l.id);
  const [products, producers, holders, lotDocs, recallRefs, sampling] = await Promise.all([
    findProductsByIds(
      db,
      lots.map((l) => l.productId),
    ),
    findPartiesByIds(
      db,
      lots.map((l) => l.partyId),
    ),
    holdersOfLots(db, lotIds),
    listDocumentsOfTargets(db, "lot", lotIds),
    openRecallsOfLots(db, lotIds),
    confirmedSamplingOfLots(db, lotIds),
  ]);
  const startsOf = (lot: Lot) => (holders.get(lot.id) ?? [lot.partyId]).map((partyId) => ({ lotId: lot.id, partyId }));
  const trace = await walkBackward(db, lots.flatMap(startsOf));
  const subTrace = subTraces(trace);
  const recalls = new Map<string, Awaited<ReturnType<typeof findRecallById>>>();
  for (const id of new Set(recallRefs.map((r) => r.recallId))) recalls.set(id, await findRecallById(db, id));

  // The first open recall of each lot (they come oldest first).
  const recallOf = new Map<string, (typeof recallRefs)[number]>();
  for (const r of recallRefs) if (!recallOf.has(r.lotId)) recallOf.set(r.lotId, r);
  const out = new Map<string, PublicLotRecord>();
  for (const lot of lots) {
    const product = products.get(lot.productId);
    const producer = producers.get(lot.partyId);
    if (!product || !producer) throw new Error(`lot ${lot.id} has no product or producer`);
    const own = subTrace(startsOf(lot));
    const recallRef = recallOf.get(lot.id);
    const recall = recallRef ? recalls.get(recallRef.recallId) : undefined;
    const timeline = publicTimeline(own);
    const documents = publicDocuments(platform, own, timeline, lotDocs.get(lot.id) ?? []);
    out.set(lot.id, {
      type: "lot",
      traceCode: traceCodeUrl(lot, platform.settings.publicBaseUrl),
      lotId: lot.id,
      lotCode: lot.lotCode,
      gtin: lot.gtin,
      product: { name: product.name, spec: product.spec, categoryCode: product.categoryCode },
      producer: publicPartyRef(producer, platform, today),
      origin: {
        regionCode: lot.originRegion,
        regionName: regionName(platform, lot.originRegion),
        place: lot.originPlace,
      },
      entry: lot.entry,
      productionDate: lot.productionDate,
      expiryDate: lot.expiryDate,
      expiry: expiryStatus(lot.productionDate, lot.expiryDate, today),
      recall: recall
        ? {
            id: recall.id,
            level: recall.level,
            reason: recall.reason,
            openedAt: new Date(recall.openedAt).toISOString(),
          }
        : null,
      inspections: documents.filter((d) => INSPECTION_KINDS.has(d.kind)),
      samplingResults: (sampling.get(lot.id) ?? []).map((s) => ({
        sampleNo: s.sampleNo,
        result: s.result,
        failedItems: s.failedItems,
        agency: s.agency,
        sampledOn: s.sampledOn,
      })),
      certificates: documents.filter((d) => !INSPECTION_KINDS.has(d.kind)),
      chain: timeline.steps.map((s) => ({
        at: new Date(s.at).toISOString(),
        kind: s.kind,
        lotCode: s.lotCode,
        partyName: s.partyName,
        regionCode: s.regionCode,
        regionName: regionName(platform, s.regionCode),
        toPartyName: s.toPartyName,
      })),
      ledger: {
        kind: "lot",
        ref: lot.id,
        receiptUrl: `${platform.settings.publicBaseUrl}/v1/ledger/receipts/lot/${lot.id}`,
        recordUrl: `${platform.settings.publicBaseUrl}/v1/ledger/records/lot/${lot.id}`,
      },
      scanRegion: lastHolderRegion(own, lot) ?? producer.regionCode,
    });
  }
  return out;
}

/** The public papers of the walk, with the stated result of those attached to the lot itself. */
function publicDocuments(
  platform: Platform,
  trace: Trace,
  timeline: PublicTimeline,
  lotDocs: readonly TraceDocument[],
): PublicDocument[] {
  const base = platform.settings.publicBaseUrl;
  const results = new Map(lotDocs.map((d) => [d.id, resultOf(d.fields)]));
  const documents: PublicDocument[] = timeline.documents.map((d) => {
    const ref = trace.documents.find((t) => t.id === d.id);
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      issuedOn: ref?.issuedOn ?? null,
      issuer: ref?.issuer ?? null,
      result: results.get(d.id) ?? null,
      url: `${base}/v1/documents/${d.id}`,
    };
  });
  // Public papers attached to the lot itself but not reached by the walk (it starts at the holders).
  for (const d of lotDocs) {
    if (!d.public || documents.some((x) => x.id === d.id)) continue;
    documents.push({
      id: d.id,
      kind: d.kind,
      title: d.title,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      result: resultOf(d.fields),
      url: `${base}/v1/documents/${d.id}`,
    });
  }
  return documents;
}

/**
 * The region of the party that last received this very lot on the platform: a receiver that did not pass it on
 * (the end of the chain, where it is sold), the latest such; times alone can tie within a millisecond.
 */
function lastHolderRegion(trace: Trace, lot: Lot): string | undefined {
  const hops = trace.shipments.filter((s) => s.lotId === lot.id && s.state === "received" && s.to.kind === "party");
  const passedOn = new Set(hops.map((h) => h.fromPartyId));
  let best: { at: number; partyId: string; end: boolean } | undefined;
  for (const s of hops) {
    if (s.to.kind !== "party") continue;
    const c = { at: s.settledAt ?? s.shippedAt, partyId: s.to.partyId, end: !passedOn.has(s.to.partyId) };
    if (!best || (c.end && !best.end) || (c.end === best.end && c.at > best.at)) best = c;
  }
  return best && trace.parties.find((p) => p.id === best.partyId)?.regionCode;
}

function resultOf(fields: Readonly<Record<string, unknown>> | null): string | null {
  const r = fields?.result ?? fields?.conclusion;
  return typeof r === "string" ? r.slice(0, 100) : null;
}
