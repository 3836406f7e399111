import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

type Auth = { authorization: string };
const pdf = Buffer.from("%PDF-1.7\n% a tiny test report\n%%EOF\n");

describe.each(engines)("documents on %s", (engine) => {
  let t: TestApp;
  let farm: Auth;
  let other: Auth;
  let traceCode = "";
  let lotId = "";
  beforeAll(async () => {
    t = await createTestApp(engine);
    const f = await t.party({ kind: "farm", regionCode: "350121" });
    const o = await t.party({ kind: "retailer", regionCode: "350203" });
    farm = (await t.key("enterprise", { partyId: f.id })).auth;
    other = (await t.key("enterprise", { partyId: o.id })).auth;
    const p = await t.app.inject({
      method: "POST",
      url: "/v1/products",
      headers: farm,
      payload: { name: "小白菜", unit: "kg", categoryCode: "vegetables/leafy" },
    });
    const lot = await t.app.inject({
      method: "POST",
      url: "/v1/lots",
      headers: farm,
      payload: { lots: [{ productId: p.json().id, productionDate: "2026-11-20", quantity: 50 }] },
    });
    traceCode = lot.json().items[0].traceCode;
    lotId = lot.json().items[0].id;
  });
  afterAll(() => t.close());

  const attach = (auth: Auth, payload: object) =>
    t.app.inject({ method: "POST", url: "/v1/documents", headers: auth, payload });

  it("stores a quick test and a report file once by content, linked to the lot", async () => {
    const quick = await attach(farm, {
      kind: "quick_test",
      title: "农药残留快检",
      public: true,
      fields: { items: [{ item: "有机磷", method: "酶抑制率法", result: "阴性" }], tester: "张三" },
      links: [{ type: "lot", traceCode }],
    });
    expect(quick.statusCode, quick.body).toBe(201);
    const report = await attach(farm, {
      kind: "test_report",
      title: "第三方检测报告",
      public: false,
      file: { contentBase64: pdf.toString("base64") },
      links: [{ type: "lot", traceCode }],
    });
    expect(report.json()).toMatchObject({
      mediaType: "application/pdf",
      size: pdf.length,
      fileUrl: `/v1/documents/${report.json().id}/file`,
    });
    const again = await attach(farm, {
      kind: "test_report",
      title: "同一份报告",
      public: false,
      file: { contentBase64: pdf.toString("base64") },
      links: [{ type: "lot", traceCode }],
    });
    expect(again.json().sha256).toBe(report.json().sha256);
    expect(await t.store.db.selectFrom("blobs").select("sha256").execute()).toHaveLength(1);

    const file = await t.app.inject({ url: `/v1/documents/${report.json().id}/file`, headers: farm });
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it("shows consumers only the public documents of a lot", async () => {
    const pub = (await t.app.inject({ url: `/v1/lots/${lotId}/documents` })).json().items;
    expect(pub.map((d: { kind: string }) => d.kind)).toEqual(["quick_test"]);
    const own = (await t.app.inject({ url: `/v1/lots/${lotId}/documents`, headers: farm })).json().items;
    expect(own).toHaveLength(3);
    const privateId = own.find((d: { public: boolean }) => !d.public).id;
    expect((await t.app.inject({ url: `/v1/documents/${privateId}/file`, headers: other })).statusCode).toBe(404);
  });

  it("refuses files that are not PDF or images, by their bytes", async () => {
    const res = await attach(farm, {
      kind: "other",
      title: "x",
      public: false,
      file: { contentBase64: Buffer.from("MZ\x90\x00 an exe").toString("base64") },
      links: [{ type: "lot", traceCode }],
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().pointer).toBe("/body/file/contentBase64");
  });

  it("lets a party attach papers only to what it is part of", async () => {
    const res = await attach(other, {
      kind: "other",
      title: "x",
      public: false,
      fields: { a: 1 },
      links: [{ type: "lot", traceCode }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().pointer).toBe("/body/links/0");
  });
});
