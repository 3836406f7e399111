import type { AuditLogTable, Db } from "./schema.ts";

export interface AuditEntry {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly actorPartyId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>> | null;
  readonly source: string;
  readonly requestId: string | null;
  readonly userAgent: string | null;
}

export async function insertAuditEntry(db: Db, e: AuditEntry): Promise<void> {
  const { details, ...rest } = e;
  await db
    .insertInto("auditLog")
    .values({ ...rest, detailsJson: details ? JSON.stringify(details) : null })
    .execute();
}

export interface AuditFilter {
  readonly targetType?: string;
  readonly targetId?: string;
  readonly actor?: string;
  /** Newest first; keyset on id (time-ordered). */
  readonly beforeId?: string;
  readonly limit: number;
}

export async function listAuditEntries(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
  let q = db.selectFrom("auditLog").selectAll();
  if (f.targetType) q = q.where("targetType", "=", f.targetType);
  if (f.targetId) q = q.where("targetId", "=", f.targetId);
  if (f.actor) q = q.where("actor", "=", f.actor);
  if (f.beforeId) q = q.where("id", "<", f.beforeId);
  const rows = await q.orderBy("id", "desc").limit(f.limit).execute();
  return rows.map(fromRow);
}

function fromRow(r: AuditLogTable): AuditEntry {
  const { detailsJson, ...rest } = r;
  return Object.freeze({ ...rest, at: Number(r.at), details: detailsJson ? JSON.parse(detailsJson) : null });
}
