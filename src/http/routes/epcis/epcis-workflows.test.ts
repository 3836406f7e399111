import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { findPartyById } from "../../../store/party-store.ts";

type Auth = { authorization: string };
type Obj = Record<string, unknown>;
const CTX = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const GTIN = "06901234000054";
const LOT = `https://id.gs1.org/01/${GTIN}/10/E1`;

describe.each(engines)("one history: EPCIS captures drive the supply chain on %s", (engine) => {
  let t: TestApp;
  const key: Record<string, Auth> = {};
  let buyerCode = "";
  const capture = (who: string, events: Obj[]) =>
    t.app.inject({
      method: "POST",
      url: "/epcis/capture",
      headers: { ...(key[who] as Auth), "content-type": "application/ld+json" },
      payload: JSON.stringify({
        "@context": [CTX, { sy: "urn:suyuan:epcis:" }],
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: "2026-11-23T10:00:00+08:00",
        epcisBody: { eventList: events },
      }),
    });
  const stock = async (who: string) =>
    (await t.app.inject({ url: "/v1/stock", headers: key[who] as Auth }))
      .json()
      .items.map((i: { traceCode: string; quantity: number }) => [i.traceCode, i.quantity]);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const at = `${today}T09:00:00.000+08:00`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const farm = await t.party({ kind: "farm", regionCode: "350121", gln: "6901234000016" });
    const buyer = await t.party({ kind: "wholesaler", regionCode: "350102" });
    buyerCode = (await findPartyById(t.store.db, buyer.id))?.partyCode as string;
    key.farm = (await t.key("enterprise", { partyId: farm.id })).auth;
    key.buyer = (await t.key("enterprise", { partyId: buyer.id })).auth;
    const product = await t.app.inject({
      method: "POST",
      url: "/v1/products",
      headers: key.farm as Auth,
      payload: { name: "鸡蛋", unit: "box", categoryCode: "eggs", shelfLifeDays: 30, gtin: GTIN },
    });
    expect(product.statusCode, product.body).toBe(201);
  });
  afterAll(() => t.close());

  it("a commissioning event with ILMD codes the lot into the capturer's stock", async () => {
    const res = await capture("farm", [
      {
        type: "ObjectEvent",
        eventTime: at,
        eventTimeZoneOffset: "+08:00",
        epcList: [],
        quantityList: [{ epcClass: "urn:epc:class:lgtin:6901234.000005.E1", quantity: 50 }],
        action: "ADD",
        bizStep: "commissioning",
        disposition: "active",
        ilmd: { "cbvmda:lotNumber": "E1", "sy:productionDate": today },
      },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    expect(await stock("farm")).toEqual([[`https://trace.test/01/${GTIN}/10/E1`, 50]]);
  });

  it("a shipping event to another party creates its pending receipt; its receiving event confirms it", async () => {
    const shipped = await capture("farm", [
      {
        type: "ObjectEvent",
        eventTime: at,
        eventTimeZoneOffset: "+08:00",
        epcList: [],
        quantityList: [{ epcClass: LOT, quantity: 20 }],
        action: "OBSERVE",
        bizStep: "shipping",
        disposition: "in_transit",
        sourceList: [{ type: "owning_party", source: "urn:epc:id:pgln:6901234.00001" }],
        destinationList: [{ type: "owning_party", destination: `https://trace.test/p/${buyerCode}` }],
      },
    ]);
    expect(shipped.statusCode, shipped.body).toBe(202);
    expect(await stock("farm")).toEqual([[`https://trace.test/01/${GTIN}/10/E1`, 30]]);
    const inbox = (await t.app.inject({ url: "/v1/inbox", headers: key.buyer as Auth })).json().items;
    expect(inbox).toHaveLength(1);
    const voucherUrl = inbox[0].voucherUrl as string;

    const received = await capture("buyer", [
      {
        type: "ObjectEvent",
        eventTime: at,
        eventTimeZoneOffset: "+08:00",
        epcList: [],
        quantityList: [{ epcClass: LOT, quantity: 19 }],
        action: "OBSERVE",
        bizStep: "receiving",
        disposition: "in_progress",
        bizTransactionList: [{ type: "desadv", bizTransaction: voucherUrl }],
      },
    ]);
    expect(received.statusCode, received.body).toBe(202);
    expect(await stock("buyer")).toEqual([[`https://trace.test/01/${GTIN}/10/E1`, 19]]);
    expect((await t.app.inject({ url: "/v1/inbox", headers: key.buyer as Auth })).json().items).toEqual([]);
  });

  it("a workflow that fails rejects the whole capture, pointing at the event", async () => {
    const res = await capture("farm", [
      {
        type: "ObjectEvent",
        eventTime: at,
        eventTimeZoneOffset: "+08:00",
        quantityList: [{ epcClass: LOT, quantity: 1000 }],
        action: "OBSERVE",
        bizStep: "shipping",
        destinationList: [{ type: "owning_party", destination: `https://trace.test/p/${buyerCode}` }],
      },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: "/problems/insufficient-stock", pointer: "/body/epcisBody/eventList/0" });
    expect(await stock("farm")).toEqual([[`https://trace.test/01/${GTIN}/10/E1`, 30]]);
    const events = await t.app.inject({ url: "/epcis/events?EQ_bizStep=shipping", headers: key.farm as Auth });
    expect(events.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
  });

  it("exports the lot's critical tracking events as the FSMA 204 sortable spreadsheet (CSV and XLSX)", async () => {
    const csv = await t.app.inject({
      url: `/epcis/fsma204?format=csv&lot=${encodeURIComponent(LOT)}`,
      headers: key.farm as Auth,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toMatch(/^Critical Tracking Event,Event Date,.*Traceability Lot Code,Product Description,Quantity/);
    expect(rows.map((r) => r.split(",")[0])).toEqual(["Initial Packing", "Shipping"]);
    expect(rows[0]).toContain("鸡蛋");
    expect(rows[1]).toContain(",20,");
    const xlsx = await t.app.inject({ url: `/epcis/fsma204?from=${today}&to=${today}`, headers: key.buyer as Auth });
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.getWorksheet("FSMA 204");
    const ctes = (sheet?.getColumn(1).values ?? []).slice(2);
    expect([...ctes].sort()).toEqual(["Receiving", "Shipping"]); // the buyer sees what it is party to
    const none = await t.app.inject({ url: "/epcis/fsma204", headers: key.farm as Auth });
    expect(none.json().pointer).toBe("/query/lot");
  });
});
