import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { getProduct, listProducts } from "../../../services/products/list-products.ts";
import { registerProduct } from "../../../services/products/register-product.ts";
import { nextPageUrl } from "../pagination.ts";
import { idParams, pageQuery, problemResponses } from "../shared-schemas.ts";
import { registerProductBody } from "./products-schemas.ts";

const product = Type.Object({
  id: Type.String(),
  partyId: Type.String(),
  name: Type.String(),
  spec: Type.Union([Type.String(), Type.Null()]),
  unit: Type.String(),
  categoryCode: Type.String(),
  shelfLifeDays: Type.Union([Type.Integer(), Type.Null()]),
  gtin: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
});
const present = ({ createdAt: _c, updatedAt: _u, version: _v, ...p }: Awaited<ReturnType<typeof getProduct>>) => p;

/** Products of a party: what its lots are lots of. Public information (it appears on consumer pages). */
export const productsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Products (产品)"];
  app.post(
    "/v1/products",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Register a product",
        body: registerProductBody,
        response: { 201: product, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(present(await registerProduct(request.ctx, request.body))),
  );
  app.get(
    "/v1/products",
    {
      schema: {
        tags,
        summary: "Products of a party",
        querystring: Type.Object(
          { partyId: Type.String({ maxLength: 64 }), ...pageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(product), next: Type.Union([Type.String(), Type.Null()]) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const page = await listProducts(request.ctx, request.query.partyId, request.query.cursor, request.query.limit);
      return { items: page.items.map(present), next: nextPageUrl(request, page.nextCursor) };
    },
  );
  app.get(
    "/v1/products/:id",
    { schema: { tags, summary: "A product", params: idParams, response: { 200: product, ...problemResponses } } },
    async (request) => present(await getProduct(request.ctx, request.params.id)),
  );
};
