import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { registerWebhook } from "../../../services/webhooks/register-webhook.ts";
import { problemResponses } from "../shared-schemas.ts";

/** A party's webhook endpoints: notices of new pending receipts, confirmations, rejections and recalls (recall.opened). */
export const webhooksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/v1/webhooks",
    {
      config: { auth: "required" },
      schema: {
        tags: ["Webhooks"],
        summary: "Register a webhook endpoint; the signing secret is in this response only",
        description:
          "Each delivery is a JSON POST with headers suyuan-topic, suyuan-delivery (unique id; deliveries may repeat) and " +
          "suyuan-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>' keyed with the secret>. Answer 2xx; " +
          "anything else is retried with exponential backoff (10 s doubling, at most 1 h apart, 20 attempts).",
        body: Type.Object(
          {
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            url: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), partyId: Type.String(), url: Type.String(), secret: Type.String() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const w = await registerWebhook(request.ctx, request.body);
      return reply
        .code(201)
        .header("cache-control", "no-store")
        .send({ id: w.id, partyId: w.partyId, url: w.url, secret: w.secret });
    },
  );
};
