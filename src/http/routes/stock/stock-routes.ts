import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
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
                expired: Type.Boolean(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await listStock(request.ctx, request.query.partyId) }),
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
