import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { listAudit } from "../../../services/audit/list-audit.ts";
import { nextPageUrl } from "../pagination.ts";
import { pageQuery, problemResponses } from "../shared-schemas.ts";

const entry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: "date-time" }),
  actor: Type.String(),
  actorPartyId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  source: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

/** The audit trail: who did what, when, from where. Newest first. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/v1/audit",
    {
      config: { auth: "required" },
      schema: {
        tags: ["Operations"],
        summary: "Read the audit log (administrators)",
        querystring: Type.Object(
          {
            targetType: Type.Optional(Type.String({ maxLength: 40 })),
            targetId: Type.Optional(Type.String({ maxLength: 64 })),
            actor: Type.Optional(Type.String({ maxLength: 100 })),
            ...pageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(entry), next: Type.Union([Type.String(), Type.Null()]) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const rows = await listAudit(request.ctx, {
        ...filter,
        ...(cursor ? { beforeId: cursor } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const next = nextPageUrl(request, rows.length > limit ? (page.at(-1)?.id ?? null) : null);
      return { items: page.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), next };
    },
  );
};
