import { randomInt } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, partyInput, testPlatform } from "../../../test/factories.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { withCheckDigit } from "../../core/gs1/check-digit.ts";
import { importShapeCheck } from "../../http/routes/imports/import-shapes.ts";
import type { Store } from "../../store/store.ts";
import { registerParty } from "../parties/register-party.ts";
import type { ServiceContext } from "../service-context.ts";
import type { ImportKindName } from "./import-kind.ts";
import { importRecords } from "./import-records.ts";

const csv = (...lines: string[]) => Readable.from([Buffer.from(`${lines.join("\n")}\n`)]);
const gtin = () => withCheckDigit(`0952${String(randomInt(1e9)).padStart(9, "0")}`);
const today = chinaDate(Date.now());

async function xlsx(rows: unknown[][]): Promise<Readable> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("导入");
  for (const r of rows) ws.addRow(r);
  return Readable.from([Buffer.from(await wb.xlsx.writeBuffer())]);
}

async function count(store: Store, table: "products" | "lots" | "shipments" | "auditLog"): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(engines)("bulk import of products, lots and shipments on %s", (engine) => {
  let store: Store;
  let operator: ServiceContext;
  let farm: string;
  let buyer: { id: string; creditCode: string | null };
  const run = (kind: ImportKindName, file: Readable, o: { skipBadRows?: boolean; partyId?: string } = {}) =>
    importRecords(operator, kind, file, { partyId: farm, checkShape: importShapeCheck, ...o });

  beforeAll(async () => {
    store = await openTestStore(engine);
    operator = asActor(testPlatform(store));
    farm = (await registerParty(operator, partyInput({ kind: "farm", regionCode: "350121" }))).id;
    buyer = await registerParty(operator, partyInput({ kind: "wholesaler" }));
  });
  afterAll(() => store.close());

  it("imports products from CSV, then their lots, then shipments of those lots", async () => {
    const [g1, g2] = [gtin(), gtin()];
    const products = await run(
      "products",
      csv(
        "name,spec,unit,categoryCode,shelfLifeDays,gtin",
        `闽江纯牛奶,250mL,bottle,dairy,30,${g1}`,
        `"福州茉莉花茶, 特级",100g,box,tea,,${g2}`,
        "上海青,,kg,vegetables/leafy,5,",
      ),
    );
    expect(products).toEqual({ rows: 3, imported: 3, errors: [] });

    const lots = await run(
      "lots",
      csv(
        "productGtin,productName,lotCode,productionDate,quantity,originRegionCode",
        `${g1},,A1,${today},100,350121`,
        `${g2},,B1,${today},20,`,
        `,上海青,,${today},500.5,`,
      ),
    );
    expect(lots, JSON.stringify(lots.errors)).toEqual({ rows: 3, imported: 3, errors: [] });

    const before = await count(store, "shipments");
    const shipments = await run(
      "shipments",
      csv(
        "reference,receiverCreditCode,buyerName,consumers,traceCode,quantity,unit",
        `S1,${buyer.creditCode},,,(01)${g1}(10)A1,60,bottle`,
        `S1,,,,https://trace.test/01/${g2}/10/B1,5,`,
        `S2,,鼓楼个体户,,(01)${g1}(10)A1,10,`,
        `,,,是,(01)${g2}(10)B1,1,`,
      ),
    );
    expect(shipments, JSON.stringify(shipments.errors)).toEqual({ rows: 4, imported: 4, errors: [] });
    expect((await count(store, "shipments")) - before).toBe(3);
    const lines = await store.db.selectFrom("shipmentLines").select(["shipmentId"]).execute();
    const perShipment = new Map<string, number>();
    for (const l of lines) perShipment.set(l.shipmentId, (perShipment.get(l.shipmentId) ?? 0) + 1);
    expect([...perShipment.values()].sort()).toContain(2);
  });

  it("reads XLSX, with dates and numbers in real cells", async () => {
    const g = gtin();
    const products = await run(
      "products",
      await xlsx([
        ["名称", "规格", "单位", "品类", "保质期天数", "GTIN"],
        ["福鼎白茶", "357g", "box", "tea", 730, g],
      ]),
    );
    expect(products, JSON.stringify(products.errors)).toEqual({ rows: 1, imported: 1, errors: [] });
    const made = new Date(`${today}T00:00:00+08:00`);
    const lots = await run(
      "lots",
      await xlsx([
        ["商品条码", "批号", "生产日期", "数量"],
        [Number(g), "X-1", made, 12],
      ]),
    );
    expect(lots, JSON.stringify(lots.errors)).toEqual({ rows: 1, imported: 1, errors: [] });
    const lot = await store.db.selectFrom("lots").selectAll().where("lotCode", "=", "X-1").executeTakeFirstOrThrow();
    expect(lot.productionDate).toBe(today);
    expect(lot.quantityMilli).toBe(12_000);
    const shipped = await run(
      "shipments",
      await xlsx([
        ["单号", "收货方统一社会信用代码", "追溯码", "数量", "单位"],
        [20260001, buyer.creditCode, `(01)${g}(10)X-1`, 4, "box"],
        [20260001, buyer.creditCode, `(01)${g}(10)X-1`, 3.5, "box"],
      ]),
    );
    expect(shipped, JSON.stringify(shipped.errors)).toEqual({ rows: 2, imported: 2, errors: [] });
    const holding = await store.db
      .selectFrom("holdings")
      .select("quantityMilli")
      .where("lotId", "=", lot.id)
      .where("partyId", "=", farm)
      .executeTakeFirstOrThrow();
    expect(holding.quantityMilli).toBe(4_500);
  });

  it("reports every bad row with its column and writes nothing", async () => {
    const before = await count(store, "products");
    const audits = await count(store, "auditLog");
    const report = await run(
      "products",
      csv(
        "name,unit,categoryCode,shelfLifeDays,gtin",
        "好的,kg,fruit,10,",
        "坏单位,barrels,fruit,10,",
        "坏品类,kg,no/such,10,",
        "好的二,kg,fruit,,",
        "坏条码,kg,fruit,10,09520123456789",
      ),
    );
    expect(report.imported).toBe(0);
    expect(report.rows).toBe(5);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "unit"],
      [4, "categoryCode"],
      [6, "gtin"],
    ]);
    expect(await count(store, "products")).toBe(before);
    expect(await count(store, "auditLog")).toBe(audits);
  });

  it("writes the good rows only when told to skip the bad ones", async () => {
    const before = await count(store, "products");
    const report = await run(
      "products",
      csv("name,unit,categoryCode", "好一,kg,fruit", "坏单位,barrels,fruit", "好二,kg,fruit", ",kg,fruit"),
      { skipBadRows: true },
    );
    expect(report.imported).toBe(2);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "unit"],
      [5, "name"],
    ]);
    expect(await count(store, "products")).toBe(before + 2);
    const audit = await store.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "import.products")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.detailsJson))).toEqual({ rows: 4, imported: 2, badRows: 2 });
  });

  it("codes many lots a chunk at a time, pinning a bad row in a chunk and keeping the rest with their codes", async () => {
    const g = gtin();
    expect((await run("products", csv("name,unit,categoryCode,gtin", `批量鸡蛋,box,eggs,${g}`))).imported).toBe(1);
    const rows = Array.from({ length: 450 }, (_, i) => `${g},E${i},${today},${i + 1}`);
    rows[300] = `${g},E300,${today},-1`; // a bad quantity
    rows[301] = `${g},E0,${today},5`; // a lot code an earlier chunk already coded
    const report = await run("lots", csv("productGtin,lotCode,productionDate,quantity", ...rows), {
      skipBadRows: true,
    });
    expect(report.rows).toBe(450);
    expect(report.imported).toBe(448);
    expect(report.errors.map((e) => e.row)).toEqual([302, 303]);
    const coded = await store.db
      .selectFrom("lots")
      .select(["lotCode", "quantityMilli"])
      .where("gtin", "=", g)
      .orderBy("createdAt")
      .orderBy("lotCode")
      .execute();
    expect(coded).toHaveLength(448);
    expect(coded.find((l) => l.lotCode === "E449")?.quantityMilli).toBe(450_000);
    expect(coded.filter((l) => l.lotCode === "E0")).toHaveLength(1);
  });

  it("reports unknown columns and a missing required column at row 1", async () => {
    const report = await run("products", csv("name,unit,colour", "苹果,kg,red"));
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      { row: 1, column: "colour", reason: "unknown column 'colour'" },
      { row: 1, column: "categoryCode", reason: "the file needs a column categoryCode" },
    ]);
  });

  it("codes a transformation whose input is a lot coded by an earlier row of the same file", async () => {
    const [raw, dried] = [gtin(), gtin()];
    await run(
      "products",
      csv("name,unit,categoryCode,gtin", `鲜香菇,kg,vegetables,${raw}`, `干香菇,kg,vegetables,${dried}`),
    );
    const report = await run(
      "lots",
      csv(
        "产品GTIN,批号,生产日期,数量,原料",
        `${raw},R1,${today},100,`,
        `${dried},D1,${today},10,(01)${raw}(10)R1=80`,
        `${dried},D2,${today},10,(01)${raw}(10)R1=30`,
      ),
    );
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([{ row: 4, column: "inputs", reason: expect.stringMatching(/only 20 kg/) }]);
    const ok = await run(
      "lots",
      csv("产品GTIN,批号,生产日期,数量,原料", `${raw},R2,${today},100,`, `${dried},D3,${today},10,(01)${raw}(10)R2=80`),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.imported).toBe(2);
  });

  it("treats a shipment that overdraws stock as a bad row, holding back its other lines", async () => {
    const g = gtin();
    await run("products", csv("name,unit,categoryCode,gtin", `橙子,kg,fruit,${g}`));
    await run("lots", csv("productGtin,lotCode,productionDate,quantity", `${g},O1,${today},50`));
    const code = `(01)${g}(10)O1`;
    const before = await count(store, "shipments");
    const report = await run(
      "shipments",
      csv(
        "单号,收货方ID,追溯码,数量",
        `T1,${buyer.id},${code},30`,
        `T2,${buyer.id},${code},15`,
        `T2,${buyer.id},${code},10`,
        `T3,${buyer.id},${code},1`,
      ),
      { skipBadRows: true },
    );
    // The two lines of the same lot are taken together: 25 asked of the 20 left after T1.
    expect(report.errors).toEqual([
      { row: 3, column: "quantity", reason: "only 20 kg of lot O1 in stock, 25 asked" },
      { row: 4, column: "reference", reason: "not imported: shipment T2 has a bad row 3" },
    ]);
    expect(report.imported).toBe(2);
    expect((await count(store, "shipments")) - before).toBe(2);
  });

  it("refuses the rows of one shipment scattered through the file", async () => {
    const report = await run(
      "shipments",
      csv("reference,consumers,traceCode,quantity", "A,1,x,1", "B,1,x,1", "A,1,x,1"),
    );
    expect(report.errors).toContainEqual({
      row: 4,
      column: "reference",
      reason: "the rows of shipment A must be together (it started at row 2)",
    });
  });
});
