import { createHash } from "node:crypto";
import { isOperator } from "../../core/auth/actor.ts";
import type { DocumentKind, DocumentTarget, TraceDocument } from "../../core/documents/document.ts";
import { sniffMediaType } from "../../core/documents/file-type.ts";
import { AppError } from "../../core/errors.ts";
import { insertDocument, putBlob } from "../../store/document-store.ts";
import { findHolding } from "../../store/holding-store.ts";
import type { Db } from "../../store/schema.ts";
import { findShipmentById } from "../../store/shipment-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";

/** Largest accepted file: scans of papers and test reports fit easily; anything bigger is a mistake or abuse. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface AttachDocumentInput {
  partyId?: string;
  kind: DocumentKind;
  title: string;
  issuedOn?: string;
  issuer?: string;
  public: boolean;
  fields?: Record<string, unknown>;
  file?: { contentBase64: string };
  links: ({ type: "lot"; traceCode: string } | { type: "party" | "shipment"; id: string })[];
}

/**
 * Attaches a document (a file, structured fields, or both) to lots, parties or shipments the party is part of.
 * The file is stored once by its SHA-256 and type-checked by its bytes; record, file and links in one transaction.
 */
export async function attachDocument(ctx: ServiceContext, input: AttachDocumentInput): Promise<TraceDocument> {
  const partyId = actingPartyId(ctx, input.partyId);
  let file: { bytes: Buffer; sha256: string; mediaType: string } | undefined;
  if (input.file) {
    const bytes = Buffer.from(input.file.contentBase64, "base64");
    if (bytes.length === 0)
      throw new AppError("validation-failed", "the file is empty or not base64", {
        pointer: "/body/file/contentBase64",
      });
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new AppError("file-too-large", `files are at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`, {
        pointer: "/body/file/contentBase64",
      });
    }
    const mediaType = sniffMediaType(bytes);
    if (!mediaType)
      throw new AppError("unsupported-file-type", "upload a PDF, PNG, JPEG or WebP file", {
        pointer: "/body/file/contentBase64",
      });
    file = { bytes, mediaType, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  if (!file && !input.fields)
    throw new AppError("validation-failed", "a document needs a file, structured fields, or both", {
      pointer: "/body",
    });

  return ctx.store.transaction(async (tx) => {
    const links: { type: DocumentTarget; id: string }[] = [];
    for (const [i, l] of input.links.entries()) {
      links.push(await checkedLink(tx, ctx, partyId, l, `/body/links/${i}`));
    }
    const now = ctx.clock.now();
    if (file) await putBlob(tx, { sha256: file.sha256, bytes: file.bytes, mediaType: file.mediaType, at: now });
    const doc: TraceDocument = {
      id: ctx.newId(),
      kind: input.kind,
      title: input.title.trim(),
      sha256: file?.sha256 ?? null,
      mediaType: file?.mediaType ?? null,
      size: file?.bytes.length ?? null,
      issuedOn: input.issuedOn ?? null,
      issuer: input.issuer?.trim() || null,
      fields: input.fields ?? null,
      public: input.public,
      partyId,
      createdAt: now,
      links,
    };
    await insertDocument(tx, doc);
    await recordAudit(
      tx,
      ctx,
      "document.attach",
      { type: "document", id: doc.id },
      { kind: doc.kind, sha256: doc.sha256, links },
    );
    return doc;
  });
}

/** A party links papers to what it is part of: its own record, lots it coded or holds, shipments it sent or got. */
async function checkedLink(
  tx: Db,
  ctx: ServiceContext,
  partyId: string,
  l: AttachDocumentInput["links"][number],
  pointer: string,
): Promise<{ type: DocumentTarget; id: string }> {
  const operator = isOperator(ctx.actor);
  if (l.type === "lot") {
    const lot = await resolveTraceCode(tx, ctx, l.traceCode, `${pointer}/traceCode`);
    if (!operator && lot.partyId !== partyId && (await findHolding(tx, lot.id, partyId)) === 0) {
      throw new AppError("forbidden", "attach papers to lots you coded or hold", { pointer });
    }
    return { type: "lot", id: lot.id };
  }
  if (l.type === "party") {
    if (!operator && l.id !== partyId)
      throw new AppError("forbidden", "attach papers to your own party only", { pointer });
    return { type: "party", id: l.id };
  }
  const s = await findShipmentById(tx, l.id);
  if (!s) throw new AppError("not-found", `no shipment with id ${l.id}`, { pointer });
  const receiver = s.receiver.kind === "party" ? s.receiver.partyId : null;
  if (!operator && s.shipperPartyId !== partyId && receiver !== partyId)
    throw new AppError("forbidden", "attach papers to your own shipments", { pointer });
  return { type: "shipment", id: s.id };
}
