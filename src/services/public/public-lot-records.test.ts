import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/engines.ts";
import { manualClock } from "../../../test/factories.ts";
import { type PublicSeed, seedPublicChain } from "../../../test/public-seed.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { findLotsByTraceKeys } from "../../store/lot-store.ts";
import { findPublicLot } from "../../store/public-lot-store.ts";
import { buildPublicLots } from "./build-public-lots.ts";
import { refreshPublicLots } from "./refresh-public-lots.ts";

type Auth = { authorization: string };
type Step = { kind: string; partyName: string };

/**
 * The materialised public record of a lot (one row read per scan) stays true: every change a consumer would see
 * shows at the first scan after its commit, although the writes only mark the record dirty.
 */
describe.each(engines)("public lot records on %s", (engine) => {
  let t: TestApp;
  let s: PublicSeed;
  const clock = manualClock();
  const keyOf = (traceCode: string) => new URL(traceCode).pathname.slice(1);
  const scan = async (traceCode: string) => {
    const res = await t.app.inject({ url: new URL(traceCode).pathname, headers: { accept: "application/json" } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const call = async (auth: Auth, method: "GET" | "POST", url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const row = (traceCode: string) => findPublicLot(t.store.db, keyOf(traceCode));
  const codeLot = async (lotCode: string): Promise<{ id: string; traceCode: string }> => {
    const lots = await findLotsByTraceKeys(t.store.db, [keyOf(s.lot.traceCode)]);
    const productId = lots.get(keyOf(s.lot.traceCode))?.productId;
    const coded = await call(s.key.farm, "POST", "/v1/lots", {
      lots: [{ productId, productionDate: "2026-11-23", quantity: 5, lotCode }],
    });
    return coded.items[0];
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    s = await seedPublicChain(t);
  });
  afterAll(() => t.close());

  it("builds a lot's record at its first scan and answers later scans from the stored row", async () => {
    expect(await row(s.lot.traceCode)).toBeUndefined();
    const first = await scan(s.lot.traceCode);
    const stored = await row(s.lot.traceCode);
    expect(stored).toMatchObject({ lotId: s.lot.id, dirty: 0 });
    expect(JSON.parse(stored?.recordJson as string)).toMatchObject({ lotCode: "ABC123", chain: first.chain });
    clock.advance(1000);
    expect(await scan(s.lot.traceCode)).toEqual(first);
    expect((await row(s.lot.traceCode))?.builtAt).toBe(stored?.builtAt);
  });

  it("shows a shipment and then its receipt in the timeline at the next scan", async () => {
    await scan(s.lot.traceCode);
    const ship = await call(s.key.wholesaler, "POST", "/v1/shipments", {
      receiver: { partyId: s.id.retailer },
      lines: [{ traceCode: s.lot.traceCode, quantity: 100 }],
    });
    expect((await row(s.lot.traceCode))?.dirty).toBeGreaterThan(0);
    // Not yet received: a pending line is not part of the food's way to the consumer.
    const receipts = (r: { chain: Step[] }) => r.chain.filter((c) => c.kind === "received").length;
    const before = receipts(await scan(s.lot.traceCode));
    clock.advance(60_000);
    await call(s.key.retailer, "POST", "/v1/receipts", { voucher: ship.voucherUrl });
    expect(receipts(await scan(s.lot.traceCode))).toBe(before + 1);
    expect((await row(s.lot.traceCode))?.dirty).toBe(0);
  });

  it("shows a recall banner from the recall's commit on, and drops it when the recall closes", async () => {
    expect((await scan(s.lot.traceCode)).recall).toBeNull();
    const html = () => t.app.inject({ url: new URL(s.lot.traceCode).pathname, headers: { accept: "text/html" } });
    const token = (body: string) => /name="formToken" value="([^"]+)"/.exec(body)?.[1];
    const before = await html();
    expect(before.body).not.toContain('id="recall"');
    clock.advance(5_000);
    // A page rendered again from the same record still gets a form token of its own time.
    expect(token((await html()).body)).not.toBe(token(before.body));
    const recall = await call(s.key.farm, "POST", "/v1/recalls", {
      level: "I",
      reason: "检出致病菌",
      lots: [s.lot.traceCode],
    });
    expect((await scan(s.lot.traceCode)).recall).toMatchObject({ id: recall.id, level: "I", reason: "检出致病菌" });
    const page = await html();
    expect(page.body).toContain('id="recall"');
    expect(page.body).toContain("检出致病菌");
    const regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    await call(regulator, "POST", `/v1/recalls/${recall.id}/close`, { note: "已全部召回" });
    expect((await scan(s.lot.traceCode)).recall).toBeNull();
  });

  it("shows a new public paper on the lot's page, and a confirmed official sampling result", async () => {
    await scan(s.lot.traceCode);
    await call(s.key.farm, "POST", "/v1/documents", {
      kind: "inspection_report",
      title: "第三方检测报告 2026-118",
      public: true,
      issuer: "福建省产品质量检验研究院",
      links: [{ type: "lot", traceCode: s.lot.traceCode }],
      fields: { result: "合格" },
    });
    expect((await scan(s.lot.traceCode)).inspections.map((d: { title: string }) => d.title)).toContain(
      "第三方检测报告 2026-118",
    );

    const regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    const imported = await call(regulator, "POST", "/v1/sampling/import", {
      records: [
        {
          sampleNo: "FJ2026-0042",
          productName: "上海青",
          traceCode: s.lot.traceCode,
          result: "fail",
          failedItems: ["毒死蜱"],
          agency: "福州市食品药品检验所",
        },
      ],
    });
    const record = imported.failing[0];
    expect((await scan(s.lot.traceCode)).samplingResults).toEqual([]);
    await call(regulator, "POST", `/v1/sampling/${record.id}/matches/${s.lot.id}/confirm`, {});
    expect((await scan(s.lot.traceCode)).samplingResults).toEqual([
      {
        sampleNo: "FJ2026-0042",
        result: "fail",
        failedItems: ["毒死蜱"],
        agency: "福州市食品药品检验所",
        sampledOn: null,
      },
    ]);
    const page = await t.app.inject({ url: new URL(s.lot.traceCode).pathname, headers: { accept: "text/html" } });
    expect(page.body).toContain("监督抽检 FJ2026-0042");
    expect(page.body).toContain("不合格项目: 毒死蜱");
  });

  it("computes the expiry badge on the day of the scan, not the day of the build", async () => {
    const fresh = await scan(s.recalled.traceCode);
    expect(fresh.expiry.status).toBe("ok");
    const builtAt = (await row(s.recalled.traceCode))?.builtAt;
    clock.advance(10 * 86_400_000);
    expect((await scan(s.recalled.traceCode)).expiry.status).toBe("expired");
    expect((await row(s.recalled.traceCode))?.builtAt).toBe(builtAt);
    clock.advance(-10 * 86_400_000);
  });

  it("rebuilds dirty records and backfills lots without one in the background", async () => {
    await scan(s.lot.traceCode);
    // The lot was recalled and the recall closed above; it may move again.
    await call(s.key.wholesaler, "POST", "/v1/shipments", {
      receiver: { partyId: s.id.retailer },
      lines: [{ traceCode: s.lot.traceCode, quantity: 10 }],
    });
    const newCode = (await codeLot("NEW001")).traceCode;
    expect((await row(s.lot.traceCode))?.dirty).toBeGreaterThan(0);
    expect(await row(newCode)).toBeUndefined();

    const state = { lotCursor: "" };
    while ((await refreshPublicLots(t.platform, state, { batch: 2 })) > 0);
    expect((await row(s.lot.traceCode))?.dirty).toBe(0);
    const stored = JSON.parse((await row(s.lot.traceCode))?.recordJson as string);
    expect(stored.chain.filter((c: Step) => c.kind === "shipped").length).toBeGreaterThan(2);
    expect(await row(newCode)).toMatchObject({ dirty: 0 });
  });

  it("builds many lots in one batch exactly as it builds each alone", async () => {
    const lots = await findLotsByTraceKeys(t.store.db, [keyOf(s.lot.traceCode), keyOf(s.recalled.traceCode)]);
    const together = await buildPublicLots(t.platform, [...lots.values()]);
    for (const lot of lots.values()) {
      const alone = await buildPublicLots(t.platform, [lot]);
      expect(together.get(lot.id)).toEqual(alone.get(lot.id));
    }
  });

  it("stops answering a revoked lot's code and drops its record", async () => {
    const item = await codeLot("OOPS01");
    await scan(item.traceCode);
    await call(s.key.farm, "POST", `/v1/lots/${item.id}/revocation`, { reason: "赋码错误" });
    const res = await t.app.inject({ url: new URL(item.traceCode).pathname, headers: { accept: "application/json" } });
    expect(res.statusCode).toBe(404);
    expect(await row(item.traceCode)).toBeUndefined();
  });
});
