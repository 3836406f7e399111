import type { FastifyPluginAsync } from "fastify";
import { exportFsma204 } from "../../../services/epcis/export-fsma.ts";

/** FSMA 204 electronic sortable spreadsheet of the events the caller may read (not part of the EPCIS binding). */
export const epcisFsmaRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { lot?: string; from?: string; to?: string; format?: "csv" | "xlsx" } }>(
    "/fsma204",
    {
      config: { auth: "required" },
      schema: {
        tags: ["EPCIS 2.0 top-level resources"],
        summary: "FSMA 204 sortable spreadsheet (CSV or XLSX) for a lot (trace code) or a date range",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            lot: { type: "string", maxLength: 500 },
            from: { type: "string", maxLength: 10 },
            to: { type: "string", maxLength: 10 },
            format: { type: "string", enum: ["csv", "xlsx"], default: "xlsx" },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const out = await exportFsma204(request.ctx, {
        ...(q.lot ? { lot: q.lot } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        format: q.format ?? "xlsx",
      });
      return reply
        .type(out.contentType)
        .header("content-disposition", `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
};
