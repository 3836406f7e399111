import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { buildSupplyNetwork, type NetworkParty, type SupplyNetwork } from "../../../../test/supply-network.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

type Auth = { authorization: string };
type Task = {
  id: string;
  partyId: string;
  lotId: string;
  held: number;
  inTransit: number;
  returned: number;
  destroyed: number;
};

describe.each(engines)("recalls over HTTP on %s", (engine) => {
  let t: TestApp;
  let n: SupplyNetwork;
  let regulator: Auth;
  let farAway: Auth;
  let recallId = "";
  const key = {} as Record<NetworkParty, Auth>;
  const call = (auth: Auth | undefined, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: auth ?? {}, ...(payload ? { payload } : {}) });
  const stock = async (p: NetworkParty, code: string) =>
    ((await call(key[p], "GET", "/v1/stock")).json().items as { traceCode: string; quantity: number }[]).find(
      (i) => i.traceCode === code,
    )?.quantity ?? 0;
  const ship = (from: NetworkParty, to: NetworkParty, traceCode: string, quantity: number) =>
    call(key[from], "POST", "/v1/shipments", { receiver: { partyId: n.id[to] }, lines: [{ traceCode, quantity }] });
  const recall = async () => (await call(regulator, "GET", `/v1/recalls/${recallId}`)).json();
  const taskOf = async (p: NetworkParty, lot: keyof SupplyNetwork["lotId"]) =>
    ((await recall()).tasks as Task[]).find((x) => x.partyId === n.id[p] && x.lotId === n.lotId[lot]);

  beforeAll(async () => {
    t = await createTestApp(engine);
    n = await buildSupplyNetwork(t);
    regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    farAway = (await t.key("regulator", { regionCode: "330000" })).auth;
    for (const p of Object.keys(n.id) as NetworkParty[])
      key[p] = (await t.key("enterprise", { partyId: n.id[p] })).auth;
    const hook = await call(key.retailer, "POST", "/v1/webhooks", { url: "http://127.0.0.1:9/hooks" });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(() => t.close());

  it("lets only the producer or a regulator of its region open a recall", async () => {
    const body = { level: "I", reason: "检出农药残留超标", lots: [n.code.V] };
    expect((await call(key.retailer, "POST", "/v1/recalls", body)).statusCode).toBe(403);
    expect((await call(farAway, "POST", "/v1/recalls", body)).statusCode).toBe(403);
    const bad = await call(key.farm, "POST", "/v1/recalls", { ...body, level: "IV" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe("/body/level");
  });

  it("scopes the producer's recall by the forward trace: every holder with stock, in transit, and lots made from it", async () => {
    const res = await call(key.farm, "POST", "/v1/recalls", {
      level: "I",
      reason: "检出农药残留超标",
      lots: [n.code.V],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    recallId = r.id;
    expect(r).toMatchObject({ status: "open", level: "I", initiator: { kind: "producer", partyId: n.id.farm } });
    expect(r.lots.map((l: { id: string }) => l.id).sort()).toEqual([n.lotId.V, n.lotId.K, n.lotId.J, n.lotId.B].sort());
    expect(r.lots.filter((l: { named: boolean }) => l.named).map((l: { id: string }) => l.id)).toEqual([n.lotId.V]);
    const tasks = (r.tasks as Task[]).map((x) => [x.partyId, x.lotId, x.held, x.inTransit]);
    expect(tasks).toEqual(
      expect.arrayContaining([
        [n.id.farm, n.lotId.V, 400, 0],
        [n.id.w1, n.lotId.V, 130, 0],
        [n.id.w2, n.lotId.V, 200, 0],
        [n.id.retailer, n.lotId.V, 160, 20],
        [n.id.p1, n.lotId.K, 80, 0],
        [n.id.p2, n.lotId.J, 40, 0],
        [n.id.p2, n.lotId.B, 10, 0],
      ]),
    );
    expect(tasks).toHaveLength(7);
    // Distributed: what left each lot's producer (w1 130 + w2 200 + retailer 160 held and 20 on its way).
    expect(r.progress).toMatchObject({ distributed: 510, recovered: 0, holders: 6 });

    const event = await t.store.db.selectFrom("events").selectAll().where("eventId", "=", r.eventId).executeTakeFirst();
    expect(event).toMatchObject({
      disposition: "https://ref.gs1.org/cbv/Disp-recalled",
      bizStep: "https://ref.gs1.org/cbv/BizStep-holding",
    });
    const outbox = await t.store.db
      .selectFrom("outbox")
      .select(["topic", "payloadJson"])
      .where("topic", "=", "recall.opened")
      .execute();
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]?.payloadJson as string).data).toMatchObject({ recallId, level: "I" });
    const audit = await t.store.db.selectFrom("auditLog").select("action").where("targetId", "=", recallId).execute();
    expect(audit.map((a) => a.action)).toEqual(["recall.open"]);
  });

  it("puts a task in each holder's inbox, which it acknowledges and marks as sale stopped", async () => {
    const inbox = await call(key.retailer, "GET", "/v1/recalls/tasks");
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().items).toHaveLength(1);
    const item = inbox.json().items[0];
    expect(item).toMatchObject({ recall: { id: recallId, level: "I" }, task: { held: 160, inTransit: 20 } });
    expect((await call(key.w1, "POST", `/v1/recalls/tasks/${item.task.id}/acknowledge`)).statusCode).toBe(404);
    const ack = await call(key.retailer, "POST", `/v1/recalls/tasks/${item.task.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect(ack.json().stopSaleAt).toBeNull();
    const stop = await call(key.retailer, "POST", `/v1/recalls/tasks/${item.task.id}/stop-sale`);
    expect(stop.json().stopSaleAt).not.toBeNull();
    expect((await call(key.bystander, "GET", "/v1/recalls/tasks")).json().items).toEqual([]);
    expect((await recall()).progress).toMatchObject({ acknowledged: 1, stoppedSale: 1 });
  });

  it("refuses shipping, sale, use as an input and receipt of any lot in scope, naming the recall", async () => {
    const shipped = await ship("w1", "retailer", n.code.V, 1);
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json()).toMatchObject({
      type: "/problems/lot-recalled",
      recallId,
      pointer: "/body/lines/0/traceCode",
    });
    const boxes = await ship("p2", "retailer", n.code.B, 1);
    expect(boxes.json()).toMatchObject({ type: "/problems/lot-recalled", recallId });
    const sale = await call(key.retailer, "POST", "/v1/stock/end-of-chain", {
      kind: "retail_sale",
      traceCode: n.code.V,
      quantity: 1,
    });
    expect(sale.json()).toMatchObject({ type: "/problems/lot-recalled", recallId });
    const kitchen = await call(key.p2, "POST", "/v1/stock/end-of-chain", {
      kind: "kitchen_use",
      traceCode: n.code.J,
      quantity: 1,
    });
    expect(kitchen.statusCode).toBe(409);
    const product = await call(key.p1, "POST", "/v1/products", {
      name: "酱菜二号",
      unit: "bag",
      categoryCode: "vegetables",
    });
    const made = await call(key.p1, "POST", "/v1/lots", {
      lots: [
        {
          productId: product.json().id,
          productionDate: "2026-01-01",
          quantity: 5,
          inputs: [{ traceCode: n.code.K, quantity: 1 }],
        },
      ],
    });
    expect(made.json()).toMatchObject({
      type: "/problems/lot-recalled",
      recallId,
      pointer: "/body/lots/0/inputs/0/traceCode",
    });
    expect(await stock("retailer", n.code.V)).toBe(160);
    expect(await stock("w1", n.code.V)).toBe(130);
  });

  it("sends a receipt of a recalled lot back to the shipper and credits it as returned", async () => {
    const res = await call(key.retailer, "POST", "/v1/receipts", { voucher: n.pendingVoucher });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: "/problems/lot-recalled", recallId, returnedToShipper: true });
    const voucher = n.pendingVoucher.split("/v/")[1] as string;
    const line = await t.store.db
      .selectFrom("shipmentLines")
      .innerJoin("shipments", "shipments.id", "shipmentLines.shipmentId")
      .select(["state", "reason"])
      .where("voucherCode", "=", voucher)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ state: "rejected", reason: `recall ${recallId}` });
    expect(await stock("w1", n.code.V)).toBe(150);
    expect(await stock("retailer", n.code.V)).toBe(160);
    expect(await taskOf("retailer", "V")).toMatchObject({ returned: 20 });
  });

  it("blocks nothing outside its scope: the same parties still ship and receive an unrelated lot", async () => {
    const res = await ship("w1", "retailer", n.code.U, 5);
    expect(res.statusCode, res.body).toBe(201);
    const got = await call(key.retailer, "POST", "/v1/receipts", { voucher: res.json().voucherUrl });
    expect(got.statusCode, got.body).toBe(200);
    const sale = await call(key.retailer, "POST", "/v1/stock/end-of-chain", {
      kind: "retail_sale",
      traceCode: n.code.U,
      quantity: 1,
    });
    expect(sale.statusCode, sale.body).toBe(201);
  });

  it("recovers stock by destruction and by shipping it back to the producer, and reports progress", async () => {
    const destroyed = await call(key.w2, "POST", "/v1/stock/end-of-chain", {
      kind: "destruction",
      traceCode: n.code.V,
      quantity: 200,
      reason: "召回销毁",
    });
    expect(destroyed.statusCode, destroyed.body).toBe(201);
    const back = await ship("w1", "farm", n.code.V, 150);
    expect(back.statusCode, back.body).toBe(201);
    const received = await call(key.farm, "POST", "/v1/receipts", { voucher: back.json().voucherUrl });
    expect(received.statusCode, received.body).toBe(200);
    expect(await stock("farm", n.code.V)).toBe(550);
    expect(await taskOf("w2", "V")).toMatchObject({ destroyed: 200, returned: 0 });
    expect(await taskOf("w1", "V")).toMatchObject({ returned: 150 });
    // 20 refused at the retailer's door + 200 destroyed + 150 returned by w1 (130 held at scope time + the 20).
    expect((await recall()).progress).toMatchObject({ distributed: 510, recovered: 370 });
  });

  it("is closed by a regulator of the producer's region only, and then the lot moves again", async () => {
    expect((await call(key.farm, "POST", `/v1/recalls/${recallId}/close`, {})).statusCode).toBe(403);
    expect((await call(farAway, "POST", `/v1/recalls/${recallId}/close`, {})).statusCode).toBe(403);
    const closed = await call(regulator, "POST", `/v1/recalls/${recallId}/close`, { note: "召回完成，已评估" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", closeNote: "召回完成，已评估" });
    expect((await call(regulator, "POST", `/v1/recalls/${recallId}/close`, {})).json().type).toBe(
      "/problems/recall-closed",
    );
    const sale = await call(key.retailer, "POST", "/v1/stock/end-of-chain", {
      kind: "retail_sale",
      traceCode: n.code.V,
      quantity: 1,
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect((await call(key.retailer, "GET", "/v1/recalls/tasks")).json().items).toEqual([]);
  });

  it("lets a regulator order the recall of every lot of a product produced in a date range", async () => {
    const product = (
      await t.store.db.selectFrom("lots").select("productId").where("id", "=", n.lotId.U).executeTakeFirstOrThrow()
    ).productId;
    const body = {
      level: "III",
      reason: "标签虚假标注",
      product: { productId: product, producedFrom: "2020-01-01", producedTo: "2099-12-31" },
    };
    expect((await call(farAway, "POST", "/v1/recalls", body)).statusCode).toBe(403);
    const res = await call(regulator, "POST", "/v1/recalls", body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      initiator: { kind: "regulator", regionCode: "350100" },
      producerPartyId: n.id.w1,
    });
    expect(res.json().lots.map((l: { id: string }) => l.id)).toEqual([n.lotId.U]);
    const list = await call(key.w1, "GET", "/v1/recalls");
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    expect((await ship("retailer", "w1", n.code.U, 1)).statusCode).toBe(201);
    expect((await ship("w1", "retailer", n.code.U, 1)).statusCode).toBe(409);
  });
});
