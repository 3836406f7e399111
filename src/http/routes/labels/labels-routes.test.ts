import responseValidation from "@fastify/response-validation";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../../test/engines.ts";
import { asActor, testPlatform } from "../../../../test/factories.ts";
import { createApiKey } from "../../../services/keys/create-api-key.ts";
import { decodePng } from "../../../services/labels/decode-barcode.test-helper.ts";
import type { Store } from "../../../store/store.ts";
import { authPlugin } from "../../plugins/auth.ts";
import { openapiPlugin } from "../../plugins/openapi.ts";
import { problemDetailsPlugin } from "../../plugins/problem-details.ts";
import { problemSchema } from "../shared-schemas.ts";
import { labelsRoutes } from "./labels-routes.ts";

const DL = "https://trace.test/01/09520123456788/10/2026A01?17=261231";
const label = { traceCode: DL, productName: "五常有机大米", spec: "5 kg/袋", producerName: "某某米业" };

/** The app as app.ts builds it (responses validated), with only these routes (until app.ts registers them). */
async function labelsApp(store: Store): Promise<FastifyInstance> {
  const platform = testPlatform(store);
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(problemSchema);
  await app.register(problemDetailsPlugin);
  await app.register(openapiPlugin, { publicBaseUrl: platform.settings.publicBaseUrl });
  await app.register(responseValidation, { ajv: { strict: false, schemas: [problemSchema] } as never });
  await app.register(authPlugin, { platform });
  await app.register(labelsRoutes, { digitalLinkBase: platform.settings.publicBaseUrl });
  return app;
}

describe.each(engines)("barcodes and labels over HTTP on %s", (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let auth: { authorization: string };
  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await labelsApp(store);
    const { secret } = await createApiKey(asActor(testPlatform(store)), { role: "admin" });
    auth = { authorization: `Bearer ${secret}` };
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const barcode = (symbology: string, query: Record<string, string>) =>
    app.inject({ method: "GET", url: `/v1/barcodes/${symbology}`, query });
  const labels = (body: unknown, headers: Record<string, string> = auth) =>
    app.inject({ method: "POST", url: "/v1/labels", headers, payload: body as object });

  it("answers a QR code as SVG by default, cacheable for good", async () => {
    const res = await barcode("qr", { data: DL });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body).toMatch(/^<svg /);
  });

  it.each([
    ["qr", "(01)09520123456788(10)2026A01", "https://trace.test/01/09520123456788/10/2026A01"],
    ["datamatrix", DL, "0109520123456788102026A01\u001d17261231"],
    ["gs1-128", "(01)09520123456788(10)2026A01", "0109520123456788102026A01"],
  ])("answers a %s PNG that scans as its data", async (symbology, data, text) => {
    const res = await barcode(symbology, { data, format: "png", scale: "2" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    const [read] = await decodePng(res.rawPayload);
    expect(read?.text).toBe(text);
  });

  it.each([
    ["qr", { data: "https://trace.test/01/09520123456789" }, "/query/data", /check digit/i],
    ["qr", { data: "x".repeat(513) }, "/query/data", /512/],
    ["qr", { data: DL, format: "gif" }, "/query/format", /must be one of/],
    ["qr", { data: DL, scale: "0" }, "/query/scale", /1/],
    ["ean13", { data: DL }, "/params/symbology", /must be one of/],
    ["gs1-128", { data: "https://trace.test/t/ABC123DEF456GHX5" }, "/query/data", /platform trace number/],
  ])("refuses %s %j with problem+json at %s", async (symbology, query, pointer, detail) => {
    const res = await barcode(symbology, query);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.headers["cache-control"]).toBeUndefined();
    const problem = res.json();
    expect(problem.pointer).toBe(pointer);
    expect(problem.detail).toMatch(detail);
  });

  it("renders labels as a PDF, a page per label on a roll", async () => {
    const res = await labels({ size: "70x50", layout: "roll", format: "pdf", labels: [label, label] });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('inline; filename="labels.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it("renders one label as SVG in English", async () => {
    const res = await labels({ size: "50x30", layout: "roll", format: "svg", locale: "en", labels: [label] });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(res.body).toContain("Lot: 2026A01");
  });

  it.each([
    [{ labels: [label, label, label, { ...label, traceCode: "nonsense" }] }, "/body/labels/3/traceCode"],
    [{ labels: [{ ...label, lot: "OTHER" }] }, "/body/labels/0/lot"],
    [{ labels: [{ ...label, expiryDate: "2026-02-30" }] }, "/body/labels/0/expiryDate"],
    [{ labels: [{ ...label, colour: "red" }] }, "/body/labels/0/colour"],
    [{ labels: Array.from({ length: 1001 }, () => label) }, "/body/labels"],
    [{ labels: [label, label], format: "svg" }, "/body/labels"],
    [{ size: "100x80" }, "/body/size"],
  ])("refuses bad labels with problem+json: %#", async (override, pointer) => {
    const res = await labels({ size: "70x50", layout: "roll", format: "pdf", labels: [label], ...override });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().pointer).toBe(pointer);
  });

  it("documents both endpoints in the OpenAPI document with their media types", async () => {
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const get = doc.paths["/v1/barcodes/{symbology}"].get;
    expect(Object.keys(get.responses["200"].content)).toEqual(["image/svg+xml", "image/png"]);
    const post = doc.paths["/v1/labels"].post;
    expect(Object.keys(post.responses["200"].content)).toEqual(["application/pdf", "image/svg+xml"]);
  });

  it("asks for an API key to render labels", async () => {
    const res = await labels({ size: "70x50", layout: "roll", format: "pdf", labels: [label] }, {});
    expect(res.statusCode).toBe(401);
  });
});
