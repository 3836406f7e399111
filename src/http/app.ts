import { randomBytes, randomUUID } from "node:crypto";
import responseValidation from "@fastify/response-validation";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { WindowLimiter } from "../core/complaints/spam-guard.ts";
import { ScanTally } from "../core/resolver/scan-tally.ts";
import type { Platform } from "../services/platform.ts";
import { startScanRecorder } from "../services/scans/record-scans.ts";
import { authPlugin } from "./plugins/auth.ts";
import { idempotencyPlugin } from "./plugins/idempotency.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { openapiPlugin } from "./plugins/openapi.ts";
import { problemDetailsPlugin } from "./plugins/problem-details.ts";
import { assetsRoutes } from "./routes/assets/assets-routes.ts";
import { auditRoutes } from "./routes/audit/audit-routes.ts";
import { catalogueRoutes } from "./routes/catalogue/catalogue-routes.ts";
import { codesRoutes } from "./routes/codes/codes-routes.ts";
import { complaintsRoutes } from "./routes/complaints/complaints-routes.ts";
import { correctionsRoutes } from "./routes/corrections/corrections-routes.ts";
import { documentsRoutes } from "./routes/documents/documents-routes.ts";
import { epcisRoutes } from "./routes/epcis/epcis-routes.ts";
import { healthRoutes } from "./routes/health/health-routes.ts";
import { importsRoutes } from "./routes/imports/imports-routes.ts";
import { integrityRoutes } from "./routes/integrity/integrity-routes.ts";
import { keysRoutes } from "./routes/keys/keys-routes.ts";
import { labelsRoutes } from "./routes/labels/labels-routes.ts";
import { ledgerRoutes } from "./routes/ledger/ledger-routes.ts";
import { lotsRoutes } from "./routes/lots/lots-routes.ts";
import { partiesRoutes } from "./routes/parties/parties-routes.ts";
import { problemsRoutes } from "./routes/problems/problems-routes.ts";
import { productsRoutes } from "./routes/products/products-routes.ts";
import { publicRoutes } from "./routes/public/public-routes.ts";
import { recallsRoutes } from "./routes/recalls/recalls-routes.ts";
import { samplingRoutes } from "./routes/sampling/sampling-routes.ts";
import { scanStatsRoutes } from "./routes/scan-stats/scan-stats-routes.ts";
import { problemSchema } from "./routes/shared-schemas.ts";
import { shipmentsRoutes } from "./routes/shipments/shipments-routes.ts";
import { stockRoutes } from "./routes/stock/stock-routes.ts";
import { traceRoutes } from "./routes/trace/trace-routes.ts";
import { webhooksRoutes } from "./routes/webhooks/webhooks-routes.ts";

export interface AppOptions {
  readonly platform: Platform;
  readonly logger?: FastifyServerOptions["logger"];
  readonly bodyLimit?: number;
  /** Validate every response against its schema (on in tests: a response that breaks its contract fails). */
  readonly validateResponses?: boolean;
  /** How long the resolver reuses a resolved record and its pages (ms; default 3000, 0 = never). */
  readonly publicCacheTtlMs?: number;
  /** Minimal time between serving the complaint form and posting it (ms; default 3000). */
  readonly complaintMinFillMs?: number;
}

/** Builds the HTTP application; never listens (src/http/server.ts does), so tests use app.inject(). */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 10 * 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === "1",
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: true, useDefaults: true } },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(problemSchema);
  // Callback-style hooks on every request: no promise to settle (the resolver's throughput is measured against a
  // bare hello-world route, issue "Public trace").
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
    done(null, payload);
  });

  await app.register(problemDetailsPlugin);
  await app.register(openapiPlugin, { publicBaseUrl: opts.platform.settings.publicBaseUrl });
  if (opts.validateResponses) {
    await app.register(responseValidation, { ajv: { strict: false, schemas: [problemSchema] } as never });
  }
  await app.register(metricsPlugin);
  await app.register(authPlugin, { platform: opts.platform });
  await app.register(idempotencyPlugin);
  // WebSocket upgrades (EPCIS subscriptions stream over them); routes opt in one by one.
  await app.register(websocket);

  await app.register(healthRoutes);
  await app.register(problemsRoutes);
  await app.register(partiesRoutes);
  await app.register(keysRoutes);
  await app.register(auditRoutes);
  await app.register(codesRoutes);
  await app.register(labelsRoutes, { digitalLinkBase: opts.platform.settings.publicBaseUrl });
  await app.register(catalogueRoutes);
  await app.register(productsRoutes);
  await app.register(lotsRoutes);
  await app.register(shipmentsRoutes);
  await app.register(stockRoutes);
  await app.register(correctionsRoutes);
  await app.register(documentsRoutes);
  await app.register(webhooksRoutes);
  await app.register(traceRoutes);
  await app.register(recallsRoutes);
  await app.register(samplingRoutes);
  await app.register(integrityRoutes);
  await app.register(ledgerRoutes);
  await app.register(assetsRoutes);
  await app.register(epcisRoutes, { prefix: "/epcis", bodyLimit: opts.bodyLimit ?? 10 * 1024 * 1024 });
  await app.register(importsRoutes);

  // The public side: resolver, pages, complaints, scan statistics. Scans are tallied in memory and written each
  // second (and when the app closes); the form secret lives as long as the process (see spam-guard.ts).
  const scans = new ScanTally();
  const recorder = startScanRecorder(opts.platform, scans);
  app.addHook("onClose", () => recorder.stop());
  const formSecret = randomBytes(32);
  await app.register(publicRoutes, {
    platform: opts.platform,
    scans,
    formSecret,
    cacheTtlMs: opts.publicCacheTtlMs ?? 3000,
  });
  await app.register(complaintsRoutes, {
    formSecret,
    limiter: new WindowLimiter(5, 15 * 60 * 1000),
    ...(opts.complaintMinFillMs !== undefined ? { minFillMs: opts.complaintMinFillMs } : {}),
  });
  await app.register(scanStatsRoutes, { platform: opts.platform, scans });
  return app;
}
