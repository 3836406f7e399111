/**
 * The one table definition (STYLE: store/schema.ts), as Kysely sees it. Column names are camelCase here and
 * snake_case in the database (Kysely's CamelCasePlugin). Portable types only, so that both engines share it:
 * ids are text (UUIDv7, time-ordered), times are epoch milliseconds (bigint), flags are 0/1 integers,
 * structured values are JSON text. Migrations in ./migrations create exactly this.
 */
import type { Generated, Kysely, Transaction } from "kysely";

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

export interface CatalogueTable {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  keyVariety: number;
  sort: number;
}

export interface ProductsTable {
  id: string;
  partyId: string;
  name: string;
  spec: string | null;
  unit: string;
  categoryCode: string;
  shelfLifeDays: number | null;
  gtin: string | null;
  description: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface LotsTable {
  id: string;
  productId: string;
  partyId: string;
  lotCode: string;
  gtin: string | null;
  platformCode: string | null;
  traceKey: string;
  productionDate: string;
  expiryDate: string | null;
  quantityMilli: number;
  unit: string;
  originRegion: string;
  originPlace: string | null;
  location: string | null;
  entry: string;
  entryJson: string | null;
  eventId: string;
  createdAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
}

export interface LotInputsTable {
  outputLotId: string;
  inputLotId: string;
  quantityMilli: number;
}

export interface HoldingsTable {
  lotId: string;
  partyId: string;
  quantityMilli: number;
  updatedAt: number;
}

export interface MovementsTable {
  id: string;
  lotId: string;
  partyId: string;
  /** coded, transformed-in, consumed, shipped, received, returned, sold, used, lost, destroyed, shortage … */
  kind: string;
  deltaMilli: number;
  shipmentId: string | null;
  eventId: string;
  at: number;
}

export interface ShipmentsTable {
  id: string;
  voucherCode: string;
  shipperPartyId: string;
  receiverKind: string;
  receiverPartyId: string | null;
  receiverJson: string | null;
  status: string;
  shippedAt: number;
  eventId: string;
  revokeReason: string | null;
}

export interface ShipmentLinesTable {
  shipmentId: string;
  lineNo: number;
  lotId: string;
  quantityMilli: number;
  unit: string;
  state: string;
  receivedMilli: number | null;
  reason: string | null;
  settledAt: number | null;
}

export interface LedgerEntriesTable {
  id: string;
  /** What was committed: epcis-event, lot, party, product, document … (store/ledger-records.ts). */
  kind: string;
  /** The record's key in its table. */
  ref: string;
  salt: Uint8Array;
  /** recordCommitment (core/ledger/record-commitment.ts); the Merkle leaf is SHA-256(0x00 || commitment). */
  commitment: Uint8Array;
  /** The entry this one replaces (a change of master data, a revocation). */
  supersedes: string | null;
  createdAt: number;
  /** Position in the log; null until integrated. */
  logIndex: number | null;
  integratedAt: number | null;
}

/** One C2SP tlog-tiles tile of the tree and its subtrees' inner nodes (core/ledger/node-tile.ts). */
export interface LedgerTilesTable {
  /** Tile level L: tree levels 8·L … 8·L + 7. */
  level: number;
  /** Tile index N. */
  idx: number;
  nodes: Uint8Array;
}

export interface LedgerCheckpointsTable {
  size: number;
  root: Uint8Array;
  /** The signed note (C2SP signed-note with a tlog-checkpoint body), served as is. */
  note: string;
  createdAt: number;
}

/** Per configured witness: what the platform knows of its state (migration 0013). */
export interface LedgerWitnessesTable {
  name: string;
  /** The size the witness last cosigned, as it told us (200 or 409); null before the first answer. */
  witnessSize: number | null;
  /** The largest checkpoint size we hold this witness's cosignature for. */
  cosignedSize: number | null;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  updatedAt: number;
}

export interface LedgerCosignaturesTable {
  size: number;
  witness: string;
  /** The note signature line (C2SP tlog-cosignature v1.0.1, type 0x04), with its newline. */
  line: string;
  /** The cosignature's own timestamp, epoch ms. */
  signedAt: number;
  createdAt: number;
}

/** A witness's latest cosigned checkpoint of one log (tlog-witness: the only state it must keep). */
export interface WitnessLogsTable {
  origin: string;
  size: number;
  root: Uint8Array;
  note: string;
  updatedAt: number;
}

/** Evidence of a refused checkpoint inconsistent with the one the witness had cosigned. */
export interface WitnessForksTable {
  id: string;
  origin: string;
  cosignedSize: number;
  cosignedNote: string;
  presentedOldSize: number;
  presentedNote: string;
  /** The consistency proof that was sent, base64 lines. */
  proof: string;
  detail: string;
  source: string;
  detectedAt: number;
}

export interface EventsTable {
  /** Storage order; the key the index tables below refer to (short, unlike the event hash ID). */
  seq: Generated<number>;
  eventId: string;
  eventType: string;
  eventTime: number;
  recordTime: number;
  bizStep: string | null;
  disposition: string | null;
  partyId: string | null;
  /** "platform" (a /v1 action) or "epcis" (captured). */
  source: string;
  eventJson: string;
  /** EPCIS 2.0 §7.3.2 action (ADD, OBSERVE, DELETE); null for TransformationEvents. */
  action: string | null;
  /** readPoint and bizLocation ids in canonical form (GS1 keys as canonical Digital Link URIs). */
  readPoint: string | null;
  bizLocation: string | null;
  /** The capture job that stored it (EPCIS capture); null for platform actions. */
  captureId: string | null;
  /** The event hash ID (CBV 2.0 §8.9.2) when the event brought an eventID of its own; else null (= eventId). */
  hashId: string | null;
}

export interface EventEpcsTable {
  epc: string;
  eventSeq: number;
  /** epc, class, parent, child, childClass, input, inputClass, output, outputClass (see core/epcis/event-epcs.ts). */
  role: string;
}

/** Repeated fields an EPCIS query filters on (EPCIS 2.0 §8.2.7.1): bizTransaction, source, destination, ilmd. */
export interface EventFieldsTable {
  eventSeq: number;
  kind: string;
  /** The type (normalised CBV URI, or "" when absent) or the ILMD field's full name. */
  name: string;
  value: string;
}

/** The parties an event concerns, and in which role (owner, source, destination): who may read it. */
export interface EventPartiesTable {
  eventSeq: number;
  partyId: string;
  regionCode: string;
  role: string;
}

/** EPCIS 2.0 capture jobs (REST binding, `/capture/{captureID}`). */
export interface CaptureJobsTable {
  id: string;
  actor: string;
  partyId: string | null;
  createdAt: number;
  finishedAt: number | null;
  running: number;
  success: number;
  errorBehaviour: string;
  eventCount: number;
  storedCount: number;
  errorsJson: string;
}

export interface EpcisQueriesTable {
  name: string;
  queryJson: string;
  createdBy: string;
  createdAt: number;
}

export interface EpcisSubscriptionsTable {
  id: string;
  queryName: string;
  /** The webhook (outbox delivery) of a subscription with a `dest`; null for WebSocket subscriptions. */
  webhookId: string | null;
  dest: string | null;
  stream: number;
  scheduleJson: string | null;
  reportIfEmpty: number;
  initialRecordTime: number | null;
  /** Who subscribed: deliveries see only what that actor may read. */
  actorJson: string;
  createdBy: string;
  createdAt: number;
}

export interface IdempotencyKeysTable {
  actor: string;
  key: string;
  requestHash: string;
  statusCode: number;
  responseJson: string;
  createdAt: number;
}

export interface EventErrorDeclarationsTable {
  eventId: string;
  declaredAt: number;
  reason: string;
  note: string | null;
  declaredBy: string;
  declarationJson: string;
}

export interface RetainedSamplesTable {
  id: string;
  lotId: string;
  partyId: string;
  quantityMilli: number;
  unit: string;
  keptAt: string;
  keptUntil: string;
  createdAt: number;
}

export interface BlobsTable {
  sha256: string;
  bytes: Uint8Array;
  size: number;
  mediaType: string;
  createdAt: number;
}

export interface DocumentsTable {
  id: string;
  kind: string;
  title: string;
  sha256: string | null;
  issuedOn: string | null;
  issuer: string | null;
  fieldsJson: string | null;
  public: number;
  partyId: string;
  createdAt: number;
}

export interface DocumentLinksTable {
  documentId: string;
  targetType: string;
  targetId: string;
}

export interface WebhooksTable {
  id: string;
  partyId: string;
  url: string;
  /** The HMAC key, kept to sign; shown to the party once when the webhook is created. */
  secret: string;
  active: number;
  createdAt: number;
}

export interface OutboxTable {
  id: string;
  webhookId: string;
  topic: string;
  payloadJson: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

export interface RecallsTable {
  id: string;
  /** "producer" (the enterprise owning the lots) or "regulator". */
  initiatorKind: string;
  initiatorPartyId: string | null;
  /** The initiating regulator's GB/T 2260 region. */
  initiatorRegion: string | null;
  producerPartyId: string;
  /** I, II or III (一级/二级/三级, 食品召回管理办法 第十二条). */
  level: string;
  reason: string;
  /** What was asked: lots by code, or a product and production-date range. */
  criteriaJson: string;
  status: string;
  openedAt: number;
  openedBy: string;
  closedAt: number | null;
  closedBy: string | null;
  closeNote: string | null;
  eventId: string | null;
}

export interface RecallLotsTable {
  recallId: string;
  lotId: string;
  named: number;
}

export interface RecallTasksTable {
  id: string;
  recallId: string;
  partyId: string;
  lotId: string;
  heldMilli: number;
  inTransitMilli: number;
  returnedMilli: number;
  destroyedMilli: number;
  acknowledgedAt: number | null;
  stopSaleAt: number | null;
  createdAt: number;
}

export interface ComplaintsTable {
  id: string;
  code: string;
  targetType: string;
  targetId: string;
  partyId: string;
  regionCode: string;
  category: string;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  lang: string;
  status: string;
  createdAt: number;
}

export interface ScanCountsTable {
  lotId: string;
  /** Calendar day in China Standard Time, "YYYY-MM-DD". */
  day: string;
  regionCode: string;
  count: number;
}

/** The materialised public record of a lot (migration 0017-public-lots). */
export interface PublicLotsTable {
  traceKey: string;
  lotId: string;
  /** The PublicLotRecord as built, its expiry left out; null while its first build is under way. */
  recordJson: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  scanRegion: string | null;
  flagsUntil: string | null;
  /** Changes since the build (0: current). */
  dirty: number;
  builtAt: number;
}

export interface SamplingRecordsTable {
  id: string;
  sampleNo: string;
  productName: string;
  spec: string | null;
  producerName: string | null;
  producerCreditCode: string | null;
  traceCode: string | null;
  lotCode: string | null;
  productionDate: string | null;
  /** pass or fail. */
  result: string;
  failedItemsJson: string;
  agency: string;
  sampledOn: string | null;
  /** The importing regulator's region. */
  regionCode: string;
  importedAt: number;
  importedBy: string;
}

export interface SamplingMatchesTable {
  recordId: string;
  lotId: string;
  /** 0–100. */
  score: number;
  reasonsJson: string;
  /** candidate, confirmed or dismissed. */
  status: string;
  decidedAt: number | null;
  decidedBy: string | null;
  recallId: string | null;
}

export interface ExpiryNoticesTable {
  id: string;
  partyId: string;
  lotId: string;
  rule: string;
  expiryDate: string;
  daysLeft: number;
  quantityMilli: number;
  createdAt: number;
}

export interface Database {
  complaints: ComplaintsTable;
  scanCounts: ScanCountsTable;
  publicLots: PublicLotsTable;
  samplingRecords: SamplingRecordsTable;
  samplingMatches: SamplingMatchesTable;
  expiryNotices: ExpiryNoticesTable;
  recalls: RecallsTable;
  recallLots: RecallLotsTable;
  recallTasks: RecallTasksTable;
  webhooks: WebhooksTable;
  outbox: OutboxTable;
  blobs: BlobsTable;
  documents: DocumentsTable;
  documentLinks: DocumentLinksTable;
  retainedSamples: RetainedSamplesTable;
  eventErrorDeclarations: EventErrorDeclarationsTable;
  catalogue: CatalogueTable;
  products: ProductsTable;
  lots: LotsTable;
  lotInputs: LotInputsTable;
  holdings: HoldingsTable;
  movements: MovementsTable;
  shipments: ShipmentsTable;
  shipmentLines: ShipmentLinesTable;
  events: EventsTable;
  ledgerEntries: LedgerEntriesTable;
  ledgerTiles: LedgerTilesTable;
  ledgerCheckpoints: LedgerCheckpointsTable;
  ledgerWitnesses: LedgerWitnessesTable;
  ledgerCosignatures: LedgerCosignaturesTable;
  witnessLogs: WitnessLogsTable;
  witnessForks: WitnessForksTable;
  eventEpcs: EventEpcsTable;
  eventFields: EventFieldsTable;
  eventParties: EventPartiesTable;
  captureJobs: CaptureJobsTable;
  epcisQueries: EpcisQueriesTable;
  epcisSubscriptions: EpcisSubscriptionsTable;
  idempotencyKeys: IdempotencyKeysTable;
  parties: PartiesTable;
  codeSequences: CodeSequencesTable;
  codeBlocks: CodeBlocksTable;
  serialNumbers: SerialNumbersTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
}

/** A handle that is either the database or an open transaction: aggregate stores accept both. */
export type Db = Kysely<Database> | Transaction<Database>;
