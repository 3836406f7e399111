import type { FastifyPluginAsync } from "fastify";
import { epcisSchema } from "../../../services/epcis/epcis-validator.ts";
import { epcisCaptureRoutes } from "./epcis-capture-routes.ts";
import { epcisFsmaRoutes } from "./epcis-fsma-routes.ts";
import { checkRequestedVersions, epcisHeaders } from "./epcis-headers.ts";
import { epcisQueriesRoutes } from "./epcis-queries-routes.ts";
import { epcisQueryRoutes } from "./epcis-query-routes.ts";
import { epcisResourceRoutes } from "./epcis-resource-routes.ts";

/**
 * The EPCIS 2.0 REST binding under `/epcis` (GS1 EPCIS 2.0 §12, openapi.yaml of the standard), over the same
 * events table as the platform's own actions: one history. JSON-LD (application/json, application/ld+json) and
 * XML (application/xml, text/xml) bodies; the standard headers on every answer; OPTIONS on every path.
 */
export const epcisRoutes: FastifyPluginAsync<{ bodyLimit: number }> = async (app, opts) => {
  epcisSchema(); // compiled once, at start-up, not on the first capture
  app.addContentTypeParser("application/ld+json", { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));
  app.addContentTypeParser(["application/xml", "text/xml"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  const headers = epcisHeaders(opts.bodyLimit);
  app.addHook("onRequest", async (request) => checkRequestedVersions(request));
  app.addHook("onSend", async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(epcisCaptureRoutes);
  await app.register(epcisQueriesRoutes);
  await app.register(epcisQueryRoutes);
  await app.register(epcisResourceRoutes);
  await app.register(epcisFsmaRoutes);
};
