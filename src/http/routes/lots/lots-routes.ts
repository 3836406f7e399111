import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { fromMilli } from "../../../core/quantity.ts";
import { labelFormats, labelLayouts, labelLocales, labelSizes } from "../../../services/labels/label-data.ts";
import { renderLotLabel } from "../../../services/labels/render-lot-label.ts";
import { codeLots } from "../../../services/lots/code-lots.ts";
import { getLot } from "../../../services/lots/get-lot.ts";
import { reportFirstStation } from "../../../services/lots/report-first-station.ts";
import { listSamples, retainSample } from "../../../services/lots/retain-sample.ts";
import type { RetainedSample } from "../../../store/sample-store.ts";
import { idParams, problemResponses, stringEnum } from "../shared-schemas.ts";
import { presentLot } from "./lots-presenter.ts";
import { codeLotsBody, firstStationBody, lotSchema } from "./lots-schemas.ts";

/** Coding (赋码): lots and their trace codes. */
export const lotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Lots (批次/赋码)"];
  app.post(
    "/v1/lots",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Code lots (many in one request; all or none)",
        body: codeLotsBody,
        response: { 201: Type.Object({ items: Type.Array(lotSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const coded = await codeLots(request.ctx, request.body);
      return reply
        .code(201)
        .send({ items: coded.map((c) => presentLot(c.lot, "full", request.ctx.settings.publicBaseUrl)) });
    },
  );
  app.post(
    "/v1/lots/first-station",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "First-station report (首站报备): register goods that entered from outside the platform",
        body: firstStationBody,
        response: { 201: lotSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lot } = await reportFirstStation(request.ctx, request.body);
      return reply.code(201).send(presentLot(lot, "full", request.ctx.settings.publicBaseUrl));
    },
  );
  app.get(
    "/v1/lots/:id",
    { schema: { tags, summary: "A lot", params: idParams, response: { 200: lotSchema, ...problemResponses } } },
    async (request) => {
      const { lot, view } = await getLot(request.ctx, request.params.id);
      return presentLot(lot, view, request.ctx.settings.publicBaseUrl);
    },
  );

  app.get(
    "/v1/lots/:id/label",
    {
      schema: {
        tags,
        summary: "The lot's printable label (PDF or SVG), with its QR code",
        params: idParams,
        querystring: Type.Object(
          {
            size: Type.Optional(stringEnum(labelSizes, "70x50 (default) or 50x30 mm")),
            layout: Type.Optional(stringEnum(labelLayouts, "roll (default: a page per label) or sheet (A4)")),
            format: Type.Optional(stringEnum(labelFormats, "pdf (default) or svg")),
            locale: Type.Optional(stringEnum(labelLocales, "zh-CN (default) or en")),
            copies: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: "The label",
            content: {
              "application/pdf": { schema: { type: "string", format: "binary" } },
              "image/svg+xml": { schema: { type: "string" } },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const out = await renderLotLabel(request.ctx, request.params.id, {
        size: q.size ?? "70x50",
        layout: q.layout ?? "roll",
        format: q.format ?? "pdf",
        locale: q.locale ?? "zh-CN",
        copies: q.copies,
      });
      return reply.type(out.contentType).send(out.body);
    },
  );

  const sample = Type.Object({
    id: Type.String(),
    lotId: Type.String(),
    partyId: Type.String(),
    quantity: Type.Number(),
    unit: Type.String(),
    keptAt: Type.String(),
    keptUntil: Type.String(),
  });
  const presentSample = (s: RetainedSample) => ({
    id: s.id,
    lotId: s.lotId,
    partyId: s.partyId,
    quantity: fromMilli(s.quantityMilli),
    unit: s.unit,
    keptAt: s.keptAt,
    keptUntil: s.keptUntil,
  });
  app.post(
    "/v1/lots/:id/samples",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Record a retained sample (留样) of a lot",
        params: idParams,
        body: Type.Object(
          {
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            quantity: Type.Number({ exclusiveMinimum: 0 }),
            keptAt: Type.String({ minLength: 1, maxLength: 200, description: "Where the sample is kept" }),
            keptUntil: Type.String({ format: "date" }),
          },
          { additionalProperties: false },
        ),
        response: { 201: sample, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentSample(await retainSample(request.ctx, request.params.id, request.body))),
  );
  app.get(
    "/v1/lots/:id/samples",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Retained samples of a lot",
        params: idParams,
        response: { 200: Type.Object({ items: Type.Array(sample) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listSamples(request.ctx, request.params.id)).map(presentSample) }),
  );
};
