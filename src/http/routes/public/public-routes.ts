import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { FormTokenIssuer } from "../../../core/complaints/spam-guard.ts";
import { AppError, isAppError } from "../../../core/errors.ts";
import { DL_PRIMARY_KEYS } from "../../../core/gs1/index.ts";
import { formatPolicy } from "../../../core/ledger/index.ts";
import type { CodeHelp } from "../../../core/resolver/code-help.ts";
import { buildLinkset, findLink, linksetHeader } from "../../../core/resolver/linkset.ts";
import { chooseRepresentation } from "../../../core/resolver/negotiate.ts";
import { resolverTarget } from "../../../core/resolver/resolver-target.ts";
import type { ScanTally } from "../../../core/resolver/scan-tally.ts";
import { witnessingOf } from "../../../services/ledger/ledger-witnessing.ts";
import type { Platform } from "../../../services/platform.ts";
import { publicLinks } from "../../../services/public/public-links.ts";
import type { PublicRecord } from "../../../services/public/public-records.ts";
import { readPublicLot } from "../../../services/public/read-public-lot.ts";
import { resolvePublicCode } from "../../../services/public/resolve-public-code.ts";
import { codeProblemPage } from "../../../web/code-problem-page.ts";
import { lotPage } from "../../../web/lot-page.ts";
import { type Lang, pickLang } from "../../../web/messages.ts";
import { partyPage } from "../../../web/party-page.ts";
import { scannerPage } from "../../../web/scanner-page.ts";
import { voucherPage } from "../../../web/voucher-page.ts";
import { sendProblem } from "../../plugins/problem-details.ts";
import { LotPageCache, TOKEN_MARKER } from "./lot-page-cache.ts";
import { type CacheEntry, RecordCache } from "./record-cache.ts";

export interface PublicRoutesOptions {
  readonly platform: Platform;
  readonly scans: ScanTally;
  readonly formSecret: Uint8Array;
  /** How long a resolved record and its pages are reused (ms); 0 turns the cache off. */
  readonly cacheTtlMs: number;
}

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * The GS1 Digital Link resolver of the platform's own codes and the public pages (GS1-Conformant Resolver
 * Standard 1.1): /01/… and every other Digital Link primary key, /414/ and /417/ party codes, /t/ trace numbers,
 * /p/ party codes, /v/ vouchers; /scan; the pages' scripts. Only explicit first segments are routed here, so
 * /v1/…, /log/… and /docs are never shadowed.
 */
export const publicRoutes: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (app, opts) => {
  const { platform, scans } = opts;
  const base = platform.settings.publicBaseUrl;
  const cache = new RecordCache(opts.cacheTtlMs);
  const pages = new LotPageCache();
  const tokens = new FormTokenIssuer(opts.formSecret);
  // The tlog-policy the page's receipt check applies (the text GET /log/policy serves).
  const policy = formatPolicy(witnessingOf(platform.ledger).policy);

  async function lookUp(path: string, now: number): Promise<CacheEntry> {
    const hit = cache.get(path, now);
    if (hit) return hit;
    try {
      const record = await resolvePublicCode(platform, resolverTarget(path, base));
      // A lot's record is read from its materialised row at every scan (one primary-key read), never from this
      // cache: a recall banner must show from the recall's commit on.
      if (record.type === "lot") return { record, at: now };
      return cache.set(path, { record }, now);
    } catch (err) {
      if (isAppError(err) && (err.code === "code-not-found" || err.code === "invalid-code"))
        return cache.set(path, { error: err }, now);
      throw err;
    }
  }

  async function resolve(request: FastifyRequest, reply: FastifyReply) {
    const now = platform.clock.now();
    const q = request.query as Record<string, string | undefined>;
    const qAt = request.url.indexOf("?");
    const path = qAt < 0 ? request.url : request.url.slice(0, qAt);
    const rep = chooseRepresentation(request.headers.accept);
    const lang = pickLang(q.lang, request.headers["accept-language"]);
    reply.header("vary", "Accept, Accept-Language");
    const anchor = `${base}${path}`;
    // A lot's record is read from its materialised row at every scan (one primary-key read), never from the
    // short cache below: a recall banner must show from the recall's commit on.
    const target = resolverTarget(path, base);
    const traceKey = target.kind === "lot" ? target.traceKey : undefined;
    const answer = traceKey === undefined ? undefined : await readPublicLot(platform, traceKey);
    let record: PublicRecord;
    if (answer) {
      // Scan statistics: one count per public resolution of a lot, credited to the district where it is sold.
      scans.add(answer.lotId, answer.scanRegion, now);
      reply.header("link", linksetHeader(anchor));
      if (q.linkType === undefined && rep === "json") return reply.type(JSON_TYPE).send(answer.json());
      if (q.linkType === undefined && rep === "html") {
        const key = `${traceKey}\u0000${lang}`;
        const { recordJson, day } = answer.version;
        let body: Buffer | string | undefined = pages.get(key, recordJson, day, tokens.bytesAt(now));
        if (body === undefined) {
          const page = renderPage(answer.record(), lang, TOKEN_MARKER);
          pages.set(key, recordJson, day, page);
          body = pages.get(key, recordJson, day, tokens.bytesAt(now)) ?? page.replace(TOKEN_MARKER, tokens.at(now));
        }
        return reply.type(HTML).send(body);
      }
      record = answer.record();
    } else {
      const entry = await lookUp(path, now);
      if (!entry.record) return sendCodeProblem(request, reply, entry.error as AppError, path, rep, lang);
      record = entry.record;
      if (record.type === "lot") scans.add(record.lotId, record.scanRegion, now);
      reply.header("link", linksetHeader(anchor));
    }
    const links = publicLinks(record, anchor, base);
    const linkType = q.linkType;
    if (linkType !== undefined && linkType !== "all") {
      const link = findLink(links, linkType);
      if (!link) {
        throw new AppError("link-type-not-available", `no link of type ${linkType} for this code`, {
          pointer: "/query/linkType",
          extra: { available: [...new Set(links.map((l) => l.rel))] },
        });
      }
      // Resolver Standard §6.5: a requested link type is answered by a temporary redirect to its target.
      return reply.code(307).header("location", link.href).send();
    }
    if (linkType === "all" || rep === "linkset") {
      return reply.type("application/linkset+json").send(buildLinkset(anchor, links, itemDescription(record)));
    }
    if (rep === "json") return reply.type(JSON_TYPE).send(record);
    return reply.type(HTML).send(renderPage(record, lang, tokens.at(now)));
  }

  function renderPage(record: PublicRecord, lang: Lang, token: string): string {
    if (record.type === "lot") return lotPage(record, lang, { policy, formToken: token });
    if (record.type === "party") return partyPage(record, lang, token);
    return voucherPage(record, lang);
  }

  function sendCodeProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    error: AppError,
    path: string,
    rep: string,
    lang: Lang,
  ) {
    if (rep !== "html") return sendProblem(request, reply, error);
    const help = error.extra.help as CodeHelp;
    return reply
      .code(error.status)
      .type(HTML)
      .send(codeProblemPage(decodeURIComponentSafe(path), help, lang));
  }

  const schema = { tags: ["Resolver"], summary: "GS1 Digital Link resolver (content negotiation, ?linkType=)" };
  for (const ai of DL_PRIMARY_KEYS) app.get(`/${ai}/*`, { schema }, resolve);
  for (const prefix of ["t", "p", "v"]) app.get(`/${prefix}/:code`, { schema }, resolve);

  app.get("/scan", { schema: { tags: ["Resolver"], summary: "The scanner page" } }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return reply.type(HTML).send(scannerPage(pickLang(q.lang, request.headers["accept-language"])));
  });

  app.get(
    "/.well-known/gs1resolver",
    { schema: { tags: ["Resolver"], summary: "Resolver description file" } },
    async () => ({
      name: "Suyuan food traceability resolver",
      resolverRoot: base,
      supportedPrimaryKeys: ["01", "414", "417"],
      supportedLinkType: [
        "gs1:pip",
        "gs1:traceability",
        "gs1:recallStatus",
        "gs1:certificationInfo",
        "gs1:epcis",
        "gs1:verificationService",
      ].map((t) => ({ namespace: "https://gs1.org/voc/", prefix: "gs1:", profile: t })),
      supportedContextValuesEnumerated: [],
      linkTypeDefaultCanBeLinkset: true,
    }),
  );

  const assets = staticAssets();
  for (const [path, asset] of assets) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(asset.type).header("cache-control", "public, max-age=3600").send(asset.body),
    );
  }
};

function itemDescription(record: PublicRecord): string {
  if (record.type === "lot") return `${record.product.name} ${record.lotCode}`;
  if (record.type === "party") return record.party.name;
  return `voucher ${record.voucherCode}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The pages' scripts and the zxing-wasm reader (IIFE build and its .wasm, from node_modules: no CDN). */
function staticAssets(): Map<string, { type: string; body: Buffer }> {
  const require = createRequire(import.meta.url);
  const zxingDir = require.resolve("zxing-wasm/reader").replace(/dist\/(es|cjs)\/reader\/index\.c?js$/, "dist/");
  const own = (name: string) => new URL(`../../../web/assets/${name}`, import.meta.url);
  const js = "text/javascript; charset=utf-8";
  return new Map([
    ["/assets/lot-page.js", { type: js, body: readFileSync(own("lot-page.js")) }],
    ["/assets/scanner.js", { type: js, body: readFileSync(own("scanner.js")) }],
    ["/assets/zxing/reader.js", { type: js, body: readFileSync(`${zxingDir}iife/reader/index.js`) }],
    [
      "/assets/zxing/zxing_reader.wasm",
      { type: "application/wasm", body: readFileSync(`${zxingDir}reader/zxing_reader.wasm`) },
    ],
  ]);
}
