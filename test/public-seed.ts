/** A small supply chain for the public pages' tests: farm → wholesaler → retailer, papers, a recalled lot. */
import { withCheckDigit } from "../src/core/gs1/index.ts";
import { integrateAll } from "../src/services/ledger/integrate-ledger.ts";
import type { TestApp } from "./test-app.ts";

type Auth = { authorization: string };

export interface PublicSeed {
  readonly gtin: string;
  readonly gln: string;
  readonly lot: { id: string; traceCode: string; lotCode: string };
  readonly recalled: { id: string; traceCode: string; lotCode: string };
  readonly voucherUrl: string;
  readonly pendingVoucherUrl: string;
  readonly id: Record<"farm" | "wholesaler" | "retailer", string>;
  readonly key: Record<"farm" | "wholesaler" | "retailer", Auth>;
  readonly privateDocTitle: string;
}

export async function seedPublicChain(t: TestApp): Promise<PublicSeed> {
  const call = async (auth: Auth, method: "GET" | "POST", url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const gln = withCheckDigit("690123400001");
  const gtin = withCheckDigit(`0${"690123456789"}`);
  const id = {} as Record<"farm" | "wholesaler" | "retailer", string>;
  const key = {} as Record<"farm" | "wholesaler" | "retailer", Auth>;
  for (const [name, kind, regionCode, extra] of [
    ["farm", "farm", "350121", { gln, name: "闽侯绿野蔬菜合作社", creditCode: null }],
    ["wholesaler", "wholesaler", "350102", { name: "福州鼓楼鲜果批发有限公司" }],
    ["retailer", "retailer", "350103", { name: "台江惠民超市" }],
  ] as const) {
    const p = await t.party({ kind, regionCode, ...extra });
    id[name] = p.id;
    key[name] = (await t.key("enterprise", { partyId: p.id })).auth;
  }
  const product = await call(key.farm, "POST", "/v1/products", {
    name: "上海青",
    spec: "500g",
    unit: "kg",
    categoryCode: "vegetables/leafy",
    shelfLifeDays: 5,
    gtin,
  });
  const loose = await call(key.farm, "POST", "/v1/products", {
    name: "小白菜",
    unit: "kg",
    categoryCode: "vegetables/leafy",
    shelfLifeDays: 5,
  });
  const today = new Date(t.platform.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const coded = await call(key.farm, "POST", "/v1/lots", {
    lots: [
      { productId: product.id, productionDate: today, quantity: 1000, lotCode: "ABC123", originPlace: "闽侯县南屿镇" },
      { productId: loose.id, productionDate: today, quantity: 500 },
    ],
  });
  const [lot, recalled] = coded.items as { id: string; traceCode: string; lotCode: string }[];
  const doc = (kind: string, title: string, isPublic: boolean, fields?: object) =>
    call(key.farm, "POST", "/v1/documents", {
      kind,
      title,
      public: isPublic,
      issuedOn: today,
      issuer: "闽侯县农产品质量安全检测站",
      links: [{ type: "lot", traceCode: lot?.traceCode }],
      ...(fields ? { fields } : {}),
    });
  await doc("quick_test", "农药残留快检", true, { result: "合格" });
  await doc("commitment_certificate", "承诺达标合格证", true, { commitments: ["不使用禁用农药"] });
  await doc("test_report", "内部检测记录（不公开）", false, { result: "内部" });

  const ship1 = await call(key.farm, "POST", "/v1/shipments", {
    receiver: { partyId: id.wholesaler },
    lines: [{ traceCode: lot?.traceCode, quantity: 600 }],
  });
  await call(key.wholesaler, "POST", "/v1/receipts", { voucher: ship1.voucherUrl });
  const ship2 = await call(key.wholesaler, "POST", "/v1/shipments", {
    receiver: { partyId: id.retailer },
    lines: [{ traceCode: lot?.traceCode, quantity: 200 }],
  });
  await call(key.retailer, "POST", "/v1/receipts", { voucher: ship2.voucherUrl });
  const pending = await call(key.farm, "POST", "/v1/shipments", {
    receiver: { partyId: id.retailer },
    lines: [{ traceCode: recalled?.traceCode, quantity: 50 }],
  });
  await call(key.farm, "POST", "/v1/recalls", { level: "II", reason: "检出农药残留超标", lots: [recalled?.traceCode] });
  await integrateAll(t.platform);
  return {
    gtin,
    gln,
    lot: lot as PublicSeed["lot"],
    recalled: recalled as PublicSeed["recalled"],
    voucherUrl: ship1.voucherUrl,
    pendingVoucherUrl: pending.voucherUrl,
    id,
    key,
    privateDocTitle: "内部检测记录（不公开）",
  };
}
