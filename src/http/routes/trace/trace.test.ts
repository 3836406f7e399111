import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { buildSupplyNetwork, type SupplyNetwork } from "../../../../test/supply-network.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { attachDocument } from "../../../services/documents/attach-document.ts";

type Auth = { authorization: string };
type Hop = { fromPartyId: string; to: { partyId?: string }; shipped: number; received: number | null; state: string };
type Holding = {
  key: string;
  lotId: string;
  partyId: string;
  depth: number;
  origin: string | null;
  stats: Record<string, number> | null;
};

describe.each(engines)("backward and forward trace over HTTP on %s", (engine) => {
  let t: TestApp;
  let n: SupplyNetwork;
  let regulator: Auth;
  const key = {} as Record<string, Auth>;
  const get = (auth: Auth | undefined, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers: { ...(auth ?? {}), ...headers } });
  const q = (code: string) => encodeURIComponent(code);

  beforeAll(async () => {
    t = await createTestApp(engine);
    n = await buildSupplyNetwork(t);
    regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    for (const p of ["retailer", "w1", "bystander", "p1"] as const)
      key[p] = (await t.key("enterprise", { partyId: n.id[p] })).auth;
  });
  afterAll(() => t.close());

  it("traces a retailer's holding back through both wholesalers (a diamond) to the farm, once each", async () => {
    const res = await get(key.retailer, `/v1/trace/backward?code=${q(n.code.V)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const hops = (body.shipments as Hop[]).map((h) => [h.fromPartyId, h.to.partyId, h.shipped, h.received]);
    expect(hops).toEqual(
      expect.arrayContaining([
        [n.id.farm, n.id.w1, 300, 300],
        [n.id.farm, n.id.w2, 300, 300],
        [n.id.w1, n.id.retailer, 100, 100],
        [n.id.w2, n.id.retailer, 100, 90],
      ]),
    );
    // The voucher still in transit to the retailer was not received: it is not how the retailer's stock came.
    expect(hops).toHaveLength(4);
    const holdings = body.holdings as Holding[];
    expect(holdings.map((h) => [h.partyId, h.depth]).sort()).toEqual(
      [
        [n.id.retailer, 0],
        [n.id.w1, 1],
        [n.id.w2, 1],
        [n.id.farm, 2],
      ].sort(),
    );
    expect(holdings.find((h) => h.partyId === n.id.farm)?.origin).toBe("coded");
    expect(body.cycles).toEqual([]);
    // Upstream parties in their public view: no contact data.
    expect(Object.keys(body.parties[0]).sort()).toEqual(["creditCode", "id", "kind", "name", "regionCode"]);
  });

  it("lists the documents at each hop: public ones for an enterprise, all of them for a regulator", async () => {
    const attach = (title: string, isPublic: boolean) =>
      attachDocument(n.as("farm"), {
        kind: "quick_test",
        title,
        public: isPublic,
        fields: { result: "合格" },
        links: [{ type: "lot", traceCode: n.code.V }],
      });
    await attach("农残快检 合格", true);
    await attach("内部检验记录", false);
    const titles = async (auth: Auth) =>
      (await get(auth, `/v1/trace/backward?code=${q(n.code.V)}`))
        .json()
        .documents.map((d: { title: string; target: { id: string } }) => `${d.title}@${d.target.id}`)
        .sort();
    expect(await titles(key.retailer as Auth)).toEqual([`农残快检 合格@${n.lotId.V}`]);
    expect(await titles(regulator)).toEqual([`农残快检 合格@${n.lotId.V}`, `内部检验记录@${n.lotId.V}`].sort());
  });

  it("traces gift boxes back through three levels of transformation to the farm and the first-station import", async () => {
    const res = await get(regulator, `/v1/trace/backward?code=${q(n.code.B)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const lotOf = (id: string) => Object.entries(n.lotId).find(([, v]) => v === id)?.[0];
    expect(
      body.transformations
        .map((x: { inputLotId: string; outputLotId: string }) => `${lotOf(x.inputLotId)}>${lotOf(x.outputLotId)}`)
        .sort(),
    ).toEqual(["J>B", "K>J", "S>K", "V>K"]);
    const origins = (body.holdings as Holding[]).filter((h) => h.origin).map((h) => [lotOf(h.lotId), h.origin]);
    expect(origins).toEqual(
      expect.arrayContaining([
        ["V", "coded"],
        ["S", "first_station"],
        ["K", "transformation"],
      ]),
    );
    const imported = body.lots.find((l: { id: string }) => l.id === n.lotId.S);
    expect(imported.entryDetails).toMatchObject({ supplier: { name: "Sunny Pastures Pty Ltd" } });
    // Only the hops that brought the inputs to their processors: w1 → p1 (greens), not the greens' other buyers.
    const hops = (body.shipments as Hop[]).map(
      (h) => `${lotOf((h as unknown as { lotId: string }).lotId)}:${h.fromPartyId}>${h.to.partyId}`,
    );
    expect(hops.sort()).toEqual(
      [
        `K:${n.id.p1}>${n.id.p2}`,
        `V:${n.id.w1}>${n.id.p1}`,
        `V:${n.id.farm}>${n.id.w1}`,
        `S:${n.id.importer}>${n.id.p1}`,
      ].sort(),
    );
  });

  it("traces forward from the farm's lot to every holder with quantities, in transit, sold, and the output lots", async () => {
    const res = await get(regulator, `/v1/trace/forward?code=${q(n.code.V)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const stats = (party: string, lot = n.lotId.V) =>
      (body.holdings as Holding[]).find((h) => h.partyId === party && h.lotId === lot)?.stats;
    expect(stats(n.id.farm)).toMatchObject({ produced: 1000, shipped: 600, held: 400 });
    expect(stats(n.id.w1)).toMatchObject({ received: 300, shipped: 170, inTransit: 20, held: 130 });
    expect(stats(n.id.w2)).toMatchObject({ received: 300, shipped: 150, returned: 50, held: 200 });
    expect(stats(n.id.retailer)).toMatchObject({ received: 190, sold: 30, held: 160 });
    expect(stats(n.id.p1)).toMatchObject({ received: 50, consumed: 50, held: 0 });
    expect(stats(n.id.p2, n.lotId.J)).toMatchObject({ produced: 100, consumed: 60, held: 40 });
    // The diamond: one retailer node for the lot, reached by three shipment lines (one still in transit).
    expect((body.holdings as Holding[]).filter((h) => h.key === `${n.lotId.V}@${n.id.retailer}`)).toHaveLength(1);
    expect(
      (body.shipments as Hop[])
        .filter((h) => h.to.partyId === n.id.retailer)
        .map((h) => h.state)
        .sort(),
    ).toEqual(["pending", "received", "received"]);
    expect(body.lots.map((l: { id: string }) => l.id).sort()).toEqual(
      [n.lotId.V, n.lotId.K, n.lotId.J, n.lotId.B].sort(),
    );
    const rejected = (body.shipments as Hop[]).find((h) => h.to.partyId === n.id.canteen);
    expect(rejected).toMatchObject({ state: "rejected", shipped: 50, received: null });
  });

  it("draws the forward trace as a graph of holdings and hops", async () => {
    const res = await get(regulator, `/v1/trace/forward?code=${q(n.code.V)}&format=graph`);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    const retailer = `${n.lotId.V}@${n.id.retailer}`;
    expect(g.nodes.map((x: { id: string }) => x.id)).toContain(retailer);
    expect(
      g.edges.filter((e: { to: string; kind: string }) => e.to === retailer && e.kind === "shipment"),
    ).toHaveLength(3);
    expect(g.edges).toContainEqual(
      expect.objectContaining({
        kind: "transformation",
        from: `${n.lotId.V}@${n.id.p1}`,
        to: `${n.lotId.K}@${n.id.p1}`,
      }),
    );
  });

  it("shows an enterprise only its own shipments forward, and lets it trace back only what it holds or held", async () => {
    const res = await get(key.w1, `/v1/trace/forward?code=${q(n.code.V)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(new Set((body.shipments as Hop[]).map((h) => h.fromPartyId))).toEqual(new Set([n.id.w1]));
    expect((body.shipments as Hop[]).map((h) => h.shipped).sort((a, b) => a - b)).toEqual([20, 50, 100]);
    // Its buyers appear as the ends of its shipments, without their books; the pickles are p1's, not shown.
    expect((body.holdings as Holding[]).find((h) => h.partyId === n.id.retailer)?.stats).toBeNull();
    expect(body.transformations).toEqual([]);

    const stranger = await get(key.bystander, `/v1/trace/backward?code=${q(n.code.V)}`);
    expect(stranger.statusCode).toBe(403);
    expect((await get(key.bystander, `/v1/trace/forward?lotId=${n.lotId.V}`)).statusCode).toBe(403);
    expect((await get(key.retailer, `/v1/trace/backward?code=${q(n.code.V)}&partyId=${n.id.w1}`)).statusCode).toBe(403);
    expect((await get(undefined, `/v1/trace/backward?code=${q(n.code.V)}`)).statusCode).toBe(401);
  });

  it("traces a voucher back from the shipper, with the voucher's own hop", async () => {
    const voucher = n.pendingVoucher.split("/v/")[1] as string;
    const res = await get(key.retailer, `/v1/trace/backward?code=${voucher}`);
    expect(res.statusCode, res.body).toBe(200);
    const hops = (res.json().shipments as Hop[]).map((h) => [h.fromPartyId, h.to.partyId, h.state]);
    expect(hops).toContainEqual([n.id.w1, n.id.retailer, "pending"]);
    expect(hops).toContainEqual([n.id.farm, n.id.w1, "received"]);
    expect((await get(key.bystander, `/v1/trace/backward?code=${voucher}`)).statusCode).toBe(403);
  });

  it("prints a self-contained report, in Chinese by default and in English when asked", async () => {
    const zh = await get(regulator, `/v1/trace/report?direction=forward&code=${q(n.code.V)}`);
    expect(zh.statusCode, zh.body).toBe(200);
    expect(zh.headers["content-type"]).toMatch(/^text\/html/);
    expect(zh.body).toContain("正向追踪报告");
    expect(zh.body).toContain("@media print");
    expect(zh.body).not.toMatch(/<script|<link|src="http/);
    const en = await get(regulator, `/v1/trace/report?direction=backward&code=${q(n.code.B)}`, {
      "accept-language": "en-GB,en;q=0.9",
    });
    expect(en.body).toContain("Backward trace report");
    expect(en.body).toContain("Sunny");
    expect((await get(regulator, `/v1/trace/report?direction=backward&code=${q(n.code.B)}&lang=zh-CN`)).body).toContain(
      "反向溯源报告",
    );
  });

  it("ends at cycles in bad imported data and reports them", async () => {
    // Bad imported data: the imported lot claims to be made from the gift boxes that were (indirectly) made from it.
    await t.store.db
      .insertInto("lotInputs")
      .values({ outputLotId: n.lotId.S, inputLotId: n.lotId.B, quantityMilli: 1 })
      .execute();
    const back = await get(regulator, `/v1/trace/backward?code=${q(n.code.B)}`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().cycles).toEqual([
      { kind: "lots", nodes: expect.arrayContaining([n.lotId.B, n.lotId.S, n.lotId.K, n.lotId.J]) },
    ]);
    const fwd = await get(regulator, `/v1/trace/forward?code=${q(n.code.S)}&format=graph`);
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json().cycles).toHaveLength(1);
    expect(fwd.json().nodes.some((x: { inCycle: boolean }) => x.inCycle)).toBe(true);
    const report = await get(regulator, `/v1/trace/report?direction=backward&code=${q(n.code.B)}&lang=en`);
    expect(report.body).toContain("Cycles in the data");
  });
});
