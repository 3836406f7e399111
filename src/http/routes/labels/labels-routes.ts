import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { renderBarcode } from "../../../services/labels/render-barcode.ts";
import { renderLabels } from "../../../services/labels/render-labels.ts";
import { problemResponses } from "../shared-schemas.ts";
import { barcodeParams, barcodeQuery, imageResponse, labelsBody, labelsResponse } from "./labels-schemas.ts";

const tags = ["Labels (标签)"];

export interface LabelsRoutesOptions {
  /** Base of the Digital Link URIs built from element strings (the platform's public URL). */
  readonly digitalLinkBase?: string;
}

/** Barcodes and printable labels of trace codes. Handlers: schema → service → reply. */
export const labelsRoutes: FastifyPluginAsyncTypebox<LabelsRoutesOptions> = async (app, opts) => {
  const digitalLinkBase = opts.digitalLinkBase;

  app.get(
    "/v1/barcodes/:symbology",
    {
      schema: {
        tags,
        summary: "A barcode of a trace code (QR: Digital Link; GS1 DataMatrix, GS1-128: element strings)",
        params: barcodeParams,
        querystring: barcodeQuery,
        response: { 200: imageResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { data, format = "svg", scale } = request.query;
      const barcode = await renderBarcode(
        { symbology: request.params.symbology, data, format, ...(scale ? { scale } : {}) },
        { pointer: "/query/data", ...(digitalLinkBase ? { digitalLinkBase } : {}) },
      );
      // The image is a pure function of the URL: any cache may keep it for good.
      reply.header("cache-control", "public, max-age=31536000, immutable");
      return reply.type(barcode.contentType).send(barcode.body);
    },
  );

  app.post(
    "/v1/labels",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Printable labels (PDF: a page per label, or A4 sheets; SVG: one label)",
        body: labelsBody,
        response: { 200: labelsResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const labels = await renderLabels(request.body, {
        pointer: "/body",
        ...(digitalLinkBase ? { digitalLinkBase } : {}),
      });
      const file = `labels.${request.body.format}`;
      reply.header("content-disposition", `inline; filename="${file}"`).header("cache-control", "no-store");
      return reply.type(labels.contentType).send(labels.body);
    },
  );
};
