import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { fromMilli } from "../../../core/quantity.ts";
import { listExpiryNoticesFor } from "../../../services/holdings/list-expiry-notices.ts";
import { listStock } from "../../../services/holdings/list-stock.ts";
import { endOfChainKinds, recordEndOfChainUse } from "../../../services/holdings/record-end-of-chain.ts";
import { problemResponses, stringEnum } from "../shared-schemas.ts";

/** A party's stock (库存) and the end of a lot's chain there: sale, kitchen use, loss, destruction. */
export const stockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Stock (库存)"];
  app.get(
    "/v1/stock",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "What a party holds, lot by lot, with expiry status",
        querystring: Type.Object(
          { partyId: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                lotId: Type.String(),
                traceCode: Type.String(),
                lotCode: Type.String(),
                quantity: Type.Number(),
                unit: Type.String(),
                expiryDate: Type.Union([Type.String(), Type.Null()]),
                expired: Type.Boolean({
                  description: "Past its expiry date: may not be shipped, sold or used (过期阻断)",
                }),
                nearExpiry: Type.Boolean({
                  description: "Within the near-expiry window of its category's rule (临期)",
                }),
                daysLeft: Type.Union([Type.Integer(), Type.Null()], {
                  description: "Days to the expiry date (0 on the last good day, negative once expired)",
                }),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await listStock(request.ctx, request.query.partyId) }),
  );
  app.get(
    "/v1/stock/expiry-notices",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "A holder's near-expiry (临期预警) and expiry notices from the daily job, newest first",
        querystring: Type.Object(
          {
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            before: Type.Optional(Type.String({ maxLength: 64, description: "Notices older than this id" })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: stringEnum(["near-expiry", "expired"] as const),
                rule: Type.String({ description: "days:N, fraction:F or table; expired for an expiry notice" }),
                lotId: Type.String(),
                lotCode: Type.String(),
                traceCode: Type.String(),
                expiryDate: Type.String(),
                daysLeft: Type.Integer(),
                quantity: Type.Number({ description: "Held when the notice was given" }),
                unit: Type.String(),
                createdAt: Type.String({ format: "date-time" }),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: (await listExpiryNoticesFor(request.ctx, request.query)).map((n) => ({
        id: n.id,
        kind: n.rule === "expired" ? ("expired" as const) : ("near-expiry" as const),
        rule: n.rule,
        lotId: n.lotId,
        lotCode: n.lotCode,
        traceCode: `${request.ctx.settings.publicBaseUrl}/${n.traceKey}`,
        expiryDate: n.expiryDate,
        daysLeft: n.daysLeft,
        quantity: fromMilli(n.quantityMilli),
        unit: n.unit,
        createdAt: new Date(n.createdAt).toISOString(),
      })),
    }),
  );
  app.post(
    "/v1/stock/end-of-chain",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Record a retail sale, kitchen use, loss or destruction",
        body: Type.Object(
          {
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            kind: stringEnum(endOfChainKinds),
            traceCode: Type.String({ minLength: 1, maxLength: 512 }),
            quantity: Type.Number({ exclusiveMinimum: 0 }),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ eventId: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await recordEndOfChainUse(request.ctx, request.body)),
  );
};
