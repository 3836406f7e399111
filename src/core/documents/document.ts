/** Documents attached to the supply chain (检验报告, 快检, 承诺达标合格证, 检疫证明, 报关单, 许可证 …). */
export const documentKinds = [
  "inspection_report",
  "quick_test",
  "commitment_certificate",
  "quarantine_certificate",
  "customs_declaration",
  "licence",
  "test_report",
  "sales_voucher",
  "other",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export type DocumentTarget = "lot" | "party" | "shipment";

export interface TraceDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  /** SHA-256 of the attached file, if there is one (a quick test may be data only). */
  readonly sha256: string | null;
  readonly mediaType: string | null;
  readonly size: number | null;
  readonly issuedOn: string | null;
  readonly issuer: string | null;
  /** Structured content, e.g. a quick test's items, method, result and tester; a commitment certificate's fields. */
  readonly fields: Readonly<Record<string, unknown>> | null;
  /** Shown on public pages (consumers) or only to the parties and regulators. */
  readonly public: boolean;
  readonly partyId: string;
  readonly createdAt: number;
  readonly links: readonly { readonly type: DocumentTarget; readonly id: string }[];
}
