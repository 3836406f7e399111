import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Complaint } from "../../../core/complaints/complaint.ts";
import { checkFormSubmission, type WindowLimiter } from "../../../core/complaints/spam-guard.ts";
import { AppError, isAppError } from "../../../core/errors.ts";
import { listComplaints } from "../../../services/complaints/list-complaints.ts";
import { submitComplaint } from "../../../services/complaints/submit-complaint.ts";
import type { Platform } from "../../../services/platform.ts";
import { regionName } from "../../../services/public/present-public-party.ts";
import { complaintResultPage } from "../../../web/complaint-result-page.ts";
import { pickLang } from "../../../web/messages.ts";
import { toAppError } from "../../plugins/problem-details.ts";
import { problemResponses } from "../shared-schemas.ts";
import { complaintBody, complaintReceipt, complaintSchema } from "./complaints-schemas.ts";

export interface ComplaintsRoutesOptions {
  readonly formSecret: Uint8Array;
  readonly limiter: WindowLimiter;
  /** Minimal time between serving the form and posting it (ms). */
  readonly minFillMs?: number;
}

const tags = ["Complaints"];

/**
 * Complaints (投诉举报): the public form post (JSON or an HTML form without JavaScript) with rate limiting per
 * address, a honeypot and a minimal time to submit; regulators list those routed to their region.
 */
export const complaintsRoutes: FastifyPluginAsyncTypebox<ComplaintsRoutesOptions> = async (app, opts) => {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 16_384 },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) if (v !== "" || k === "website") fields[k] = v;
      done(null, fields);
    },
  );

  app.post(
    "/v1/complaints",
    {
      attachValidation: true,
      schema: {
        tags,
        summary: "Submit a complaint about a lot or a party (public; from the consumer page's form)",
        body: complaintBody,
        response: { 201: complaintReceipt, ...problemResponses },
      },
    },
    async (request, reply) => {
      const asForm = request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded") === true;
      const body = request.body as Record<string, string | undefined>;
      const lang = pickLang(body?.lang, request.headers["accept-language"]);
      const back = typeof body?.code === "string" ? body.code : "/scan";
      try {
        if (request.validationError) throw toAppError(request.validationError as never);
        const now = request.ctx.clock.now();
        if (!opts.limiter.allow(request.ip, now))
          throw new AppError("rate-limited", "too many complaints from this address; try again later");
        const check = checkFormSubmission(opts.formSecret, body.formToken ?? "", body.website, now, opts.minFillMs);
        if (check !== "ok")
          throw new AppError("complaint-rejected", `the form check failed (${check})`, { pointer: "/body/formToken" });
        const c = await submitComplaint(request.ctx, {
          code: body.code as string,
          category: body.category as string,
          description: body.description as string,
          ...(body.contactName ? { contactName: body.contactName } : {}),
          ...(body.contactPhone ? { contactPhone: body.contactPhone } : {}),
          lang,
        });
        const name = regionName(request.ctx, c.regionCode);
        if (asForm) {
          return reply
            .code(201)
            .type("text/html; charset=utf-8")
            .send(complaintResultPage(lang, { ok: true, id: c.id, regionName: name, back }));
        }
        return reply.code(201).send({
          id: c.id,
          regionCode: c.regionCode,
          regionName: name,
          status: c.status,
          createdAt: new Date(c.createdAt).toISOString(),
        });
      } catch (err) {
        if (!asForm) throw err;
        const e = isAppError(err) ? err : toAppError(err as never);
        if (e.status >= 500) throw err;
        return reply
          .code(e.status as 422)
          .type("text/html; charset=utf-8")
          .send(complaintResultPage(lang, { ok: false, detail: e.message, back }));
      }
    },
  );

  app.get(
    "/v1/complaints",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Complaints routed to the caller's region (regulators), newest first",
        querystring: Type.Object(
          {
            before: Type.Optional(Type.String({ format: "date-time" })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(complaintSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const before = request.query.before ? Date.parse(request.query.before) : undefined;
      const items = await listComplaints(request.ctx, { limit: request.query.limit, ...(before ? { before } : {}) });
      return { items: items.map((c) => present(c, request.ctx)) };
    },
  );
};

function present(c: Complaint, platform: Pick<Platform, "regions">) {
  return { ...c, regionName: regionName(platform, c.regionCode), createdAt: new Date(c.createdAt).toISOString() };
}
