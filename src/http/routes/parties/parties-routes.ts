import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { PartyKind } from "../../../core/parties/party.ts";
import { getParty } from "../../../services/parties/get-party.ts";
import { listPartiesFor } from "../../../services/parties/list-parties.ts";
import { registerParty } from "../../../services/parties/register-party.ts";
import { updatePartyRecord } from "../../../services/parties/update-party.ts";
import { nextPageUrl } from "../pagination.ts";
import { idParams, problemResponses } from "../shared-schemas.ts";
import { presentParty } from "./parties-presenter.ts";
import { createPartyBody, listPartiesQuery, partyPageSchema, partySchema, updatePartyBody } from "./parties-schemas.ts";

const tags = ["Parties (主体)"];

/** The party registry (enterprise e-archive, 企业电子档案). Handlers: schema → service → presenter. */
export const partiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const today = () => new Date().toISOString().slice(0, 10);

  app.post(
    "/v1/parties",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Register a party",
        body: createPartyBody,
        response: { 201: partySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const party = await registerParty(request.ctx, request.body, "/body");
      reply.code(201).header("location", `/v1/parties/${party.id}`);
      return presentParty({ party, view: "full" }, request.ctx, today());
    },
  );

  app.get(
    "/v1/parties",
    {
      schema: {
        tags,
        summary: "List parties (regulators: their region only)",
        querystring: listPartiesQuery,
        response: { 200: partyPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = await listPartiesFor(request.ctx, {
        ...(q.regionCode ? { regionCode: q.regionCode } : {}),
        ...(q.kind ? { kind: q.kind as PartyKind } : {}),
        ...(q.keyParty !== undefined ? { keyParty: q.keyParty } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
      });
      const next = nextPageUrl(request, page.nextCursor);
      if (next) reply.header("link", `<${next}>; rel="next"`);
      return { items: page.items.map((p) => presentParty(p, request.ctx, today())), next };
    },
  );

  app.get(
    "/v1/parties/:id",
    { schema: { tags, summary: "Get a party", params: idParams, response: { 200: partySchema, ...problemResponses } } },
    async (request) => presentParty(await getParty(request.ctx, request.params.id), request.ctx, today()),
  );

  app.patch(
    "/v1/parties/:id",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Change a party (fields left out keep their value)",
        params: idParams,
        body: updatePartyBody,
        response: { 200: partySchema, ...problemResponses },
      },
    },
    async (request) => {
      const party = await updatePartyRecord(request.ctx, request.params.id, request.body);
      return presentParty({ party, view: "full" }, request.ctx, today());
    },
  );
};
