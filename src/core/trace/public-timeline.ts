import type { Trace } from "./trace-model.ts";

/**
 * What a consumer may see of a backward trace (for the scan page to come): who made the food, where, when, and
 * through whose hands it passed, by date, with the public papers — no business-to-business quantities, voucher
 * codes, prices or private documents, and no off-platform buyers' names.
 */
export interface PublicStep {
  readonly at: number;
  readonly kind: "coded" | "transformation" | "first_station" | "shipped" | "received";
  readonly lotCode: string;
  readonly partyName: string;
  readonly regionCode: string;
  readonly toPartyName: string | null;
  readonly productionDate: string | null;
  readonly originPlace: string | null;
}

export interface PublicTimeline {
  readonly steps: readonly PublicStep[];
  readonly documents: readonly { readonly id: string; readonly kind: string; readonly title: string }[];
}

export function publicTimeline(t: Trace): PublicTimeline {
  const parties = new Map(t.parties.map((p) => [p.id, p]));
  const lots = new Map(t.lots.map((l) => [l.id, l]));
  const steps: PublicStep[] = [];
  for (const l of t.lots) {
    const p = parties.get(l.producerPartyId);
    steps.push({
      at: l.createdAt,
      kind: l.entry,
      lotCode: l.lotCode,
      partyName: p?.name ?? "",
      regionCode: p?.regionCode ?? l.originRegion,
      toPartyName: null,
      productionDate: l.productionDate,
      originPlace: l.originPlace,
    });
  }
  for (const s of t.shipments) {
    // Only hops between parties on the platform, and only goods that arrived: a rejected or pending line is not
    // part of the food's way to the consumer.
    if (s.to.kind !== "party" || s.state !== "received") continue;
    const from = parties.get(s.fromPartyId);
    const to = parties.get(s.to.partyId);
    const lot = lots.get(s.lotId);
    steps.push({
      at: s.settledAt ?? s.shippedAt,
      kind: "received",
      lotCode: lot?.lotCode ?? "",
      partyName: to?.name ?? "",
      regionCode: to?.regionCode ?? "",
      toPartyName: null,
      productionDate: null,
      originPlace: null,
    });
    steps.push({
      at: s.shippedAt,
      kind: "shipped",
      lotCode: lot?.lotCode ?? "",
      partyName: from?.name ?? "",
      regionCode: from?.regionCode ?? "",
      toPartyName: to?.name ?? null,
      productionDate: null,
      originPlace: null,
    });
  }
  steps.sort((a, b) => a.at - b.at || (a.kind === "shipped" ? -1 : 1));
  const documents = t.documents.filter((d) => d.public).map((d) => ({ id: d.id, kind: d.kind, title: d.title }));
  return { steps, documents: [...new Map(documents.map((d) => [d.id, d])).values()] };
}
