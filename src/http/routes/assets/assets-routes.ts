import { readFileSync } from "node:fs";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";

/** Read once at start: the browser's receipt verifier, plain JavaScript served as written (no build step). */
const verifier = readFileSync(new URL("../../../web/assets/verify-ledger-receipt.js", import.meta.url), "utf8");

/** Static assets for the platform's pages. */
export const assetsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/assets/verify-ledger-receipt.js",
    {
      schema: {
        tags: ["Ledger"],
        summary: "ES module that verifies a receipt in the browser with WebCrypto (SHA-256, Ed25519)",
        description:
          'import { verifyReceipt } from "/assets/verify-ledger-receipt.js"; await verifyReceipt(receiptText, policyText, record?)',
        response: { 200: Type.String({ contentMediaType: "text/javascript" }) },
      },
    },
    async (_request, reply) =>
      reply.header("cache-control", "public, max-age=3600").type("text/javascript; charset=utf-8").send(verifier),
  );
};
