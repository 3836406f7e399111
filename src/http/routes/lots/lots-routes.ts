import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { codeLots } from "../../../services/lots/code-lots.ts";
import { getLot } from "../../../services/lots/get-lot.ts";
import { idParams, problemResponses } from "../shared-schemas.ts";
import { presentLot } from "./lots-presenter.ts";
import { codeLotsBody, lotSchema } from "./lots-schemas.ts";

/** Coding (赋码): lots and their trace codes. */
export const lotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Lots (批次/赋码)"];
  app.post(
    "/v1/lots",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Code lots (many in one request; all or none)",
        body: codeLotsBody,
        response: { 201: Type.Object({ items: Type.Array(lotSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const coded = await codeLots(request.ctx, request.body);
      return reply
        .code(201)
        .send({ items: coded.map((c) => presentLot(c.lot, "full", request.ctx.settings.publicBaseUrl)) });
    },
  );
  app.get(
    "/v1/lots/:id",
    { schema: { tags, summary: "A lot", params: idParams, response: { 200: lotSchema, ...problemResponses } } },
    async (request) => {
      const { lot, view } = await getLot(request.ctx, request.params.id);
      return presentLot(lot, view, request.ctx.settings.publicBaseUrl);
    },
  );
};
