import type { DocumentKind, DocumentTarget, TraceDocument } from "../core/documents/document.ts";
import { commitRecords } from "./ledger-store.ts";
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
  }
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
