import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { revokeLot } from "../../../services/corrections/revoke-lot.ts";
import { revokeShipment } from "../../../services/corrections/revoke-shipment.ts";
import { presentLot } from "../lots/lots-presenter.ts";
import { lotSchema } from "../lots/lots-schemas.ts";
import { idParams, problemResponses } from "../shared-schemas.ts";
import { presentShipment } from "../shipments/shipments-presenter.ts";
import { shipmentSchema } from "../shipments/shipments-schemas.ts";

const body = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

/** Corrections never edit history: a revocation is a new record that references the mistaken one. */
export const correctionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Corrections (更正)"];
  app.post(
    "/v1/shipments/:id/revocation",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Revoke a shipment the buyer has not yet received",
        params: idParams,
        body,
        response: { 200: shipmentSchema, ...problemResponses },
      },
    },
    async (request) =>
      presentShipment(
        await revokeShipment(request.ctx, request.params.id, request.body.reason),
        request.ctx.settings.publicBaseUrl,
      ),
  );
  app.post(
    "/v1/lots/:id/revocation",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Revoke a coding while the lot has not moved",
        params: idParams,
        body,
        response: { 200: lotSchema, ...problemResponses },
      },
    },
    async (request) =>
      presentLot(
        await revokeLot(request.ctx, request.params.id, request.body.reason),
        "full",
        request.ctx.settings.publicBaseUrl,
      ),
  );
};
