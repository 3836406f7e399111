import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { weightedC } from "../../../core/evaluation/evaluation-model.ts";
import { reportIntegrity } from "../../../services/evaluation/report-integrity.ts";
import { problemResponses } from "../shared-schemas.ts";
import { integrityQuery, integritySchema } from "./integrity-schemas.ts";

/** Chain integrity per district (赋码率 / 扫码率 inputs of the Zhejiang 2024 evaluation model), for regulators. */
export const integrityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/v1/integrity",
    {
      config: { auth: "required" },
      schema: {
        tags: ["Supervision (监管)"],
        summary: "Coding and scanning integrity per district of a region over a period",
        querystring: integrityQuery,
        response: { 200: integritySchema, ...problemResponses },
      },
    },
    async (request) => {
      const r = await reportIntegrity(request.ctx, request.query);
      return {
        ...r,
        notCounted: "b (offline inspection findings), g and h (discretionary) are not in the trace data: counted as 0",
        districts: r.districts.map((d) => ({
          regionCode: d.regionCode,
          name: d.name,
          coding: {
            N: d.coding.N,
            a: d.coding.a,
            c: { inside: d.coding.cInside, outside: d.coding.cOutside, weighted: weightedC(d.coding) },
            f: d.coding.f,
            rank: d.coding.rank,
            rate: d.coding.rate,
          },
          scanning: { ...d.scanning },
        })),
      };
    },
  );
};
