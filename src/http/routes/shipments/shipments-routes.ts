import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { listInbox } from "../../../services/shipments/list-inbox.ts";
import { receiveShipment } from "../../../services/shipments/receive-shipment.ts";
import { rejectShipment } from "../../../services/shipments/reject-shipment.ts";
import { shipGoods } from "../../../services/shipments/ship-goods.ts";
import { problemResponses } from "../shared-schemas.ts";
import { presentShipment } from "./shipments-presenter.ts";
import { receiveBody, rejectBody, shipBody, shipmentSchema } from "./shipments-schemas.ts";

/** Shipping with trace vouchers (出库, 电子追溯单), scan-to-receive (扫码入库) and rejection (拒收). */
export const shipmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Shipments (出库/入库)"];
  const base = (ctx: { settings: { publicBaseUrl: string } }) => ctx.settings.publicBaseUrl;

  app.post(
    "/v1/shipments",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Ship goods and create the trace voucher",
        body: shipBody,
        response: { 201: shipmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { shipment } = await shipGoods(request.ctx, request.body);
      return reply.code(201).send(presentShipment(shipment, base(request.ctx)));
    },
  );

  app.get(
    "/v1/inbox",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Pending receipts (待收货), marked overdue after 2 calendar days",
        querystring: Type.Object(
          { partyId: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(shipmentSchema) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listInbox(request.ctx, request.query.partyId)).map((i) =>
        presentShipment(i.shipment, base(request.ctx), i.overdue),
      ),
    }),
  );

  app.post(
    "/v1/receipts",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Confirm receipt by scanning the voucher (all lines, or the ones named)",
        body: receiveBody,
        response: { 200: shipmentSchema, ...problemResponses },
      },
    },
    async (request) => presentShipment(await receiveShipment(request.ctx, request.body), base(request.ctx)),
  );

  app.post(
    "/v1/rejections",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Reject a voucher or some of its lines; the goods return to the shipper",
        body: rejectBody,
        response: { 200: shipmentSchema, ...problemResponses },
      },
    },
    async (request) => presentShipment(await rejectShipment(request.ctx, request.body), base(request.ctx)),
  );
};
