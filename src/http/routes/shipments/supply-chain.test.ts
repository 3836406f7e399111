import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

type Auth = { authorization: string };

describe.each(engines)("a lot from farm to canteen over HTTP on %s", (engine) => {
  let t: TestApp;
  const key: Record<string, Auth> = {};
  const id: Record<string, string> = {};
  let traceCode = "";

  const call = (
    auth: Auth,
    method: "GET" | "POST",
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
  const stockOf = async (who: string) => {
    const res = await call(key[who] as Auth, "GET", "/v1/stock");
    return Object.fromEntries(
      res.json().items.map((i: { traceCode: string; quantity: number }) => [i.traceCode, i.quantity]),
    );
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const [name, kind, region] of [
      ["farm", "farm", "350121"],
      ["wholesaler", "wholesaler", "350102"],
      ["vendor", "market_vendor", "350103"],
      ["canteen", "canteen", "350102"],
    ] as const) {
      const p = await t.party({ kind, regionCode: region, name: `${name} 测试` });
      id[name] = p.id;
      key[name] = (await t.key("enterprise", { partyId: p.id })).auth;
    }
  });
  afterAll(() => t.close());

  it("codes a lot of loose vegetables with a platform trace number", async () => {
    const product = await call(key.farm as Auth, "POST", "/v1/products", {
      name: "上海青",
      unit: "kg",
      categoryCode: "vegetables/leafy",
      shelfLifeDays: 5,
    });
    expect(product.statusCode).toBe(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await call(key.farm as Auth, "POST", "/v1/lots", {
      lots: [{ productId: product.json().id, productionDate: today, quantity: 1000 }],
    });
    expect(res.statusCode).toBe(201);
    const lot = res.json().items[0];
    expect(lot.traceCode).toMatch(/^https:\/\/trace\.test\/t\/350121[0-9A-Z]{12,14}$/);
    expect(lot.lotCode).toMatch(/^\d{6}-001$/);
    expect(lot.expiryDate).not.toBeNull();
    traceCode = lot.traceCode;
    expect(await stockOf("farm")).toEqual({ [traceCode]: 1000 });

    const svg = await t.app.inject({ url: `${lot.links.label}?format=svg&size=50x30` });
    expect(svg.statusCode, svg.body).toBe(200);
    expect(svg.body).toContain("上海青");
    expect(svg.body).toContain(lot.lotCode);
    const pdf = await t.app.inject({ url: `${lot.links.label}?copies=3` });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(3);
  });

  it("ships to the wholesaler, who receives the whole voucher with one scan", async () => {
    const ship = await call(key.farm as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.wholesaler },
      lines: [{ traceCode, quantity: 600 }],
    });
    expect(ship.statusCode, ship.body).toBe(201);
    expect(ship.json()).toMatchObject({
      status: "in_transit",
      lines: [{ state: "pending", quantity: 600, traceCode }],
    });
    const inbox = await call(key.wholesaler as Auth, "GET", "/v1/inbox");
    expect(inbox.json().items.map((s: { voucherCode: string }) => s.voucherCode)).toEqual([ship.json().voucherCode]);
    expect(inbox.json().items[0].overdue).toBe(false);

    const received = await call(key.wholesaler as Auth, "POST", "/v1/receipts", { voucher: ship.json().voucherUrl });
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({
      status: "received",
      lines: [{ state: "received", received: 600, shortage: 0 }],
    });
    expect(await stockOf("farm")).toEqual({ [traceCode]: 400 });
    expect(await stockOf("wholesaler")).toEqual({ [traceCode]: 600 });

    const again = await call(key.wholesaler as Auth, "POST", "/v1/receipts", { voucher: ship.json().voucherUrl });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe("/problems/already-settled");
  });

  it("lets the vendor receive less than shipped (a shortage) by scanning the trace code on the voucher", async () => {
    const ship = await call(key.wholesaler as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.vendor },
      lines: [{ traceCode, quantity: 200, unit: "kg" }],
    });
    expect(ship.statusCode).toBe(201);
    const res = await call(key.vendor as Auth, "POST", "/v1/receipts", {
      voucher: traceCode,
      lines: [{ traceCode, quantity: 190 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "partially_received", lines: [{ received: 190, shortage: 10 }] });
    expect(await stockOf("vendor")).toEqual({ [traceCode]: 190 });
  });

  it("returns rejected goods to the shipper, and only the receiver may reject", async () => {
    const ship = await call(key.wholesaler as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.canteen },
      lines: [{ traceCode, quantity: 100 }],
    });
    const voucher = ship.json().voucherUrl;
    expect((await call(key.vendor as Auth, "POST", "/v1/rejections", { voucher, reason: "不是我的" })).statusCode).toBe(
      403,
    );
    expect(await stockOf("wholesaler")).toEqual({ [traceCode]: 300 });
    const rej = await call(key.canteen as Auth, "POST", "/v1/rejections", { voucher, reason: "叶片发黄，质量不合格" });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({
      status: "rejected",
      lines: [{ state: "rejected", reason: "叶片发黄，质量不合格" }],
    });
    expect(await stockOf("wholesaler")).toEqual({ [traceCode]: 400 });
    expect(await stockOf("canteen")).toEqual({});
  });

  it("ships again, the canteen receives and uses part in its kitchen; quantities are conserved", async () => {
    const ship = await call(key.wholesaler as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.canteen },
      lines: [{ traceCode, quantity: 100 }],
    });
    expect(
      (await call(key.canteen as Auth, "POST", "/v1/receipts", { voucher: ship.json().voucherCode })).statusCode,
    ).toBe(200);
    const use = await call(key.canteen as Auth, "POST", "/v1/stock/end-of-chain", {
      kind: "kitchen_use",
      traceCode,
      quantity: 50,
    });
    expect(use.statusCode).toBe(201);
    const held = [
      await stockOf("farm"),
      await stockOf("wholesaler"),
      await stockOf("vendor"),
      await stockOf("canteen"),
    ].map((s) => s[traceCode] ?? 0);
    expect(held).toEqual([400, 300, 190, 50]);
    // 1000 coded = 940 held + 10 short in transit + 50 used.
    expect(held.reduce((a, b) => a + b, 0) + 10 + 50).toBe(1000);
  });

  it("never ships more than is held, nor another party's stock", async () => {
    const over = await call(key.vendor as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.canteen },
      lines: [{ traceCode, quantity: 191 }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ type: "/problems/insufficient-stock", pointer: "/body/lines/0/quantity" });
    const foreign = await call(key.vendor as Auth, "POST", "/v1/shipments", {
      partyId: id.farm,
      receiver: { partyId: id.canteen },
      lines: [{ traceCode, quantity: 1 }],
    });
    expect(foreign.statusCode).toBe(403);
    const wrongUnit = await call(key.vendor as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.canteen },
      lines: [{ traceCode, quantity: 1, unit: "box" }],
    });
    expect(wrongUnit.json()).toMatchObject({ type: "/problems/unit-mismatch", pointer: "/body/lines/0/unit" });
    expect(await stockOf("vendor")).toEqual({ [traceCode]: 190 });
  });

  it("takes effect once when a shipment is retried with the same Idempotency-Key", async () => {
    const body = { receiver: { name: "闽清县某饭店", province: "福建" }, lines: [{ traceCode, quantity: 10 }] };
    const first = await call(key.vendor as Auth, "POST", "/v1/shipments", body, { "idempotency-key": "erp-42" });
    const retry = await call(key.vendor as Auth, "POST", "/v1/shipments", body, { "idempotency-key": "erp-42" });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json().voucherCode).toBe(first.json().voucherCode);
    expect(await stockOf("vendor")).toEqual({ [traceCode]: 180 });
    const misuse = await call(
      key.vendor as Auth,
      "POST",
      "/v1/shipments",
      { ...body, lines: [{ traceCode, quantity: 11 }] },
      { "idempotency-key": "erp-42" },
    );
    expect(misuse.statusCode).toBe(422);
  });

  it("blocks shipping and sale of an expired lot but lets it be destroyed", async () => {
    const product = await call(key.farm as Auth, "POST", "/v1/products", {
      name: "菠菜",
      unit: "kg",
      categoryCode: "vegetables/leafy",
    });
    const lot = await call(key.farm as Auth, "POST", "/v1/lots", {
      lots: [{ productId: product.json().id, productionDate: "2026-01-01", expiryDate: "2026-01-05", quantity: 20 }],
    });
    const code = lot.json().items[0].traceCode;
    const ship = await call(key.farm as Auth, "POST", "/v1/shipments", {
      receiver: { partyId: id.wholesaler },
      lines: [{ traceCode: code, quantity: 5 }],
    });
    expect(ship.statusCode).toBe(409);
    expect(ship.json()).toMatchObject({ type: "/problems/lot-expired", pointer: "/body/lines/0/quantity" });
    expect(
      (
        await call(key.farm as Auth, "POST", "/v1/stock/end-of-chain", {
          kind: "retail_sale",
          traceCode: code,
          quantity: 1,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(key.farm as Auth, "POST", "/v1/stock/end-of-chain", {
          kind: "destruction",
          traceCode: code,
          quantity: 20,
        })
      ).statusCode,
    ).toBe(201);
    expect((await stockOf("farm"))[code]).toBeUndefined();
  });

  it("records an EPCIS event for every action, each with its hash ID", async () => {
    const rows = await t.store.db.selectFrom("events").select(["eventId", "bizStep"]).execute();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.every((r) => r.eventId.startsWith("ni:///sha-256;"))).toBe(true);
    const steps = new Set(rows.map((r) => r.bizStep?.replace(/^.*[/:]/, "").replace(/^BizStep-/, "")));
    for (const s of ["commissioning", "shipping", "receiving", "destroying"]) expect(steps).toContain(s);
  });
});
