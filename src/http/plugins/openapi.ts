import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { problemSchema } from "../routes/shared-schemas.ts";

/**
 * OpenAPI 3.1 generated from the route schemas (STYLE rule 4) at /openapi.json, and the interactive docs at
 * /docs served from the bundled Swagger UI files (no CDN: the platform runs on closed networks).
 */
export const openapiPlugin = fp(async (app: FastifyInstance, opts: { publicBaseUrl: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Suyuan (溯源) API",
        version: "0.1.0",
        description:
          "Food-safety traceability: parties, trace codes, shipments, receipts, recalls, EPCIS 2.0. " +
          "Errors are RFC 9457 problem details (application/problem+json).",
      },
      servers: [{ url: opts.publicBaseUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "API key: Authorization: Bearer sy_…" },
        },
        schemas: { Problem: problemSchema },
      },
      security: [{ apiKey: [] }],
    },
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: "/docs" });
});
