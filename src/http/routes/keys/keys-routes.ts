import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { roles } from "../../../core/auth/actor.ts";
import { createApiKey } from "../../../services/keys/create-api-key.ts";
import { listKeys } from "../../../services/keys/list-api-keys.ts";
import { revokeKey } from "../../../services/keys/revoke-api-key.ts";
import type { ApiKeyRecord } from "../../../store/api-key-store.ts";
import { idParams, problemResponses, regionCodeSchema, stringEnum } from "../shared-schemas.ts";

const tags = ["API keys"];
const keySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  partyId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  createdBy: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const present = (k: ApiKeyRecord) => ({
  ...k,
  createdAt: iso(k.createdAt) as string,
  revokedAt: iso(k.revokedAt),
  lastUsedAt: iso(k.lastUsedAt),
});

/** Key management for administrators (the same services as `suyuan keys`). */
export const keysRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/v1/api-keys",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Issue an API key (the secret is in this response only)",
        body: Type.Object(
          {
            role: stringEnum(roles),
            partyId: Type.Optional(Type.String({ maxLength: 64 })),
            regionCode: Type.Optional(regionCodeSchema),
            name: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([keySchema, Type.Object({ secret: Type.String() })]), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { key, secret } = await createApiKey(request.ctx, request.body);
      reply.code(201).header("cache-control", "no-store");
      return { ...present(key), secret };
    },
  );

  app.get(
    "/v1/api-keys",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "List API keys",
        response: { 200: Type.Object({ items: Type.Array(keySchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listKeys(request.ctx)).map(present) }),
  );

  app.delete(
    "/v1/api-keys/:id",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Revoke an API key (effective at once)",
        params: idParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeKey(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
