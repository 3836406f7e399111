import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { buildSupplyNetwork, type SupplyNetwork } from "../../../../test/supply-network.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { chinaDate } from "../../../core/codes/calendar-day.ts";

type Auth = { authorization: string };
type Match = { lotId: string; score: number; reasons: string[]; status: string; recallId: string | null };

/** "2026-11-23" as an agency's table writes it: 2026年11月23日, in full-width digits. */
const agencyDate = (iso: string) =>
  `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`.replace(/\d/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) + 0xfee0),
  );

describe.each(engines)("official sampling results over HTTP on %s", (engine) => {
  let t: TestApp;
  let n: SupplyNetwork;
  let regulator: Auth;
  let farAway: Auth;
  let farmCredit = "";
  let failingId = "";
  const call = (auth: Auth | undefined, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: auth ?? {}, ...(payload ? { payload } : {}) });
  const csv = () =>
    [
      "样品编号,样品名称,规格型号,标称生产企业名称,统一社会信用代码,生产日期/批号,检验结果,不合格项目,检验机构,追溯码",
      // Full-width spaces and brand markers, the credit code in full-width lower case: as published tables have it.
      `SC001,【绿野】上海青　（散装）,散装,farm 测试,${farmCredit.toLowerCase().replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))},${agencyDate(chinaDate(Date.now()))},不合格,毒死蜱；氧乐果,福建省产品质量检验研究院,`,
      "SC002,苹果,散装,w1 测试,,2026-01-01,合格,,福建省产品质量检验研究院,",
      `SC003,酱菜(香辣),200g/袋,p1 测试,,,不合格,苯甲酸及其钠盐,福建省产品质量检验研究院,${n.code.K}`,
    ].join("\n");

  beforeAll(async () => {
    t = await createTestApp(engine);
    n = await buildSupplyNetwork(t);
    regulator = (await t.key("regulator", { regionCode: "350100" })).auth;
    farAway = (await t.key("regulator", { regionCode: "330000" })).auth;
    farmCredit = (
      await t.store.db.selectFrom("parties").select("creditCode").where("id", "=", n.id.farm).executeTakeFirstOrThrow()
    ).creditCode as string;
  });
  afterAll(() => t.close());

  it("lets only regulators import, and imports nothing from a file with a bad row", async () => {
    const farm = (await t.key("enterprise", { partyId: n.id.farm })).auth;
    expect((await call(farm, "POST", "/v1/sampling/import", { csv: csv() })).statusCode).toBe(403);
    const bad = await call(regulator, "POST", "/v1/sampling/import", { csv: csv().replace(",合格,", ",待定,") });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({ type: "/problems/import-failed", pointer: "/body/csv/rows/3/result" });
    expect((await call(regulator, "GET", "/v1/sampling")).json().items).toEqual([]);
  });

  it("matches a failing record with messy name and date to the producer's lot, and a trace code exactly", async () => {
    const res = await call(regulator, "POST", "/v1/sampling/import", { csv: csv() });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ rows: 3, imported: 3, duplicates: 0 });
    expect(report.failing).toHaveLength(2);
    const [greens, pickles] = report.failing as { id: string; sampleNo: string; matches: Match[] }[];
    expect(greens?.sampleNo).toBe("SC001");
    expect(greens?.matches).toEqual([
      {
        lotId: n.lotId.V,
        score: 100,
        reasons: ["producer credit code", "same product name", "same production date"],
      },
    ]);
    expect(pickles?.matches).toEqual([{ lotId: n.lotId.K, score: 100, reasons: ["trace code"] }]);
    failingId = greens?.id as string;

    const again = await call(regulator, "POST", "/v1/sampling/import", { csv: csv() });
    expect(again.json()).toMatchObject({ rows: 3, imported: 0, duplicates: 3, failing: [] });
  });

  it("takes JSON records too, and lists records only to regulators of the importing region", async () => {
    const res = await call(regulator, "POST", "/v1/sampling/import", {
      records: [
        {
          sampleNo: "SC004",
          productName: "绿野牌上海青",
          producerCreditCode: farmCredit,
          lot: "2020-01-01",
          result: "fail",
          failedItems: ["镉"],
          agency: "福州市食品药品检验所",
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    // Produced years apart from any lot of the farm: no candidate.
    expect(res.json().failing[0].matches).toEqual([]);
    const list = await call(regulator, "GET", "/v1/sampling?result=fail");
    expect(list.json().items.map((r: { sampleNo: string }) => r.sampleNo)).toEqual(["SC004", "SC003", "SC001"]);
    expect((await call(farAway, "GET", "/v1/sampling")).json().items).toEqual([]);
    expect((await call(farAway, "GET", `/v1/sampling/${failingId}`)).statusCode).toBe(404);
  });

  it("confirms the lot and orders its recall in one step; a decided match stays decided", async () => {
    const url = `/v1/sampling/${failingId}/matches/${n.lotId.V}/confirm`;
    expect((await call(farAway, "POST", url, { recall: { level: "II" } })).statusCode).toBe(404);
    const res = await call(regulator, "POST", url, { recall: { level: "II" } });
    expect(res.statusCode, res.body).toBe(200);
    const recall = res.json().recall;
    expect(res.json().status).toBe("confirmed");
    expect(recall).toMatchObject({
      status: "open",
      level: "II",
      initiator: { kind: "regulator", regionCode: "350100" },
    });
    expect(recall.reason).toContain("SC001");
    expect(recall.reason).toContain("毒死蜱");
    const opened = (await call(regulator, "GET", `/v1/recalls/${recall.id}`)).json();
    expect(opened.lots.filter((l: { named: boolean }) => l.named).map((l: { id: string }) => l.id)).toEqual([
      n.lotId.V,
    ]);
    const record = (await call(regulator, "GET", `/v1/sampling/${failingId}`)).json();
    expect(record.matches[0]).toMatchObject({ lotId: n.lotId.V, status: "confirmed", recallId: recall.id });
    const twice = await call(regulator, "POST", url, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe("/problems/match-decided");
    const audit = await t.store.db.selectFrom("auditLog").select("action").where("targetId", "=", failingId).execute();
    expect(audit.map((a) => a.action)).toEqual(["sampling.confirm"]);
  });

  it("dismisses a candidate that was not the sampled lot", async () => {
    const list = (await call(regulator, "GET", "/v1/sampling?result=fail")).json().items;
    const pickles = list.find((r: { sampleNo: string }) => r.sampleNo === "SC003");
    const res = await call(regulator, "POST", `/v1/sampling/${pickles.id}/matches/${n.lotId.K}/dismiss`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: "dismissed", recall: null });
  });
});
