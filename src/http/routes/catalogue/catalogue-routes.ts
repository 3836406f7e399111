import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { listCatalogue, saveCategory } from "../../../services/catalogue/catalogue.ts";
import { problemResponses } from "../shared-schemas.ts";

const category = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  nameZh: Type.String(),
  nameEn: Type.String(),
  keyVariety: Type.Boolean({ description: "Key variety (重点品种)" }),
  sort: Type.Integer(),
});

/** The trace catalogue (追溯目录): public to read, edited by operators. */
export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Catalogue (追溯目录)"];
  app.get(
    "/v1/catalogue",
    {
      schema: {
        tags,
        summary: "Categories and varieties",
        response: { 200: Type.Object({ items: Type.Array(category) }) },
      },
    },
    async (request) => ({
      items: await listCatalogue(request.ctx),
    }),
  );
  app.put(
    "/v1/catalogue/:code",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Add or change a category or variety (administrators)",
        params: Type.Object({ code: Type.String({ maxLength: 80 }) }),
        body: Type.Object(
          {
            parentCode: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
            nameZh: Type.String({ minLength: 1, maxLength: 100 }),
            nameEn: Type.String({ minLength: 1, maxLength: 100 }),
            keyVariety: Type.Boolean(),
            sort: Type.Integer({ default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: category, ...problemResponses },
      },
    },
    async (request) => saveCategory(request.ctx, { code: decodeURIComponent(request.params.code), ...request.body }),
  );
};
