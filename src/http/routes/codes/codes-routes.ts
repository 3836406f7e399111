import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { issueGtins } from "../../../services/codes/issue-gtins.ts";
import { issueSerials } from "../../../services/codes/issue-serials.ts";
import { issueTraceNumbers } from "../../../services/codes/issue-trace-numbers.ts";
import { parseCode } from "../../../services/codes/parse-code.ts";
import { problemResponses } from "../shared-schemas.ts";
import {
  codeDescriptionSchema,
  issuedGtinsSchema,
  issuedSerialsSchema,
  issuedTraceNumbersSchema,
  issueGtinsBody,
  issueSerialsBody,
  issueTraceNumbersBody,
  parseQuery,
} from "./codes-schemas.ts";

const tags = ["Codes (追溯码)"];

/** Trace codes: parse anything scanned or typed; issue platform trace numbers and serials. */
export const codesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/v1/codes/parse",
    {
      schema: {
        tags,
        summary: "Parse a scanned or typed code",
        querystring: parseQuery,
        response: { 200: codeDescriptionSchema, ...problemResponses },
      },
    },
    async (request) => parseCode(request.ctx, request.query.text),
  );

  app.post(
    "/v1/codes/trace-numbers",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Reserve platform trace numbers (/t/{CODE}) for a party, e.g. to pre-print labels",
        body: issueTraceNumbersBody,
        response: { 201: issuedTraceNumbersSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const issued = await issueTraceNumbers(request.ctx, request.body);
      return reply.code(201).send(issued);
    },
  );

  app.post(
    "/v1/codes/gtins",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Issue GTIN-14s from the operator's GS1 company prefix (when it holds one)",
        body: issueGtinsBody,
        response: { 201: issuedGtinsSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await issueGtins(request.ctx, request.body)),
  );

  app.post(
    "/v1/codes/serials",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Issue random, unique serial numbers (一物一码) for a GTIN and lot",
        body: issueSerialsBody,
        response: { 201: issuedSerialsSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await issueSerials(request.ctx, request.body)),
  );
};
