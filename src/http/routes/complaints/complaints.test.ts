import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { manualClock } from "../../../../test/factories.ts";
import { type PublicSeed, seedPublicChain } from "../../../../test/public-seed.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

describe.each(engines)("complaints (投诉举报) on %s", (engine) => {
  let t: TestApp;
  let s: PublicSeed;
  const clock = manualClock(Date.now());

  /** The form as the consumer page serves it, filled in after `fillMs`. */
  async function formFor(code: string, fillMs = 5_000): Promise<Record<string, string>> {
    const page = await t.app.inject({ url: new URL(code).pathname, headers: { accept: "text/html" } });
    const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] as string;
    clock.advance(fillMs);
    return { code, formToken: token, category: "expired", description: "超市货架上在售已过期的上海青", website: "" };
  }
  const post = (payload: Record<string, string>, ip = "10.0.0.1", form = false) =>
    t.app.inject({
      method: "POST",
      url: "/v1/complaints",
      remoteAddress: ip,
      ...(form
        ? {
            payload: new URLSearchParams(payload).toString(),
            headers: { "content-type": "application/x-www-form-urlencoded" },
          }
        : { payload }),
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock, app: { publicCacheTtlMs: 0 } });
    s = await seedPublicChain(t);
  });
  afterAll(() => t.close());

  it("routes a complaint about a lot to the regulator where it is sold, and only there", async () => {
    const res = await post({ ...(await formFor(s.lot.traceCode)), contactPhone: "13800138000" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: "350103", regionName: "福建省 福州市 台江区", status: "received" });
    const taijiang = await t.app.inject({
      url: "/v1/complaints",
      headers: (await t.key("regulator", { regionCode: "350103" })).auth,
    });
    expect(taijiang.json().items).toMatchObject([
      {
        id: res.json().id,
        targetType: "lot",
        targetId: s.lot.id,
        partyId: s.id.farm,
        category: "expired",
        contactPhone: "13800138000",
      },
    ]);
    const city = await t.app.inject({
      url: "/v1/complaints",
      headers: (await t.key("regulator", { regionCode: "350100" })).auth,
    });
    expect(city.json().items).toHaveLength(1);
    const gulou = await t.app.inject({
      url: "/v1/complaints",
      headers: (await t.key("regulator", { regionCode: "350102" })).auth,
    });
    expect(gulou.json().items).toEqual([]);
    expect((await t.app.inject({ url: "/v1/complaints", headers: s.key.farm })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/v1/complaints" })).statusCode).toBe(401);
  });

  it("routes a complaint about a party to its own region and answers a form post with a page", async () => {
    const res = await post(
      { ...(await formFor(`https://trace.test/414/${s.gln}`)), category: "hygiene" },
      "10.0.0.2",
      true,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("投诉已提交");
    expect(res.body).toContain("闽侯县");
  });

  it("refuses bots: the honeypot, a form posted too fast, a forged or missing token", async () => {
    const form = await formFor(s.lot.traceCode);
    for (const [payload, why] of [
      [{ ...form, website: "http://spam.example" }, "honeypot"],
      [{ ...(await formFor(s.lot.traceCode, 500)) }, "too-fast"],
      [{ ...form, formToken: `${clock.now() - 10_000}.${"A".repeat(43)}` }, "bad-token"],
    ] as const) {
      const res = await post(payload, "10.0.1.1");
      expect(res.statusCode, why).toBe(422);
      expect(res.json()).toMatchObject({ type: "/problems/complaint-rejected" });
      expect(res.json().detail).toContain(why);
    }
    const { formToken: _, ...noToken } = form;
    expect((await post(noToken, "10.0.1.2")).statusCode).toBe(400);
    const admin = await t.app.inject({ url: "/v1/complaints", headers: (await t.key("admin")).auth });
    expect(admin.json().items).toHaveLength(2);
  });

  it("validates what a person wrote, pointing at the field", async () => {
    const res = await post(
      { ...(await formFor(s.lot.traceCode)), description: "太短", contactPhone: "12" },
      "10.0.2.1",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/description",
      "/body/contactPhone",
    ]);
    const unknown = await post(
      { ...(await formFor(s.lot.traceCode)), code: `https://trace.test/01/${s.gtin}/10/NOPE` },
      "10.0.2.2",
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("limits each address to 5 complaints in 15 minutes", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post(await formFor(s.lot.traceCode), "10.0.3.1")).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await post(await formFor(s.lot.traceCode), "10.0.3.2")).statusCode).toBe(201);
    clock.advance(15 * 60_000);
    expect((await post(await formFor(s.lot.traceCode), "10.0.3.1")).statusCode).toBe(201);
  });
});
