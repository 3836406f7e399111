import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { documentKinds, type TraceDocument } from "../../../core/documents/document.ts";
import { attachDocument } from "../../../services/documents/attach-document.ts";
import { getDocument, getDocumentFile, listDocuments } from "../../../services/documents/read-documents.ts";
import { idParams, problemResponses, stringEnum } from "../shared-schemas.ts";

const documentSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  sha256: Type.Union([Type.String(), Type.Null()]),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.Integer(), Type.Null()]),
  issuedOn: Type.Union([Type.String(), Type.Null()]),
  issuer: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  public: Type.Boolean(),
  partyId: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  links: Type.Array(Type.Object({ type: Type.String(), id: Type.String() })),
  fileUrl: Type.Union([Type.String(), Type.Null()]),
});
const present = (d: TraceDocument) => ({
  ...d,
  links: [...d.links],
  createdAt: new Date(d.createdAt).toISOString(),
  fileUrl: d.sha256 ? `/v1/documents/${d.id}/file` : null,
});

/** Papers attached to the chain: inspection reports, quick tests, commitment certificates, quarantine and customs. */
export const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Documents (单证)"];
  app.post(
    "/v1/documents",
    {
      config: { auth: "required", idempotent: true },
      // A 10 MiB file is about 13.4 MiB of base64.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: "Attach a document (file and/or structured fields) to lots, parties or shipments",
        body: Type.Object(
          {
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            kind: stringEnum(documentKinds),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            issuedOn: Type.Optional(Type.String({ format: "date" })),
            issuer: Type.Optional(Type.String({ maxLength: 200 })),
            public: Type.Boolean({ description: "Shown to consumers on the public trace page" }),
            fields: Type.Optional(
              Type.Record(Type.String(), Type.Unknown(), {
                description: "e.g. a quick test: items, method, result, tester",
              }),
            ),
            file: Type.Optional(
              Type.Object({ contentBase64: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
            ),
            links: Type.Array(
              Type.Union([
                Type.Object(
                  { type: Type.Literal("lot"), traceCode: Type.String({ minLength: 1, maxLength: 512 }) },
                  { additionalProperties: false },
                ),
                Type.Object(
                  { type: stringEnum(["party", "shipment"] as const), id: Type.String({ maxLength: 64 }) },
                  { additionalProperties: false },
                ),
              ]),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: documentSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(present(await attachDocument(request.ctx, request.body))),
  );
  app.get(
    "/v1/documents/:id",
    {
      schema: { tags, summary: "A document", params: idParams, response: { 200: documentSchema, ...problemResponses } },
    },
    async (request) => present(await getDocument(request.ctx, request.params.id)),
  );
  app.get(
    "/v1/documents/:id/file",
    { schema: { tags, summary: "A document's file", params: idParams } },
    async (request, reply) => {
      const f = await getDocumentFile(request.ctx, request.params.id);
      // Content-addressed: the bytes behind this URL never change.
      return reply
        .type(f.mediaType)
        .header("etag", `"${f.sha256}"`)
        .header("content-disposition", "inline")
        .send(f.bytes);
    },
  );
  app.get(
    "/v1/lots/:id/documents",
    {
      schema: {
        tags,
        summary: "Documents of a lot that the caller may see",
        params: idParams,
        response: { 200: Type.Object({ items: Type.Array(documentSchema) }) },
      },
    },
    async (request) => ({ items: (await listDocuments(request.ctx, "lot", request.params.id)).map(present) }),
  );
};
