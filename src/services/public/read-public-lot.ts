import { chinaDate } from "../../core/codes/calendar-day.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { traceCodeUrl } from "../../core/lots/lot.ts";
import { expiryStatus } from "../../core/resolver/expiry-status.ts";
import { publicTimeline } from "../../core/trace/public-timeline.ts";
import { listDocumentsOf } from "../../store/document-store.ts";
import { holdersOfLot } from "../../store/holding-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductById } from "../../store/product-store.ts";
import { findRecallById, openRecallsOfLots } from "../../store/recall-store.ts";
import type { Platform } from "../platform.ts";
import { walkBackward } from "../trace/walk-backward.ts";
import { publicPartyRef, regionName } from "./present-public-party.ts";
import type { PublicDocument, PublicLotRecord } from "./public-records.ts";

const INSPECTION_KINDS = new Set(["inspection_report", "quick_test", "test_report"]);

/**
 * The public record of a lot (what the consumer scan page shows): product, producer with licences, origin, dates
 * and expiry, inspection and quick-test results, public certificates, the open recall, and the chain of custody —
 * a backward walk from every holder of the lot, reduced by core/trace/public-timeline.ts to who held it and when.
 * A read: no transaction, no audit.
 */
export async function readPublicLot(platform: Platform, lot: Lot): Promise<PublicLotRecord> {
  const db = platform.store.db;
  const base = platform.settings.publicBaseUrl;
  const today = chinaDate(platform.clock.now());
  const [product, producer, holders, lotDocs, recalls] = await Promise.all([
    findProductById(db, lot.productId),
    findPartyById(db, lot.partyId),
    holdersOfLot(db, lot.id),
    listDocumentsOf(db, "lot", lot.id),
    openRecallsOfLots(db, [lot.id]),
  ]);
  if (!product || !producer) throw new Error(`lot ${lot.id} has no product or producer`);
  const starts = (holders.length > 0 ? holders : [lot.partyId]).map((partyId) => ({ lotId: lot.id, partyId }));
  const trace = await walkBackward(db, starts);
  const timeline = publicTimeline(trace);
  const recall = recalls[0] ? await findRecallById(db, recalls[0].recallId) : undefined;

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

  return {
    type: "lot",
    traceCode: traceCodeUrl(lot, base),
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
      ? { id: recall.id, level: recall.level, reason: recall.reason, openedAt: new Date(recall.openedAt).toISOString() }
      : null,
    inspections: documents.filter((d) => INSPECTION_KINDS.has(d.kind)),
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
      receiptUrl: `${base}/v1/ledger/receipts/lot/${lot.id}`,
      recordUrl: `${base}/v1/ledger/records/lot/${lot.id}`,
    },
    scanRegion: lastHolderRegion(trace, lot) ?? producer.regionCode,
  };
}

/**
 * The region of the party that last received this very lot on the platform: a receiver that did not pass it on
 * (the end of the chain, where it is sold), the latest such; times alone can tie within a millisecond.
 */
function lastHolderRegion(trace: Awaited<ReturnType<typeof walkBackward>>, lot: Lot): string | undefined {
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
