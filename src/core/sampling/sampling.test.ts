import { describe, expect, it } from "vitest";
import { type CandidateLot, matchLots } from "./match-lots.ts";
import { nameSimilarity, normaliseProductName } from "./product-name.ts";
import { parseLooseDate, parseResult, type SamplingRecordInput, splitFailedItems } from "./sampling-record.ts";

describe("product names as sampling reports write them", () => {
  it.each([
    ["【蒙牛】纯牛奶（250mL/盒）", "纯牛奶"],
    ["蒙牛牌 纯 牛 奶", "纯牛奶"],
    ["ＸＸ牌纯牛奶", "纯牛奶"],
    ["[光明]　鲜牛奶", "鲜牛奶"],
    ["「老干妈」风味豆豉油制辣椒(280g)", "风味豆豉油制辣椒"],
    ["上海青 (散装)", "上海青"],
    ["酱菜(香辣)", "酱菜香辣"],
    ["Ｃｏｃａ－Ｃｏｌａ可乐", "cocacola可乐"],
    ["金龙鱼®大米", "金龙鱼大米"],
    ["福建牌", "福建牌"],
  ])("%s → %s", (raw, normal) => {
    expect(normaliseProductName(raw)).toBe(normal);
  });

  it.each([
    ["【蒙牛】纯牛奶（250mL/盒）", "纯牛奶", 1],
    ["蒙牛牌 纯 牛 奶", "蒙牛纯牛奶", 0.8],
    ["香辣酱菜", "酱菜", 0.8],
    ["纯牛奶", "酸牛奶", 0.5],
    ["上海青", "大白菜", 0],
  ])("similarity of %s and %s is at least %d", (a, b, least) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(least);
  });

  it("keeps unrelated names apart", () => {
    expect(nameSimilarity("上海青", "大白菜")).toBe(0);
    expect(nameSimilarity("纯牛奶", "鲜鸡蛋")).toBeLessThan(0.2);
    expect(nameSimilarity("", "纯牛奶")).toBe(0);
  });
});

describe("sampling record fields", () => {
  it.each([
    ["2026-11-01", "2026-11-01"],
    ["2026/11/1", "2026-11-01"],
    ["2026.11.01", "2026-11-01"],
    ["20261101", "2026-11-01"],
    ["2026年11月1日", "2026-11-01"],
    ["２０２６－１１－０１", "2026-11-01"],
    ["2026-02-30", undefined],
    ["A2611-7", undefined],
  ])("date %s → %s", (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });

  it("reads results and failed items in Chinese and English", () => {
    expect(parseResult("不合格")).toBe("fail");
    expect(parseResult(" 合格 ")).toBe("pass");
    expect(parseResult("FAIL")).toBe("fail");
    expect(parseResult("待定")).toBeUndefined();
    expect(splitFailedItems("铅(以Pb计)；菌落总数、大肠菌群")).toEqual(["铅(以Pb计)", "菌落总数", "大肠菌群"]);
  });
});

describe("matching a failing record to lots", () => {
  const record: SamplingRecordInput = {
    sampleNo: "SC26350100001",
    productName: "【闽乳】纯牛奶（250mL/盒）",
    spec: "250mL/盒",
    producerName: "福州闽乳乳业有限公司",
    producerCreditCode: "91350102MA2XXXXX0X",
    traceCode: null,
    lotCode: null,
    productionDate: "2026-11-01",
    result: "fail",
    failedItems: ["菌落总数"],
    agency: "福建省产品质量检验研究院",
    sampledOn: "2026-11-10",
  };
  const lot = (over: Partial<CandidateLot>): CandidateLot => ({
    lotId: "L",
    traceKey: "t/X",
    lotCode: "20261101001",
    productName: "闽乳牌 纯牛奶",
    productionDate: "2026-11-01",
    producerCreditCode: record.producerCreditCode,
    byTraceCode: false,
    ...over,
  });

  it("ranks the same product and date first, a day off next, and drops other products", () => {
    const m = matchLots(record, [
      lot({ lotId: "same" }),
      lot({ lotId: "dayAfter", productionDate: "2026-11-02" }),
      lot({ lotId: "weekLater", productionDate: "2026-11-08" }),
      lot({ lotId: "yoghurt", productName: "原味酸奶" }),
    ]);
    expect(m.map((x) => x.lotId)).toEqual(["same", "dayAfter", "weekLater"]);
    expect(m[0]).toEqual({
      lotId: "same",
      score: 100,
      reasons: ["producer credit code", "same product name", "same production date"],
    });
    expect(m[1]?.score).toBe(85);
    expect(m[1]?.reasons).toContain("production date 1 day apart");
  });

  it("is certain about a lot named by its trace code", () => {
    expect(matchLots({ ...record, traceCode: "https://trace.test/t/X" }, [lot({ byTraceCode: true })])).toEqual([
      { lotId: "L", score: 100, reasons: ["trace code"] },
    ]);
  });

  it("takes the lot number when the report gives one instead of a date", () => {
    const m = matchLots({ ...record, productionDate: null, lotCode: "２０２６１１０１-００１" }, [
      lot({ lotCode: "20261101001" }),
    ]);
    expect(m[0]?.reasons).toContain("same lot number");
  });
});
