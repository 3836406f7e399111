import type { ExpiryStatus } from "../../core/resolver/expiry-status.ts";

/**
 * The public records the resolver answers with (JSON) and the pages render: only what a consumer may see — no
 * contact data, no business-to-business quantities, prices or voucher codes, no private documents.
 */
export interface PublicPartyRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly creditCode: string | null;
  readonly licences: readonly {
    readonly type: string;
    readonly number: string;
    readonly validUntil: string | null;
    readonly expired: boolean;
  }[];
  readonly codeUrl: string;
}

export interface PublicDocument {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly issuedOn: string | null;
  readonly issuer: string | null;
  /** A quick test's or an inspection's stated result (e.g. 合格), when the document gives one. */
  readonly result: string | null;
  readonly url: string;
}

export interface PublicChainStep {
  readonly at: string;
  readonly kind: "coded" | "transformation" | "first_station" | "shipped" | "received";
  readonly lotCode: string;
  readonly partyName: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly toPartyName: string | null;
}

export interface PublicLotRecord {
  readonly type: "lot";
  readonly traceCode: string;
  readonly lotId: string;
  readonly lotCode: string;
  readonly gtin: string | null;
  readonly product: { readonly name: string; readonly spec: string | null; readonly categoryCode: string };
  readonly producer: PublicPartyRef;
  readonly origin: { readonly regionCode: string; readonly regionName: string; readonly place: string | null };
  readonly entry: string;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly expiry: { readonly status: ExpiryStatus; readonly daysLeft: number | null };
  readonly recall: {
    readonly id: string;
    readonly level: string;
    readonly reason: string;
    readonly openedAt: string;
  } | null;
  readonly inspections: readonly PublicDocument[];
  /** Official sampling results (监督抽检) a regulator confirmed to be about this lot. */
  readonly samplingResults: readonly {
    readonly sampleNo: string;
    readonly result: "pass" | "fail";
    readonly failedItems: readonly string[];
    readonly agency: string;
    readonly sampledOn: string | null;
  }[];
  readonly certificates: readonly PublicDocument[];
  readonly chain: readonly PublicChainStep[];
  readonly ledger: {
    readonly kind: "lot";
    readonly ref: string;
    readonly receiptUrl: string;
    readonly recordUrl: string;
  };
  /** The district this lot's scans are credited to: its last holder on the platform (where it is sold). */
  readonly scanRegion: string;
}

export interface PublicPartyRecord {
  readonly type: "party";
  readonly party: PublicPartyRef;
  readonly riskGrade: string | null;
  readonly products: readonly { readonly id: string; readonly name: string; readonly spec: string | null }[];
  readonly recalls: readonly {
    readonly id: string;
    readonly level: string;
    readonly reason: string;
    readonly openedAt: string;
    readonly open: boolean;
  }[];
}

export interface PublicVoucherRecord {
  readonly type: "voucher";
  readonly voucherCode: string;
  readonly shipper: { readonly name: string; readonly regionName: string };
  readonly receiver: { readonly name: string } | null;
  readonly shippedAt: string;
  readonly status: string;
  readonly lots: readonly { readonly lotCode: string; readonly productName: string; readonly traceCode: string }[];
}

export type PublicRecord = PublicLotRecord | PublicPartyRecord | PublicVoucherRecord;
