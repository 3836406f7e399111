/**
 * A party (主体 / 生产经营者): anyone who produces, holds or hands on food — the enterprise e-archive (企业电子档案).
 */
export const partyKinds = [
  "farm",
  "producer",
  "processor",
  "importer",
  "wholesaler",
  "market_operator",
  "market_vendor",
  "retailer",
  "chain_hq",
  "restaurant",
  "canteen",
  "central_kitchen",
  "cold_store",
  "logistics",
  "other",
] as const;
export type PartyKind = (typeof partyKinds)[number];

/** Kinds that may be natural persons without a business registration (a farmer, a stall holder). */
export const kindsWithoutCreditCode: ReadonlySet<PartyKind> = new Set(["farm", "market_vendor", "other"]);

export const licenceTypes = [
  "business_licence",
  "food_production",
  "food_business",
  "small_workshop",
  "food_vendor",
  "import_export",
  "other",
] as const;
export type LicenceType = (typeof licenceTypes)[number];

export interface Licence {
  readonly type: LicenceType;
  readonly number: string;
  /** ISO date (YYYY-MM-DD) the licence is valid until, inclusive; null when it does not expire. */
  readonly validUntil: string | null;
}

export interface Contact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The fields a caller supplies; everything else the platform assigns. */
export interface PartyDraft {
  readonly name: string;
  readonly creditCode: string | null;
  readonly kind: PartyKind;
  readonly regionCode: string;
  readonly address: string | null;
  readonly contact: Contact | null;
  readonly licences: readonly Licence[];
  readonly gln: string | null;
  readonly keyParty: boolean;
  /** The platform that holds this party's master record; this platform's own id for local parties. */
  readonly homePlatform: string;
}

export interface Party extends PartyDraft {
  readonly id: string;
  /** Platform party code (/p/{CODE}) issued to a party without a GLN; with a GLN its code is /414/{GLN}. */
  readonly partyCode: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}

/** Fields only a regulator or operator may set; an enterprise edits the rest of its own record. */
export const regulatedPartyFields = ["name", "creditCode", "kind", "regionCode", "keyParty", "homePlatform"] as const;
