import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

type Auth = { authorization: string };

describe.each(engines)("corrections on %s", (engine) => {
  let t: TestApp;
  let farm: Auth;
  let buyer: Auth;
  let buyerId = "";
  let productId = "";
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const f = await t.party({ kind: "farm", regionCode: "350121" });
    const b = await t.party({ kind: "wholesaler", regionCode: "350102" });
    buyerId = b.id;
    farm = (await t.key("enterprise", { partyId: f.id })).auth;
    buyer = (await t.key("enterprise", { partyId: b.id })).auth;
    productId = (
      await post(farm, "/v1/products", { name: "芥蓝", unit: "kg", categoryCode: "vegetables/leafy", shelfLifeDays: 7 })
    ).json().id;
  });
  afterAll(() => t.close());

  function post(auth: Auth, url: string, payload: object) {
    return t.app.inject({ method: "POST", url, headers: auth, payload });
  }
  const code = async (quantity: number) =>
    (await post(farm, "/v1/lots", { lots: [{ productId, productionDate: today, quantity }] })).json().items[0];
  const stock = async (auth: Auth) => (await t.app.inject({ url: "/v1/stock", headers: auth })).json().items;
  const declarations = () => t.store.db.selectFrom("eventErrorDeclarations").selectAll().execute();

  it("revokes a shipment in transit: stock returns, the inbox empties, the event is declared erroneous", async () => {
    const lot = await code(100);
    const ship = (
      await post(farm, "/v1/shipments", {
        receiver: { partyId: buyerId },
        lines: [{ traceCode: lot.traceCode, quantity: 40 }],
      })
    ).json();
    expect((await post(buyer, `/v1/shipments/${ship.id}/revocation`, { reason: "不是我的" })).statusCode).toBe(403);
    const res = await post(farm, `/v1/shipments/${ship.id}/revocation`, { reason: "发错买家" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "revoked", lines: [{ state: "revoked" }] });
    expect(await stock(farm)).toContainEqual(expect.objectContaining({ traceCode: lot.traceCode, quantity: 100 }));
    expect((await t.app.inject({ url: "/v1/inbox", headers: buyer })).json().items).toEqual([]);
    const receive = await post(buyer, "/v1/receipts", { voucher: ship.voucherUrl });
    expect(receive.statusCode).toBe(409);
    const d = (await declarations()).find((x) => x.eventId === ship.eventId);
    expect(d).toMatchObject({ reason: "did_not_occur", note: "发错买家" });
    expect(JSON.parse(d?.declarationJson ?? "{}")).toMatchObject({
      eventID: ship.eventId,
      errorDeclaration: { reason: "did_not_occur" },
    });
    // History is kept: the shipping event itself is unchanged.
    expect(
      await t.store.db.selectFrom("events").select("eventId").where("eventId", "=", ship.eventId).executeTakeFirst(),
    ).toBeDefined();
  });

  it("refuses to revoke a shipment the buyer has received, saying what to do instead", async () => {
    const lot = await code(10);
    const ship = (
      await post(farm, "/v1/shipments", {
        receiver: { partyId: buyerId },
        lines: [{ traceCode: lot.traceCode, quantity: 10 }],
      })
    ).json();
    await post(buyer, "/v1/receipts", { voucher: ship.voucherUrl });
    const res = await post(farm, `/v1/shipments/${ship.id}/revocation`, { reason: "晚了" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "/problems/cannot-revoke",
      detail: expect.stringMatching(/reject or ship them back/),
    });
  });

  it("revokes an untouched coding: the stock goes and the code can no longer be used", async () => {
    const lot = await code(30);
    const res = await post(farm, `/v1/lots/${lot.id}/revocation`, { reason: "数量录错" });
    expect(res.statusCode).toBe(200);
    expect(res.json().revoked).toBe(true);
    expect((await stock(farm)).find((s: { traceCode: string }) => s.traceCode === lot.traceCode)).toBeUndefined();
    const ship = await post(farm, "/v1/shipments", {
      receiver: { partyId: buyerId },
      lines: [{ traceCode: lot.traceCode, quantity: 1 }],
    });
    expect(ship.json()).toMatchObject({ type: "/problems/lot-revoked", pointer: "/body/lines/0/traceCode" });
    expect((await post(farm, `/v1/lots/${lot.id}/revocation`, { reason: "again" })).statusCode).toBe(409);
  });

  it("refuses to revoke a coding once the lot has moved", async () => {
    const lot = await code(5);
    await post(farm, "/v1/stock/end-of-chain", { kind: "retail_sale", traceCode: lot.traceCode, quantity: 1 });
    const res = await post(farm, `/v1/lots/${lot.id}/revocation`, { reason: "晚了" });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("/problems/cannot-revoke");
  });
});
