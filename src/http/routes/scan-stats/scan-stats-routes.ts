import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { ScanTally } from "../../../core/resolver/scan-tally.ts";
import type { Platform } from "../../../services/platform.ts";
import { readScanStats } from "../../../services/scans/read-scan-stats.ts";
import { recordScans } from "../../../services/scans/record-scans.ts";
import { problemResponses, regionCodeSchema } from "../shared-schemas.ts";

const date = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD (China Standard Time)" });

/** Consumer scan statistics per lot, day and district, for regulators (the consumer query rate). */
export const scanStatsRoutes: FastifyPluginAsyncTypebox<{ platform: Platform; scans: ScanTally }> = async (
  app,
  opts,
) => {
  app.get(
    "/v1/scan-stats",
    {
      config: { auth: "required" },
      schema: {
        tags: ["Scan statistics"],
        summary: "Public resolutions per lot, day and district (no personal data is kept)",
        querystring: Type.Object(
          {
            from: Type.Optional(date),
            to: Type.Optional(date),
            regionCode: Type.Optional(regionCodeSchema),
            lotId: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            regionCode: Type.Union([Type.String(), Type.Null()]),
            districts: Type.Array(
              Type.Object({ regionCode: Type.String(), scans: Type.Integer(), lots: Type.Integer() }),
            ),
            items: Type.Array(
              Type.Object({
                lotId: Type.String(),
                traceKey: Type.String(),
                day: Type.String(),
                regionCode: Type.String(),
                count: Type.Integer(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      // What this process counted but has not written yet is written first, so the answer is current.
      await recordScans(opts.platform, opts.scans);
      return readScanStats(request.ctx, request.query);
    },
  );
};
