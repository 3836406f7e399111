import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { decideSamplingMatch } from "../../../services/sampling/decide-sampling-match.ts";
import { importSampling } from "../../../services/sampling/import-sampling.ts";
import { getSampling, listSampling } from "../../../services/sampling/read-sampling.ts";
import { presentRecall } from "../recalls/recalls-presenter.ts";
import { idParams, problemResponses } from "../shared-schemas.ts";
import { presentImportReport, presentSampling } from "./sampling-presenter.ts";
import {
  confirmBody,
  decisionSchema,
  importBody,
  importReportSchema,
  listQuery,
  matchParams,
  samplingSchema,
} from "./sampling-schemas.ts";

/**
 * Official sampling results (抽检): regulators import an agency's results (CSV or JSON), see each failing record's
 * candidate lots with score and reasons, and confirm one — ordering its recall in the same step — or dismiss it.
 */
export const samplingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Sampling (抽检)"];
  const base = (ctx: { settings: { publicBaseUrl: string } }) => ctx.settings.publicBaseUrl;

  app.post(
    "/v1/sampling/import",
    {
      config: { auth: "required", idempotent: true },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import sampling results and match failing ones to lots (regulators)",
        body: importBody,
        response: { 201: importReportSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentImportReport(await importSampling(request.ctx, request.body))),
  );

  app.get(
    "/v1/sampling",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Sampling records of the regulator's region, newest first, with candidate lots",
        querystring: listQuery,
        response: { 200: Type.Object({ items: Type.Array(samplingSchema) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listSampling(request.ctx, request.query)).map((v) => presentSampling(v, base(request.ctx))),
    }),
  );

  app.get(
    "/v1/sampling/:id",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "A sampling record with its candidate lots",
        params: idParams,
        response: { 200: samplingSchema, ...problemResponses },
      },
    },
    async (request) => presentSampling(await getSampling(request.ctx, request.params.id), base(request.ctx)),
  );

  app.post(
    "/v1/sampling/:id/matches/:lotId/confirm",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Confirm the sampled lot; with `recall`, order its recall in the same step",
        params: matchParams,
        body: confirmBody,
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const d = await decideSamplingMatch(request.ctx, {
        recordId: request.params.id,
        lotId: request.params.lotId,
        decision: "confirm",
        ...(request.body.recall ? { recall: request.body.recall } : {}),
      });
      return { status: d.status, recall: d.recall && presentRecall(d.recall) };
    },
  );

  app.post(
    "/v1/sampling/:id/matches/:lotId/dismiss",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Dismiss a candidate lot: not the one sampled",
        params: matchParams,
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const d = await decideSamplingMatch(request.ctx, {
        recordId: request.params.id,
        lotId: request.params.lotId,
        decision: "dismiss",
      });
      return { status: d.status, recall: null };
    },
  );
};
