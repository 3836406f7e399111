import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, randomCreditCode, testPlatform } from "../../../test/factories.ts";
import type { Store } from "../../store/store.ts";
import { importParties } from "./import-parties.ts";

const header =
  "name,creditCode,kind,regionCode,address,contactName,contactPhone,licenceType,licenceNumber,licenceValidUntil";
const csv = (...rows: string[]) => Readable.from([`${[header, ...rows].join("\n")}\n`]);
const count = async (store: Store) =>
  Number(
    (
      await store.db
        .selectFrom("parties")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(engines)("party CSV import on %s", (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(() => store.close());

  it("imports a clean file in one go", async () => {
    const ctx = asActor(testPlatform(store));
    const before = await count(store);
    const report = await importParties(
      ctx,
      csv(
        `鼓楼鲜果行,${randomCreditCode()},wholesaler,350102,五四路 2 号,林,0591-1,food_business,JY1,2029-01-01`,
        `阿明家庭农场,,farm,350121,南屿镇,,,,,`,
      ),
    );
    expect(report).toEqual({ rows: 2, imported: 2, errors: [] });
    expect(await count(store)).toBe(before + 2);
  });

  it("imports nothing from a file with bad rows and names each row, column and reason", async () => {
    const ctx = asActor(testPlatform(store));
    const before = await count(store);
    const dup = randomCreditCode();
    const report = await importParties(
      ctx,
      csv(
        `好的一行,${randomCreditCode()},retailer,350103,,,,,,`,
        `坏代码,91350100M000100Y44,retailer,350103,,,,,,`,
        `坏区划,${randomCreditCode()},retailer,999999,,,,,,`,
        `重复一,${dup},retailer,350103,,,,,,`,
        `重复二,${dup},retailer,350103,,,,,,`,
        `坏日期,${randomCreditCode()},retailer,350103,,,,food_business,JY2,2029-13-45`,
      ),
    );
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "creditCode"],
      [4, "regionCode"],
      [6, "creditCode"],
      [7, "licenceValidUntil"],
    ]);
    expect(report.errors[2]?.reason).toMatch(/same credit code as row 5/);
    expect(await count(store)).toBe(before);
  });

  it("imports the good rows when told to, still reporting the bad ones", async () => {
    const ctx = asActor(testPlatform(store));
    const before = await count(store);
    const report = await importParties(
      ctx,
      csv(`好一,${randomCreditCode()},retailer,350103,,,,,,`, `坏,91350100M000100Y44,retailer,350103,,,,,,`),
      { skipBadRows: true },
    );
    expect(report.imported).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(await count(store)).toBe(before + 1);
  });

  it("treats a clash with an already registered party as a bad row", async () => {
    const ctx = asActor(testPlatform(store));
    const code = randomCreditCode();
    await importParties(ctx, csv(`先来,${code},retailer,350103,,,,,,`));
    const before = await count(store);
    const report = await importParties(
      ctx,
      csv(`新的,${randomCreditCode()},retailer,350103,,,,,,`, `后到,${code},retailer,350103,,,,,,`),
    );
    expect(report.imported).toBe(0);
    expect(report.errors[0]).toMatchObject({ row: 3, column: "creditCode" });
    expect(await count(store)).toBe(before);
  });

  it("accepts the Chinese column headers of the e-archive", async () => {
    const ctx = asActor(testPlatform(store));
    const file = Readable.from([
      `\uFEFF名称,统一社会信用代码,主体类型,行政区划代码\n台江菜行,${randomCreditCode("350103")},wholesaler,350103\n`,
    ]);
    expect((await importParties(ctx, file)).imported).toBe(1);
  });

  it("reads an XLSX workbook as well (first worksheet, header row first)", async () => {
    const ctx = asActor(testPlatform(store));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("主体");
    ws.addRow(["名称", "统一社会信用代码", "主体类型", "行政区划代码"]);
    ws.addRow(["仓山鲜果店", randomCreditCode("350104"), "retailer", 350104]);
    const file = Readable.from([Buffer.from(await wb.xlsx.writeBuffer())]);
    expect(await importParties(ctx, file)).toEqual({ rows: 1, imported: 1, errors: [] });
  });
});
