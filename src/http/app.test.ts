import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { errorRegistry } from "../core/errors.ts";

// Operational surface of the server; engine-independent, so it runs on the embedded default.
describe("HTTP platform surface", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
    t.app.get("/test/boom", async () => {
      throw new Error("secret internal detail at /srv/app.ts:12");
    });
  });
  afterAll(() => t.close());

  it("answers liveness and readiness with the engine", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    expect((await t.app.inject("/readyz")).json()).toEqual({ status: "ready", engine: "sqlite" });
  });

  it("reports readiness failure when the database is gone", async () => {
    const other = await createTestApp("sqlite");
    await other.store.close();
    const res = await other.app.inject("/readyz");
    expect(res.statusCode).toBe(503);
    await other.app.close();
  });

  it("serves an OpenAPI 3.1 document covering the party API", async () => {
    const doc = (await t.app.inject("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/parties", "/v1/parties/{id}", "/v1/api-keys"]));
    expect(
      doc.paths["/v1/parties"].post.requestBody.content["application/json"].schema.properties.creditCode,
    ).toBeDefined();
    expect(doc.components.securitySchemes.apiKey.scheme).toBe("bearer");
  });

  it("serves the interactive docs from local files, with no CDN", async () => {
    const page = await t.app.inject("/docs/");
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/);
    const script = /src="\.\/(static\/swagger-ui-bundle\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    expect((await t.app.inject(`/docs/${script}`)).statusCode).toBe(200);
  });

  it("exposes Prometheus metrics by route template", async () => {
    await t.app.inject("/v1/parties/does-not-exist");
    const text = (await t.app.inject("/metrics")).body;
    expect(text).toMatch(/suyuan_http_requests_total\{method="GET",route="\/v1\/parties\/:id",status="404"\} 1/);
    expect(text).toMatch(/suyuan_process_cpu_seconds_total/);
  });

  it("answers unknown paths with problem+json", async () => {
    const res = await t.app.inject("/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: "/problems/route-not-found", status: 404 });
  });

  it("hides internal errors behind a problem with the request id", async () => {
    const res = await t.app.inject({ url: "/test/boom", headers: { "x-request-id": "req-42" } });
    expect(res.statusCode).toBe(500);
    expect(res.headers["x-request-id"]).toBe("req-42");
    expect(res.json()).toMatchObject({ type: "/problems/internal-error", requestId: "req-42" });
    expect(res.body).not.toMatch(/secret internal detail|\.ts:\d+/);
  });

  it("names every invalid field of a body at once", async () => {
    const { auth } = await t.key("admin");
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/parties",
      headers: auth,
      payload: { kind: "farm", extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/body/name", "/body/regionCode", "/body/extra"]));
  });

  it("rejects malformed JSON and oversized bodies with problem+json", async () => {
    const { auth } = await t.key("admin");
    const bad = await t.app.inject({
      method: "POST",
      url: "/v1/parties",
      headers: { ...auth, "content-type": "application/json" },
      payload: "{nope",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().pointer).toBe("/body");
    const huge = await t.app.inject({
      method: "POST",
      url: "/v1/parties",
      headers: { ...auth, "content-type": "application/json" },
      payload: `{"name":"${"x".repeat(11 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().type).toBe("/problems/payload-too-large");
  });

  it("localises problem titles for Chinese callers", async () => {
    const res = await t.app.inject({ url: "/nope", headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(res.json().title).toBe(errorRegistry["route-not-found"].titleZh);
  });

  it("resolves problem types to their description", async () => {
    const res = await t.app.inject("/problems/invalid-credit-code");
    expect(res.json()).toMatchObject({ status: 422, titleZh: "统一社会信用代码无效" });
    expect((await t.app.inject("/problems/constructor")).statusCode).toBe(404);
  });
});
