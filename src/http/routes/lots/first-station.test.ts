import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

type Auth = { authorization: string };

describe.each(engines)("an imported lot from its first-station report to a supermarket shelf on %s", (engine) => {
  let t: TestApp;
  let importer: Auth;
  let shop: Auth;
  let shopId = "";
  let productId = "";
  beforeAll(async () => {
    t = await createTestApp(engine);
    const imp = await t.party({ kind: "importer", regionCode: "350105" });
    const sup = await t.party({ kind: "retailer", regionCode: "350104" });
    shopId = sup.id;
    importer = (await t.key("enterprise", { partyId: imp.id })).auth;
    shop = (await t.key("enterprise", { partyId: sup.id })).auth;
    const p = await t.app.inject({
      method: "POST",
      url: "/v1/products",
      headers: importer,
      payload: { name: "澳洲冷冻牛腩", spec: "1kg/袋", unit: "bag", categoryCode: "meat/beef", shelfLifeDays: 540 },
    });
    productId = p.json().id;
  });
  afterAll(() => t.close());

  const report = (payload: object) =>
    t.app.inject({ method: "POST", url: "/v1/lots/first-station", headers: importer, payload });
  const lot = { productId, lotCode: "AU2611-7", productionDate: "2026-10-01", quantity: 400, countryOfOrigin: "AU" };

  it("needs the customs and quarantine papers for an import", async () => {
    const res = await report({
      supplier: { name: "Sunny Pastures Pty Ltd", country: "AU" },
      lot: { ...lot, productId },
      documents: { customsDeclarationNo: "350120260001234567" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().pointer).toBe("/body/documents/quarantineCertificateNo");
  });

  it("walks to the shelf: report, ship, receive, sell; the chain shows where it came in", async () => {
    const res = await report({
      supplier: { name: "Sunny Pastures Pty Ltd", country: "AU" },
      lot: { ...lot, productId },
      documents: { customsDeclarationNo: "350120260001234567", quarantineCertificateNo: "350100226000123" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const entered = res.json();
    expect(entered).toMatchObject({
      entry: "first_station",
      quantity: 400,
      firstStation: { countryOfOrigin: "AU", supplier: { name: "Sunny Pastures Pty Ltd", country: "AU" } },
    });
    expect(entered.traceCode).toMatch(/\/t\/350105/);

    const ship = await t.app.inject({
      method: "POST",
      url: "/v1/shipments",
      headers: importer,
      payload: { receiver: { partyId: shopId }, lines: [{ traceCode: entered.traceCode, quantity: 40 }] },
    });
    expect(ship.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/v1/receipts",
          headers: shop,
          payload: { voucher: ship.json().voucherUrl },
        })
      ).statusCode,
    ).toBe(200);
    const sale = await t.app.inject({
      method: "POST",
      url: "/v1/stock/end-of-chain",
      headers: shop,
      payload: { kind: "retail_sale", traceCode: entered.traceCode, quantity: 3 },
    });
    expect(sale.statusCode).toBe(201);
    const stock = (await t.app.inject({ url: "/v1/stock", headers: shop })).json().items;
    expect(stock).toEqual([expect.objectContaining({ traceCode: entered.traceCode, quantity: 37, expired: false })]);

    const event = await t.store.db
      .selectFrom("events")
      .select(["eventJson", "bizStep"])
      .where("eventId", "=", entered.eventId)
      .executeTakeFirstOrThrow();
    const e = JSON.parse(event.eventJson);
    expect(e).toMatchObject({
      action: "ADD",
      bizStep: "receiving",
      ilmd: { "cbvmda:countryOfOrigin": "AU", "sy:customsDeclarationNo": "350120260001234567" },
    });
    // The importer keeps a retained sample; the shop sees none of it.
    const sample = await t.app.inject({
      method: "POST",
      url: `/v1/lots/${entered.id}/samples`,
      headers: importer,
      payload: { quantity: 2, keptAt: "马尾冷库 3 号柜", keptUntil: "2028-04-01" },
    });
    expect(sample.statusCode, sample.body).toBe(201);
    expect((await t.app.inject({ url: `/v1/lots/${entered.id}/samples`, headers: importer })).json().items).toEqual([
      expect.objectContaining({ quantity: 2, unit: "bag", keptAt: "马尾冷库 3 号柜" }),
    ]);
    expect((await t.app.inject({ url: `/v1/lots/${entered.id}/samples`, headers: shop })).json().items).toEqual([]);
    const past = await t.app.inject({
      method: "POST",
      url: `/v1/lots/${entered.id}/samples`,
      headers: importer,
      payload: { quantity: 1, keptAt: "x", keptUntil: "2020-01-01" },
    });
    expect(past.json().pointer).toBe("/body/keptUntil");

    // The public view of the lot shows no quantities or papers.
    const pub = (await t.app.inject({ url: `/v1/lots/${entered.id}` })).json();
    expect(pub.view).toBe("public");
    expect(pub.quantity).toBeUndefined();
    expect(pub.firstStation).toBeUndefined();
  });

  it("needs a test report or sales voucher for domestic goods", async () => {
    const res = await report({
      supplier: { name: "江西某农场", country: "CN", province: "江西" },
      lot: { ...lot, productId, lotCode: "JX-1", countryOfOrigin: undefined },
      documents: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().pointer).toBe("/body/documents");
  });
});
