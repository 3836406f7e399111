import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { buildSupplyNetwork, type NetworkParty, type SupplyNetwork } from "../../../../test/supply-network.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { systemActor } from "../../../core/auth/actor.ts";
import { chinaDate } from "../../../core/codes/calendar-day.ts";
import { reportIntegrity } from "../../../services/evaluation/report-integrity.ts";
import { reportFirstStation } from "../../../services/lots/report-first-station.ts";
import { registerProduct } from "../../../services/products/register-product.ts";
import { cliOrigin, contextFor } from "../../../services/service-context.ts";

type Auth = { authorization: string };

describe.each(engines)("chain integrity per district on %s", (engine) => {
  let t: TestApp;
  let n: SupplyNetwork;
  let regulator: Auth;
  const today = chinaDate(Date.now());
  const call = (auth: Auth, url: string) => t.app.inject({ method: "GET", url, headers: auth });

  beforeAll(async () => {
    t = await createTestApp(engine);
    n = await buildSupplyNetwork(t);
    regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    // Goods from w1 (registered, 350102) that w1 never coded, first-coded by the retailer (350104) and the
    // canteen (350102): each counts against w1's district (a) and for the coder's (c, β by the district).
    const w1Credit = (
      await t.store.db.selectFrom("parties").select("creditCode").where("id", "=", n.id.w1).executeTakeFirstOrThrow()
    ).creditCode as string;
    for (const p of ["retailer", "canteen"] as NetworkParty[]) {
      const product = await registerProduct(n.as(p), { name: "小白菜", unit: "kg", categoryCode: "vegetables" });
      await reportFirstStation(n.as(p), {
        supplier: { name: "w1 测试", creditCode: w1Credit, country: "CN" },
        lot: { productId: product.id, productionDate: today, quantity: 20 },
        documents: { salesVoucherNo: "XS-0001" },
      });
    }
  });
  afterAll(() => t.close());

  // biome-ignore lint/suspicious/noExplicitAny: a JSON response, checked field by field below
  const district = (r: { districts: { regionCode: string }[] }, code: string): any =>
    r.districts.find((d) => d.regionCode === code);

  it("counts coded batches, uncoded upstream, rejections and rates per district", async () => {
    const res = await call(regulator, `/v1/integrity?region=350100&from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.districts.map((d: { regionCode: string }) => d.regionCode)).toEqual([
      "350102",
      "350103",
      "350104",
      "350105",
      "350111",
      "350121",
      "350181",
    ]);
    // 鼓楼 (350102): w1 coded U, the canteen first-coded one lot; w1 should have coded two lots (a = 2); the
    // canteen's upstream is inside (β = 1). Receipts: farm → w1 confirmed, w2 → canteen rejected.
    expect(district(r, "350102")).toMatchObject({
      name: "鼓楼区",
      coding: { N: 2, a: 2, c: { inside: 1, outside: 0, weighted: 1 }, rank: 1, f: 2 },
      scanning: { N: 2, a: 0, c: 1, f: 2, rate: 52 },
    });
    // 台江 (350104): the retailer first-coded goods of an upstream outside its district (β = 2).
    expect(district(r, "350104")).toMatchObject({
      coding: { N: 1, a: 0, c: { inside: 0, outside: 1, weighted: 2 } },
      scanning: { N: 3, a: 0, c: 0 },
    });
    expect(district(r, "350104").coding.rate).toBe(302);
    // p2 made two lots (jars, boxes): tied with 鼓楼 as the province's most coded districts.
    expect(district(r, "350181").coding).toMatchObject({ N: 2, rank: 1, rate: 102 });
    expect(r.notCounted).toContain("b");
  });

  it("counts a receipt still pending after 2 calendar days as not confirmed", async () => {
    const later = contextFor(
      { ...t.platform, clock: { now: () => Date.now() + 3 * 86_400_000 } },
      systemActor("test"),
      cliOrigin,
    );
    const r = await reportIntegrity(later, { region: "350100", from: today, to: today });
    expect(district(r as never, "350104")).toMatchObject({ scanning: { N: 3, a: 1, c: 0 } });
  });

  it("confines a regulator to its region and turns enterprises away", async () => {
    const farAway = (await t.key("regulator", { regionCode: "330000" })).auth;
    expect((await call(farAway, `/v1/integrity?region=350100&from=${today}&to=${today}`)).statusCode).toBe(403);
    const retailer = (await t.key("enterprise", { partyId: n.id.retailer })).auth;
    expect((await call(retailer, `/v1/integrity?region=350104&from=${today}&to=${today}`)).statusCode).toBe(403);
    const district = await call(regulator, `/v1/integrity?region=350102&from=${today}&to=${today}`);
    expect(district.json().districts.map((d: { regionCode: string }) => d.regionCode)).toEqual(["350102"]);
    const bad = await call(regulator, `/v1/integrity?region=350100&from=${today}&to=2020-01-01`);
    expect(bad.statusCode).toBe(400);
  });
});
