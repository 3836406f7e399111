import type { DocumentKind, DocumentTarget, TraceDocument } from "../core/documents/document.ts";
import { commitRecords } from "./ledger-store.ts";
import { markLotsDirty, markPartyLotsDirty, markShipmentLotsDirty } from "./public-lot-store.ts";
import type { Db } from "./schema.ts";

/** Stores a file once per content (SHA-256); a second upload of the same bytes reuses it. */
export async function putBlob(
  db: Db,
  b: { sha256: string; bytes: Buffer; mediaType: string; at: number },
): Promise<void> {
  await db
    .insertInto("blobs")
    .values({ sha256: b.sha256, bytes: b.bytes, size: b.bytes.length, mediaType: b.mediaType, createdAt: b.at })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}

export async function getBlob(db: Db, sha256: string): Promise<{ bytes: Buffer; mediaType: string } | undefined> {
  const row = await db
    .selectFrom("blobs")
    .select(["bytes", "mediaType"])
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row && { bytes: Buffer.from(row.bytes), mediaType: row.mediaType };
}

export async function insertDocument(db: Db, d: TraceDocument): Promise<void> {
  const row = {
    id: d.id,
    kind: d.kind,
    title: d.title,
    sha256: d.sha256,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    fieldsJson: d.fields ? JSON.stringify(d.fields) : null,
    public: d.public ? 1 : 0,
    partyId: d.partyId,
    createdAt: d.createdAt,
  };
  await db.insertInto("documents").values(row).execute();
  await commitRecords(db, "document", [row], row.createdAt);
  if (d.links.length > 0) {
    await db
      .insertInto("documentLinks")
      .values(d.links.map((l) => ({ documentId: d.id, targetType: l.type, targetId: l.id })))
      .execute();
    // Public papers show on the pages of the lots they concern (directly, by shipment, or by a party on the way).
    if (d.public) await markDocumentLotsDirty(db, d.links);
  }
}

async function markDocumentLotsDirty(db: Db, links: TraceDocument["links"]): Promise<void> {
  await markLotsDirty(
    db,
    links.filter((l) => l.type === "lot").map((l) => l.id),
  );
  await markShipmentLotsDirty(
    db,
    links.filter((l) => l.type === "shipment").map((l) => l.id),
  );
  for (const l of links) if (l.type === "party") await markPartyLotsDirty(db, l.id);
}

export async function findDocument(db: Db, id: string): Promise<TraceDocument | undefined> {
  const rows = await documentsWhere(db, [id]);
  return rows[0];
}

/** Documents linked to a lot, a party or a shipment, oldest first. */
export async function listDocumentsOf(db: Db, type: DocumentTarget, targetId: string): Promise<TraceDocument[]> {
  const ids = await db
    .selectFrom("documentLinks")
    .select("documentId")
    .where("targetType", "=", type)
    .where("targetId", "=", targetId)
    .execute();
  return documentsWhere(
    db,
    ids.map((r) => r.documentId),
  );
}

/** Documents linked to each of the given targets of one type, oldest first, by target id. */
export async function listDocumentsOfTargets(
  db: Db,
  type: DocumentTarget,
  targetIds: readonly string[],
): Promise<Map<string, TraceDocument[]>> {
  const out = new Map<string, TraceDocument[]>();
  if (targetIds.length === 0) return out;
  const ids = await db
    .selectFrom("documentLinks")
    .select("documentId")
    .where("targetType", "=", type)
    .where("targetId", "in", [...new Set(targetIds)])
    .execute();
  const wanted = new Set(targetIds);
  for (const d of await documentsWhere(db, [...new Set(ids.map((r) => r.documentId))])) {
    for (const l of d.links) {
      if (l.type !== type || !wanted.has(l.id)) continue;
      out.set(l.id, [...(out.get(l.id) ?? []), d]);
    }
  }
  return out;
}

async function documentsWhere(db: Db, ids: readonly string[]): Promise<TraceDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("documents")
    .leftJoin("blobs", "blobs.sha256", "documents.sha256")
    .selectAll("documents")
    .select(["blobs.mediaType", "blobs.size"])
    .where("documents.id", "in", [...ids])
    .orderBy("documents.createdAt")
    .execute();
  const links = await db
    .selectFrom("documentLinks")
    .selectAll()
    .where("documentId", "in", [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DocumentKind,
    title: r.title,
    sha256: r.sha256,
    mediaType: r.mediaType,
    size: r.size === null ? null : Number(r.size),
    issuedOn: r.issuedOn,
    issuer: r.issuer,
    fields: r.fieldsJson ? JSON.parse(r.fieldsJson) : null,
    public: Number(r.public) === 1,
    partyId: r.partyId,
    createdAt: Number(r.createdAt),
    links: links
      .filter((l) => l.documentId === r.id)
      .map((l) => ({ type: l.targetType as DocumentTarget, id: l.targetId })),
  }));
}
