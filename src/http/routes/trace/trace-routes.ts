import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { renderTraceReport } from "../../../services/trace/render-trace-report.ts";
import type { ReportLang } from "../../../services/trace/report-texts.ts";
import { traceBackward } from "../../../services/trace/trace-backward.ts";
import { traceForward } from "../../../services/trace/trace-forward.ts";
import { problemResponses } from "../shared-schemas.ts";
import { presentGraph, presentTrace } from "./trace-presenter.ts";
import { graphSchema, reportQuery, traceQuery, traceSchema } from "./trace-schemas.ts";

/** Backward trace (溯源) and forward trace (追踪): JSON, a graph, or a printable report. */
export const traceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Trace (溯源/追踪)"];
  const response = { 200: Type.Union([traceSchema, graphSchema]), ...problemResponses };
  const pick = (q: { code?: string; lotId?: string; partyId?: string }) => ({
    ...(q.code !== undefined ? { code: q.code } : {}),
    ...(q.lotId !== undefined ? { lotId: q.lotId } : {}),
    ...(q.partyId !== undefined ? { partyId: q.partyId } : {}),
  });

  app.get(
    "/v1/trace/backward",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Backward trace (溯源): every hop upstream to the farms, producers and first-station entries",
        querystring: traceQuery,
        response,
      },
    },
    async (request) => {
      const t = await traceBackward(request.ctx, pick(request.query));
      return request.query.format === "graph" ? presentGraph(t) : presentTrace(t, request.ctx.settings.publicBaseUrl);
    },
  );

  app.get(
    "/v1/trace/forward",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Forward trace (追踪): every downstream holder, output lots, quantities and shipments in transit",
        querystring: traceQuery,
        response,
      },
    },
    async (request) => {
      const t = await traceForward(request.ctx, pick(request.query));
      return request.query.format === "graph" ? presentGraph(t) : presentTrace(t, request.ctx.settings.publicBaseUrl);
    },
  );

  app.get(
    "/v1/trace/report",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Printable trace report (self-contained HTML; zh-CN unless ?lang=en or Accept-Language: en)",
        querystring: reportQuery,
        response: { 200: Type.String({ contentMediaType: "text/html" }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const t =
        q.direction === "backward"
          ? await traceBackward(request.ctx, pick(q))
          : await traceForward(request.ctx, pick(q));
      const lang: ReportLang = q.lang ?? (/^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "zh-CN");
      const html = renderTraceReport(t, {
        lang,
        base: request.ctx.settings.publicBaseUrl,
        now: request.ctx.clock.now(),
      });
      return reply.type("text/html; charset=utf-8").header("content-language", lang).send(html);
    },
  );
};
