import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { chinaDate } from "../../../core/codes/calendar-day.ts";
import { csvMediaType, xlsxMediaType } from "./imports-schemas.ts";

type Auth = { authorization: string };
const today = chinaDate(Date.now());

describe.each(engines)("POST /v1/imports on %s", (engine) => {
  let t: TestApp;
  let farm: { id: string };
  let other: { id: string };
  let farmKey: Auth;
  let admin: Auth;
  const post = (auth: Auth, url: string, payload: string | Buffer, type = csvMediaType) =>
    t.app.inject({ method: "POST", url, headers: { ...auth, "content-type": type }, payload });
  const products = async (partyId: string) =>
    (await t.store.db.selectFrom("products").select("id").where("partyId", "=", partyId).execute()).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    farm = await t.party({ kind: "farm", regionCode: "350121" });
    other = await t.party({ kind: "farm", regionCode: "350121" });
    farmKey = (await t.key("enterprise", { partyId: farm.id })).auth;
    admin = (await t.key("admin")).auth;
  });
  afterAll(() => t.close());

  it("imports a CSV for the key's own party and an XLSX for any party as administrator", async () => {
    const res = await post(farmKey, "/v1/imports/products", "名称,单位,品类\n芥蓝,kg,vegetables\n");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, imported: 1, errors: [] });
    expect(await products(farm.id)).toBe(1);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("lots");
    ws.addRow(["productName", "productionDate", "quantity"]);
    ws.addRow(["芥蓝", new Date(`${today}T00:00:00Z`), 40]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const lots = await post(admin, `/v1/imports/lots?partyId=${farm.id}`, xlsx, xlsxMediaType);
    expect(lots.statusCode, lots.body).toBe(200);
    expect(lots.json().imported).toBe(1);
  });

  it("answers 422 with every bad row as problem+json and writes nothing", async () => {
    const before = await products(farm.id);
    const res = await post(
      farmKey,
      "/v1/imports/products",
      "name,unit,categoryCode,shelfLifeDays\n好的,kg,fruit,3\n坏,kilo,fruit,3\n坏二,kg,fruit,-1\n",
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: "/problems/import-failed",
      rows: 3,
      imported: 0,
      errors: [
        { row: 3, column: "unit", pointer: "/rows/3/unit" },
        { row: 4, column: "shelfLifeDays", pointer: "/rows/4/shelfLifeDays" },
      ],
    });
    expect(await products(farm.id)).toBe(before);

    const skipped = await post(
      farmKey,
      "/v1/imports/products?skipBadRows=true",
      "name,unit,categoryCode\n好的二,kg,fruit\n坏,kilo,fruit\n",
    );
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json()).toMatchObject({ rows: 2, imported: 1, errors: [{ row: 3, column: "unit" }] });
  });

  it("does not let an enterprise key import for another party", async () => {
    const res = await post(
      farmKey,
      `/v1/imports/products?partyId=${other.id}`,
      "name,unit,categoryCode\n甲,kg,fruit\n",
    );
    expect(res.statusCode).toBe(403);
    expect(await products(other.id)).toBe(0);
    expect((await t.app.inject({ method: "POST", url: "/v1/imports/products", payload: "x" })).statusCode).toBe(401);
  });

  it("refuses other media types, unreadable files and bodies over the limit", async () => {
    expect((await post(farmKey, "/v1/imports/products", "{}", "application/json")).statusCode).toBe(415);
    const gbk = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x75, 0x6e, 0x69, 0x74, 0x0a]);
    const bad = await post(farmKey, "/v1/imports/products", gbk);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().type).toBe("/problems/unreadable-import-file");
    const big = `name,unit,categoryCode\n${"甲,kg,fruit\n".repeat(1_000_000)}`;
    expect((await post(farmKey, "/v1/imports/products", big)).statusCode).toBe(413);
    // Without Content-Length (chunked upload) the limit is enforced while streaming.
    const streamed = await t.app.inject({
      method: "POST",
      url: "/v1/imports/products",
      headers: { ...farmKey, "content-type": csvMediaType },
      payload: Readable.from([big]),
    });
    expect(streamed.statusCode, streamed.body).toBe(413);
  });

  it("documents the route with its media types", async () => {
    const doc = (await t.app.inject({ url: "/openapi.json" })).json();
    const op = doc.paths["/v1/imports/{kind}"].post;
    expect(Object.keys(op.requestBody.content)).toEqual([csvMediaType, xlsxMediaType]);
  });
});
