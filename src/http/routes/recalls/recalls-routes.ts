import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { acknowledgeRecallTask } from "../../../services/recalls/acknowledge-recall-task.ts";
import { closeRecall } from "../../../services/recalls/close-recall.ts";
import { getRecall, listRecallsFor } from "../../../services/recalls/get-recall.ts";
import { listRecallTasks } from "../../../services/recalls/list-recall-tasks.ts";
import { openRecall } from "../../../services/recalls/open-recall.ts";
import { stopSaleRecallTask } from "../../../services/recalls/stop-sale-recall-task.ts";
import { idParams, problemResponses } from "../shared-schemas.ts";
import { presentRecall, presentRecallView, presentTask } from "./recalls-presenter.ts";
import {
  closeRecallBody,
  inboxItemSchema,
  openRecallBody,
  recallDetailSchema,
  recallSchema,
  taskSchema,
} from "./recalls-schemas.ts";

/**
 * Recalls (召回): opened by the producer or a regulator, scoped by the forward trace, one task per holder; holders
 * acknowledge and stop sale here, and recover stock by destroying it (POST /v1/stock/end-of-chain, destruction)
 * or shipping it back to the lot's producer (POST /v1/shipments). Only a regulator closes a recall.
 */
export const recallsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["Recalls (召回)"];
  const base = (ctx: { settings: { publicBaseUrl: string } }) => ctx.settings.publicBaseUrl;

  app.post(
    "/v1/recalls",
    {
      config: { auth: "required", idempotent: true },
      schema: {
        tags,
        summary: "Open a recall of lots, or of all lots of a product produced in a date range",
        body: openRecallBody,
        response: { 201: recallDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const r = await openRecall(request.ctx, request.body);
      return reply.code(201).send(presentRecallView(await getRecall(request.ctx, r.id), base(request.ctx)));
    },
  );

  app.get(
    "/v1/recalls",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Recalls: a regulator's region, an enterprise's own",
        response: { 200: Type.Object({ items: Type.Array(recallSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listRecallsFor(request.ctx)).map(presentRecall) }),
  );

  app.get(
    "/v1/recalls/tasks",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "The acting party's recall tasks (召回通知): open recalls unless all=true",
        querystring: Type.Object(
          { partyId: Type.Optional(Type.String({ maxLength: 64 })), all: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(inboxItemSchema) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listRecallTasks(request.ctx, request.query)).map((i) => ({
        task: presentTask(i.task),
        recall: presentRecall(i.recall),
      })),
    }),
  );

  app.get(
    "/v1/recalls/:id",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "A recall: scope, tasks and progress (recovered against distributed)",
        params: idParams,
        response: { 200: recallDetailSchema, ...problemResponses },
      },
    },
    async (request) => presentRecallView(await getRecall(request.ctx, request.params.id), base(request.ctx)),
  );

  app.post(
    "/v1/recalls/:id/close",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Close a recall (regulators only)",
        params: idParams,
        body: closeRecallBody,
        response: { 200: recallSchema, ...problemResponses },
      },
    },
    async (request) => presentRecall(await closeRecall(request.ctx, request.params.id, request.body.note)),
  );

  for (const [action, run, summary] of [
    ["acknowledge", acknowledgeRecallTask, "Acknowledge a recall notice (签收)"],
    ["stop-sale", stopSaleRecallTask, "Report sale stopped and goods set aside (停止销售)"],
  ] as const) {
    app.post(
      `/v1/recalls/tasks/:id/${action}`,
      {
        config: { auth: "required" },
        schema: { tags, summary, params: idParams, response: { 200: taskSchema, ...problemResponses } },
      },
      async (request) => presentTask(await run(request.ctx, request.params.id)),
    );
  }
};
