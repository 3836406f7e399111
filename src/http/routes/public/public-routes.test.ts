import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { type PublicSeed, seedPublicChain } from "../../../../test/public-seed.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

describe.each(engines)("the public resolver and pages on %s", (engine) => {
  let t: TestApp;
  let s: PublicSeed;
  const path = (url: string) => new URL(url).pathname;
  const get = (url: string, accept = "text/html", extra: Record<string, string> = {}) =>
    t.app.inject({ url, headers: { accept, ...extra } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    s = await seedPublicChain(t);
  });
  afterAll(() => t.close());

  it("answers a browser with the consumer page in zh-CN by default and in English on request", async () => {
    const zh = await get(path(s.lot.traceCode));
    expect(zh.statusCode).toBe(200);
    expect(zh.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(zh.body).toContain('<html lang="zh-CN">');
    for (const text of [
      "上海青",
      "ABC123",
      "闽侯绿野蔬菜合作社",
      "农药残留快检",
      "合格",
      "承诺达标合格证",
      "台江惠民超市",
      "投诉举报",
    ])
      expect(zh.body).toContain(text);
    // Not for consumers: private papers, quantities, voucher codes, contact data.
    expect(zh.body).not.toContain(s.privateDocTitle);
    expect(zh.body).not.toContain("0591-87000000");
    expect(zh.body).not.toContain(path(s.voucherUrl).slice(3));
    const en = await get(`${path(s.lot.traceCode)}?lang=en`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain("Chain of custody");
  });

  it("answers JSON with the public record and the linkset with GS1 link types (RFC 9264)", async () => {
    const json = await get(path(s.lot.traceCode), "application/json");
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const r = json.json();
    expect(r).toMatchObject({ type: "lot", lotCode: "ABC123", gtin: s.gtin, recall: null, expiry: { status: "ok" } });
    expect(r.chain.map((c: { kind: string }) => c.kind)).toEqual([
      "coded",
      "shipped",
      "received",
      "shipped",
      "received",
    ]);
    expect(JSON.stringify(r)).not.toMatch(/quantity|voucher/i);
    expect(json.headers.link).toContain('rel="linkset"');

    const ls = await get(path(s.lot.traceCode), "application/linkset+json");
    expect(ls.headers["content-type"]).toContain("application/linkset+json");
    const ctx = ls.json().linkset[0];
    expect(ctx.anchor).toBe(s.lot.traceCode);
    for (const rel of [
      "defaultLink",
      "pip",
      "traceability",
      "certificationInfo",
      "recallStatus",
      "epcis",
      "verificationService",
    ])
      expect(ctx[`https://gs1.org/voc/${rel}`], rel).toBeDefined();
    expect(ctx["https://gs1.org/voc/certificationInfo"]).toHaveLength(2);
    expect((await get(`${path(s.lot.traceCode)}?linkType=all`)).json().linkset).toHaveLength(1);
  });

  it("redirects ?linkType= to that link, and says which types exist when it has none", async () => {
    const res = await get(`${path(s.lot.traceCode)}?linkType=gs1:traceability`);
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`${s.lot.traceCode}#chain`);
    const full = await get(`${path(s.lot.traceCode)}?linkType=https://gs1.org/voc/verificationService`);
    expect(full.headers.location).toMatch(/\/v1\/ledger\/receipts\/lot\//);
    const none = await get(`${path(s.lot.traceCode)}?linkType=gs1:nutritionalInfo`, "application/json");
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      type: "/problems/link-type-not-available",
      available: expect.arrayContaining(["gs1:pip"]),
    });
  });

  it("resolves every form of the same lot: query attributes, serial qualifiers and zero-suppressed GTINs", async () => {
    for (const url of [
      `${path(s.lot.traceCode)}?17=261231&utm_source=qr`,
      `/01/${s.gtin}/10/ABC123/21/SN0001`,
      `/01/${s.gtin.slice(1)}/10/ABC123`,
    ]) {
      const res = await get(url, "application/json");
      expect(res.statusCode, url).toBe(200);
      expect(res.json().lotId).toBe(s.lot.id);
    }
  });

  it("shows the recall on the recalled lot's page and record", async () => {
    const page = await get(path(s.recalled.traceCode));
    expect(page.body).toContain('role="alert"');
    expect(page.body).toContain("该批次正在召回");
    expect(page.body).toContain("检出农药残留超标");
    expect((await get(path(s.recalled.traceCode), "application/json")).json().recall).toMatchObject({ level: "II" });
  });

  it("answers the party code (主体码) by GLN with the party page, without contact data", async () => {
    const res = await get(`/414/${s.gln}`, "application/json");
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ type: "party", party: { name: "闽侯绿野蔬菜合作社", kind: "farm" }, riskGrade: null });
    expect(r.products.map((p: { name: string }) => p.name).sort()).toEqual(["上海青", "小白菜"]);
    expect(r.recalls).toMatchObject([{ level: "II", open: true }]);
    expect(JSON.stringify(r)).not.toContain("0591");
    const retailer = (await get(`/v1/parties/${s.id.retailer}`, "application/json")).json();
    const page = await get(path(retailer.codeUrl));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("台江惠民超市");
    expect(page.body).toContain("上海青");
  });

  it("answers a voucher code with the voucher's public view: parties, date, lots — no quantities", async () => {
    const res = await get(path(s.voucherUrl), "application/json");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: "voucher", lots: [{ lotCode: "ABC123", traceCode: s.lot.traceCode }] });
    expect(res.body).not.toMatch(/quantity/i);
  });

  it("gives a helpful 404 for a valid unknown code and a 400 that says what is wrong with an invalid one", async () => {
    const unknown = await get(`/01/${s.gtin}/10/NOPE42`, "application/json");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      type: "/problems/code-not-found",
      help: {
        valid: true,
        reason: "unknown-lot",
        gs1Prefix: { prefix: "690" },
        producer: { partyName: "闽侯绿野蔬菜合作社" },
      },
    });
    const page = await get(`/01/${s.gtin}/10/NOPE42`);
    expect(page.statusCode).toBe(404);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("GS1 前缀码 690 由中国（中国物品编码中心）分配");
    expect(page.body).toContain("闽侯绿野蔬菜合作社");
    expect((await get(`/01/${s.gtin}/10/NOPE42?lang=en`)).body).toContain("issued by GS1 China");

    const bad = await get("/01/06901234567893/10/ABC123", "application/json");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: "/problems/invalid-code", help: { valid: false } });
    expect(bad.json().detail).toMatch(/check digit/);
    const typo = await get("/t/3501212611230001XX");
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain("mistyped");
    const tn = await get("/t/3501212611239ZZZ", "application/json");
    expect([400, 404]).toContain(tn.statusCode);
    expect((await get("/01/06901234567892", "application/json")).json().help.reason).toBe("gtin-only");
    expect((await get("/00/106141412345678908", "application/json")).json().help.reason).toBe("unsupported-key");
  });

  it("does not shadow the API, the log or the docs", async () => {
    expect((await get("/v1/nothing-here", "application/json")).json().type).toBe("/problems/route-not-found");
    expect((await get("/log/checkpoint", "text/plain")).statusCode).toBe(200);
    expect((await get("/docs", "text/html")).statusCode).toBeLessThan(400);
    expect((await get("/healthz", "application/json")).statusCode).toBe(200);
  });

  it("serves the scanner page, its decoder (no CDN) and the receipt verifier", async () => {
    const page = await get("/scan");
    expect(page.body).toContain("/assets/zxing/reader.js");
    expect(page.body).not.toMatch(/https?:\/\/(?!trace\.test)[a-z]/);
    const wasm = await get("/assets/zxing/zxing_reader.wasm", "*/*");
    expect(wasm.headers["content-type"]).toBe("application/wasm");
    expect(wasm.rawPayload.subarray(0, 4).toString("hex")).toBe("0061736d");
    expect((await get("/assets/verify-receipt.js", "*/*")).body).toContain("export async function verifyReceipt");
    expect((await get("/.well-known/gs1resolver", "application/json")).json().resolverRoot).toBe("https://trace.test");
  });

  it("counts each public resolution per lot, day and district, and lets regulators read the counts", async () => {
    const before = await t.app.inject({ url: "/v1/scan-stats", headers: (await t.key("admin")).auth });
    const counted = (b: typeof before) =>
      b
        .json()
        .items.filter((i: { lotId: string }) => i.lotId === s.lot.id)
        .reduce((n: number, i: { count: number }) => n + i.count, 0);
    const n0 = counted(before);
    for (let i = 0; i < 3; i++) await get(path(s.lot.traceCode), "application/json");
    const regulator = (await t.key("regulator", { regionCode: "350103" })).auth;
    const after = await t.app.inject({ url: "/v1/scan-stats", headers: regulator });
    expect(after.statusCode, after.body).toBe(200);
    expect(counted(after)).toBe(n0 + 3);
    // Credited to the district where the lot is sold (the retailer in 台江区 350103).
    expect(after.json().districts).toEqual([expect.objectContaining({ regionCode: "350103" })]);
    const other = await t.app.inject({
      url: "/v1/scan-stats",
      headers: (await t.key("regulator", { regionCode: "350102" })).auth,
    });
    expect(other.json().items).toEqual([]);
    expect((await t.app.inject({ url: "/v1/scan-stats" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/v1/scan-stats", headers: s.key.farm })).statusCode).toBe(403);
    const cols = Object.keys(after.json().items[0]).sort();
    expect(cols).toEqual(["count", "day", "lotId", "regionCode", "traceKey"]);
  });
});
