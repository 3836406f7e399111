import { isOperator } from "../../core/auth/actor.ts";
import type { DocumentTarget, TraceDocument } from "../../core/documents/document.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion } from "../../core/ids/region-code.ts";
import { findDocument, getBlob, listDocumentsOf } from "../../store/document-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Who may read a document: anyone when it is public; otherwise the party that attached it, parties it is linked
 * to, operators, and the regulators of the attaching party's region.
 */
async function mayRead(ctx: ServiceContext, d: TraceDocument): Promise<boolean> {
  const a = ctx.actor;
  if (d.public || isOperator(a)) return true;
  if (a.kind === "enterprise")
    return a.partyId === d.partyId || d.links.some((l) => l.type === "party" && l.id === a.partyId);
  if (a.kind === "regulator") {
    const owner = await findPartyById(ctx.store.db, d.partyId);
    return !!owner && isWithinRegion(a.regionCode, owner.regionCode);
  }
  return false;
}

export async function getDocument(ctx: ServiceContext, id: string): Promise<TraceDocument> {
  const d = await findDocument(ctx.store.db, id);
  // Not visible and not existing look the same: a private document's existence is not disclosed.
  if (!d || !(await mayRead(ctx, d)))
    throw new AppError("not-found", `no document with id ${id}`, { pointer: "/params/id" });
  return d;
}

export async function getDocumentFile(
  ctx: ServiceContext,
  id: string,
): Promise<{ bytes: Buffer; mediaType: string; sha256: string }> {
  const d = await getDocument(ctx, id);
  const blob = d.sha256 ? await getBlob(ctx.store.db, d.sha256) : undefined;
  if (!blob || !d.sha256) throw new AppError("not-found", "this document has no file", { pointer: "/params/id" });
  return { ...blob, sha256: d.sha256 };
}

export async function listDocuments(
  ctx: ServiceContext,
  type: DocumentTarget,
  targetId: string,
): Promise<TraceDocument[]> {
  const all = await listDocumentsOf(ctx.store.db, type, targetId);
  const visible: TraceDocument[] = [];
  for (const d of all) if (await mayRead(ctx, d)) visible.push(d);
  return visible;
}
