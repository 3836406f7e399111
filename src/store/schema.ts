/**
 * The one table definition (STYLE: store/schema.ts), as Kysely sees it. Column names are camelCase here and
 * snake_case in the database (Kysely's CamelCasePlugin). Portable types only, so that both engines share it:
 * ids are text (UUIDv7, time-ordered), times are epoch milliseconds (bigint), flags are 0/1 integers,
 * structured values are JSON text. Migrations in ./migrations create exactly this.
 */
import type { Kysely, Transaction } from "kysely";

export interface PartiesTable {
  id: string;
  name: string;
  creditCode: string | null;
  kind: string;
  regionCode: string;
  address: string | null;
  contactJson: string | null;
  licencesJson: string;
  gln: string | null;
  keyParty: number;
  homePlatform: string;
  /** Platform party code (/p/{CODE}) of a party without a GLN; null when it has a GLN. */
  partyCode: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  partyId: string | null;
  regionCode: string | null;
  /** SHA-256 of the whole secret key; the key itself is shown once and never stored. */
  secretHash: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  /** "admin:key_…", "regulator:key_…", "system:cli@host" … */
  actor: string;
  actorPartyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detailsJson: string | null;
  /** Remote address for HTTP, "cli" for the console. */
  source: string;
  requestId: string | null;
  userAgent: string | null;
}

export interface CodeSequencesTable {
  scope: string;
  lastValue: number;
}

export interface CodeBlocksTable {
  id: string;
  kind: string;
  scope: string;
  firstValue: number;
  count: number;
  partyId: string | null;
  issuedAt: number;
  issuedBy: string;
}

export interface SerialNumbersTable {
  gtin: string;
  serial: string;
  lot: string | null;
  partyId: string;
  blockId: string;
  issuedAt: number;
}

export interface Database {
  parties: PartiesTable;
  codeSequences: CodeSequencesTable;
  codeBlocks: CodeBlocksTable;
  serialNumbers: SerialNumbersTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
}

/** A handle that is either the database or an open transaction: aggregate stores accept both. */
export type Db = Kysely<Database> | Transaction<Database>;
