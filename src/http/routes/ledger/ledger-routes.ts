import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { formatPolicy, toBase64 } from "../../../core/ledger/index.ts";
import {
  currentCheckpoint,
  proveConsistency,
  proveInclusion,
  receiptFor,
} from "../../../services/ledger/ledger-proofs.ts";
import { witnessingOf } from "../../../services/ledger/ledger-witnessing.ts";
import { receiptPage } from "../../../services/ledger/render-receipt-page.ts";
import { assertMayReadRecord, readCommittedRecord, readLogTile } from "../../../services/ledger/serve-log.ts";
import { problemResponses, stringEnum } from "../shared-schemas.ts";

const tags = ["Ledger"];
const IMMUTABLE = "public, max-age=31536000, immutable";
const recordParams = Type.Object({
  kind: Type.String({ maxLength: 40, description: "epcis-event, lot, party, product or document" }),
  ref: Type.String({ maxLength: 200 }),
});

/**
 * The transparency log, public by design (it holds salted commitments only: volume and timing, never content):
 * C2SP tlog-tiles resources under /log for any tlog tool to audit, proofs and receipts under /v1/ledger.
 */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/log/checkpoint",
    {
      schema: {
        tags,
        summary: "The latest checkpoint meeting the witness quorum, with its cosignatures (C2SP tlog-checkpoint)",
        description:
          "A signed note: the log's signature, then each witness's cosignature (C2SP tlog-cosignature v1.0.1). " +
          "Under a policy with a quorum, the newest checkpoint whose cosignatures meet it.",
      },
    },
    async (request, reply) => {
      const c = await currentCheckpoint(request.ctx);
      if (!c) return reply.code(404).type("text/plain; charset=utf-8").send("the log is empty\n");
      return reply.header("cache-control", "no-cache").type("text/plain; charset=utf-8").send(c.note);
    },
  );

  app.get(
    "/log/key",
    { schema: { tags, summary: "A tlog-policy naming this log's keys (current and retired), no witness quorum" } },
    async (request, reply) => {
      const l = request.ctx.ledger;
      const lines = [l.signer.verifierKey, ...l.retiredVerifierKeys].map((k) => `log ${k}`);
      return reply.type("text/plain; charset=utf-8").send(`${lines.join("\n")}\nquorum none\n`);
    },
  );

  app.get(
    "/log/policy",
    {
      schema: {
        tags,
        summary: "The log's C2SP tlog-policy: its keys, its witnesses and the quorum receipts must meet",
        description: "Save it and run `suyuan verify --policy policy.txt receipt.txt`; the receipt page uses it too.",
      },
    },
    async (request, reply) =>
      reply.type("text/plain; charset=utf-8").send(formatPolicy(witnessingOf(request.ctx.ledger).policy)),
  );

  app.get(
    "/log/tile/*",
    { schema: { tags, summary: "A hash tile or entry bundle (C2SP tlog-tiles)" } },
    async (request, reply) => {
      const path = `tile/${(request.params as { "*": string })["*"]}`;
      const bytes = await readLogTile(request.ctx, path);
      return reply.header("cache-control", IMMUTABLE).type("application/octet-stream").send(Buffer.from(bytes));
    },
  );

  app.get(
    "/v1/ledger/proofs/inclusion",
    {
      schema: {
        tags,
        summary: "Inclusion proof of an entry (RFC 9162 §2.1.3)",
        querystring: Type.Object(
          { index: Type.Integer({ minimum: 0 }), size: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            index: Type.Integer(),
            size: Type.Integer(),
            proof: Type.Array(Type.String()),
            checkpoint: Type.String(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const p = await proveInclusion(request.ctx, request.query.index, request.query.size);
      return { index: request.query.index, size: p.size, proof: p.proof.map(toBase64), checkpoint: p.checkpoint };
    },
  );

  app.get(
    "/v1/ledger/proofs/consistency",
    {
      schema: {
        tags,
        summary: "Consistency proof between two checkpoints (RFC 9162 §2.1.4)",
        querystring: Type.Object(
          { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ from: Type.Integer(), to: Type.Integer(), proof: Type.Array(Type.String()) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const proof = await proveConsistency(request.ctx, request.query.from, request.query.to);
      return { from: request.query.from, to: request.query.to, proof: proof.map(toBase64) };
    },
  );

  app.get(
    "/v1/ledger/receipts/:kind/:ref",
    {
      schema: {
        tags,
        summary: "Receipt (上链凭证) of a record: a C2SP tlog-proof, checkable offline",
        description:
          "With Accept: text/plain the tlog-proof file itself (save it and run `suyuan verify`); otherwise JSON with " +
          "the receipt and what people are shown: 存证编号 (origin and index), tree size, commitment.",
        params: recordParams,
        response: {
          200: Type.Object({
            receipt: Type.String(),
            evidenceNumber: Type.String({ description: "存证编号: the log's origin and the entry's index" }),
            index: Type.Integer(),
            treeSize: Type.Integer(),
            commitment: Type.String({ description: "hex" }),
            leafHash: Type.String({ description: "hex: SHA-256(0x00 || commitment), RFC 9162 §2.1.1" }),
            loggedAt: Type.String({ format: "date-time" }),
            cosignatures: Type.Array(
              Type.Object({
                witness: Type.String(),
                signedAt: Type.String({ format: "date-time", description: "上链时间: the cosignature's timestamp" }),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { kind, ref } = request.params;
      await assertMayReadRecord(request.ctx, kind, ref);
      const r = await receiptFor(request.ctx, kind, ref);
      if (request.headers.accept?.startsWith("text/plain"))
        return reply.type("text/plain; charset=utf-8").send(r.receipt);
      return {
        receipt: r.receipt,
        evidenceNumber: `${request.ctx.ledger.origin}#${r.index}`,
        index: r.index,
        treeSize: r.size,
        commitment: r.commitment,
        leafHash: r.leafHash,
        loggedAt: new Date(r.loggedAt).toISOString(),
        cosignatures: r.cosignatures.map((c) => ({ witness: c.witness, signedAt: new Date(c.signedAt).toISOString() })),
      };
    },
  );

  app.get(
    "/v1/ledger/receipts/:kind/:ref/page",
    {
      schema: {
        tags,
        summary: "Printable receipt (上链凭证) page with a QR code (self-contained HTML; zh-CN unless ?lang=en)",
        description:
          "Shows 存证编号 (origin#index), 上链时间 (the witnesses' cosignature times), tree size, leaf hash and the " +
          "record, a QR code of the receipt's URL and the receipt text. Accept-Language: en also selects English.",
        params: recordParams,
        querystring: Type.Object(
          { lang: Type.Optional(stringEnum(["zh-CN", "en"] as const)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ contentMediaType: "text/html" }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { kind, ref } = request.params;
      const lang =
        request.query.lang ?? (/^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : ("zh-CN" as const));
      const html = await receiptPage(request.ctx, kind, ref, lang);
      return reply.type("text/html; charset=utf-8").header("content-language", lang).send(html);
    },
  );

  app.get(
    "/v1/ledger/records/:kind/:ref",
    {
      schema: {
        tags,
        summary: "A record in the form the ledger committed to (for `suyuan verify --record`)",
        params: recordParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...problemResponses },
      },
    },
    async (request) => readCommittedRecord(request.ctx, request.params.kind, request.params.ref),
  );
};
