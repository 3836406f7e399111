import { readFileSync } from "node:fs";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";

/**
 * Read once at start: the browser's receipt verifier, plain JavaScript served as written (no build step). One
 * module for the consumer page, the printable receipt page and anyone's page; its first name stays an alias.
 */
const verifier = readFileSync(new URL("../../../web/assets/verify-receipt.js", import.meta.url), "utf8");
/** The printable receipt page's own check (services/ledger/render-receipt-page.ts). */
const receiptPageScript = readFileSync(new URL("../../../web/assets/receipt-page.js", import.meta.url), "utf8");
const JS = "text/javascript; charset=utf-8";

/** Static assets for the platform's pages. */
export const assetsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const url of ["/assets/verify-receipt.js", "/assets/verify-ledger-receipt.js"]) {
    app.get(
      url,
      {
        schema: {
          tags: ["Ledger"],
          summary: "ES module that verifies a receipt in the browser with WebCrypto (SHA-256, Ed25519)",
          description:
            'import { verifyReceipt } from "/assets/verify-receipt.js"; await verifyReceipt(receiptText, policyText, record?, { kind, ref }?) — each check reported in `checks`',
          response: { 200: Type.String({ contentMediaType: "text/javascript" }) },
        },
      },
      async (_request, reply) => reply.header("cache-control", "public, max-age=3600").type(JS).send(verifier),
    );
  }
  app.get("/assets/receipt-page.js", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "public, max-age=3600").type(JS).send(receiptPageScript),
  );
};
