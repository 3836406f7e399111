import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { epcisJsonSchema } from "../../../core/epcis/capture/epcis-json-schema.generated.ts";
import { findPartyById } from "../../../store/party-store.ts";

type Auth = { authorization: string };
type Obj = Record<string, unknown>;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validDocument = ajv.compile(epcisJsonSchema);
const CTX = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const base = "https://trace.test";

const ids = (doc: Obj) =>
  (((doc.epcisBody as Obj).queryResults as Obj).resultsBody as { eventList: Obj[] }).eventList.map(
    (e) => e["ex:name"] as string,
  );

describe.each(engines)("EPCIS 2.0 query on %s", (engine) => {
  let t: TestApp;
  const key: Record<string, Auth> = {};
  const q = async (who: string, url: string) => {
    const res = await t.app.inject({ url, headers: key[who] as Auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(validDocument(res.json()), JSON.stringify(validDocument.errors)).toBe(true);
    return res;
  };
  const names = async (who: string, query: string) => ids((await q(who, `/epcis/events?${query}`)).json()).sort();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const a = await t.party({ kind: "farm", regionCode: "350121", gln: "6901234000016", name: "A" });
    const b = await t.party({ kind: "wholesaler", regionCode: "350102", name: "B" });
    const c = await t.party({ kind: "retailer", regionCode: "330102", name: "C" });
    const bCode = (await findPartyById(t.store.db, b.id))?.partyCode;
    key.a = (await t.key("enterprise", { partyId: a.id })).auth;
    key.b = (await t.key("enterprise", { partyId: b.id })).auth;
    key.c = (await t.key("enterprise", { partyId: c.id })).auth;
    key.fuzhou = (await t.key("regulator", { regionCode: "350100" })).auth;
    key.hangzhou = (await t.key("regulator", { regionCode: "330100" })).auth;
    key.admin = (await t.key("admin")).auth;
    const ev = (name: string, time: string, fields: Obj) => ({
      "ex:name": name,
      eventTime: time,
      eventTimeZoneOffset: "+08:00",
      ...fields,
    });
    const doc = (events: Obj[]) =>
      JSON.stringify({
        "@context": [CTX, { ex: "https://example.org/ex/" }],
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: "2026-11-23T10:00:00+08:00",
        epcisBody: { eventList: events },
      });
    const capture = async (who: string, events: Obj[]) => {
      const res = await t.app.inject({
        method: "POST",
        url: "/epcis/capture",
        headers: { ...(key[who] as Auth), "content-type": "application/ld+json" },
        payload: doc(events),
      });
      expect(res.statusCode, res.body).toBe(202);
    };
    await capture("a", [
      ev("commission", "2026-11-01T08:00:00+08:00", {
        type: "ObjectEvent",
        action: "ADD",
        bizStep: "commissioning",
        disposition: "active",
        epcList: ["https://id.gs1.org/01/06901234000054/21/SN1"],
        quantityList: [{ epcClass: "urn:epc:class:lgtin:6901234.000005.L1", quantity: 100, uom: "KGM" }],
        readPoint: { id: "urn:epc:id:sgln:6901234.00001.0" },
        ilmd: { "cbvmda:lotNumber": "L1", "cbvmda:itemExpirationDate": "2026-12-01" },
      }),
      ev("ship", "2026-11-02T08:00:00+08:00", {
        type: "ObjectEvent",
        action: "OBSERVE",
        bizStep: "shipping",
        disposition: "in_transit",
        quantityList: [{ epcClass: "https://id.gs1.org/01/06901234000054/10/L1", quantity: 60, uom: "KGM" }],
        bizTransactionList: [{ type: "desadv", bizTransaction: "urn:example:desadv:1" }],
        sourceList: [{ type: "owning_party", source: "urn:epc:id:pgln:6901234.00001" }],
        destinationList: [{ type: "owning_party", destination: `${base}/p/${bCode}` }],
        bizLocation: { id: "https://id.gs1.org/414/6901234000016" },
      }),
      ev("pack", "2026-11-03T08:00:00+08:00", {
        type: "AggregationEvent",
        action: "ADD",
        bizStep: "packing",
        parentID: "urn:epc:id:sscc:6901234.0000000001",
        childEPCs: ["urn:epc:id:sgtin:6901234.000005.SN1"],
      }),
      ev("make", "2026-11-04T08:00:00+08:00", {
        type: "TransformationEvent",
        bizStep: "commissioning",
        inputQuantityList: [{ epcClass: "urn:epc:class:lgtin:6901234.000005.L1", quantity: 10, uom: "KGM" }],
        outputEPCList: ["urn:epc:id:sgtin:6901234.100006.J1"],
      }),
    ]);
    await capture("c", [
      ev("elsewhere", "2026-11-05T08:00:00+08:00", {
        type: "ObjectEvent",
        action: "OBSERVE",
        bizStep: "receiving",
        epcList: ["urn:epc:id:sgtin:6901234.000005.SN9"],
      }),
    ]);
  });
  afterAll(() => t.close());

  it("filters by every standard parameter, in any spelling of a value", async () => {
    expect(await names("admin", "EQ_bizStep=shipping")).toEqual(["ship"]);
    expect(await names("admin", "EQ_bizStep=urn:epcglobal:cbv:bizstep:receiving|packing")).toEqual([
      "elsewhere",
      "pack",
    ]);
    expect(await names("admin", "eventType=AggregationEvent|TransformationEvent")).toEqual(["make", "pack"]);
    expect(await names("admin", "EQ_action=ADD")).toEqual(["commission", "pack"]);
    expect(await names("admin", "EQ_disposition=https://ref.gs1.org/cbv/Disp-in_transit")).toEqual(["ship"]);
    expect(await names("admin", "GE_eventTime=2026-11-02T08:00:00%2B08:00&LT_eventTime=2026-11-04T00:00:00Z")).toEqual([
      "pack",
      "ship",
    ]);
    const now = new Date(Date.now() + 60_000).toISOString();
    expect(await names("admin", `LT_recordTime=${now}&GE_recordTime=2026-01-01T00:00:00Z`)).toHaveLength(5);
    // EPCs match across URN and Digital Link spellings (canonical form, CBV 2.0 §8.9.2).
    expect(await names("admin", "MATCH_epc=urn:epc:id:sgtin:6901234.000005.SN1")).toEqual(["commission", "pack"]);
    expect(await names("admin", "MATCH_anyEPC=https://id.gs1.org/00/069012340000000016")).toEqual(["pack"]);
    expect(await names("admin", "MATCH_parentID=urn:epc:id:sscc:6901234.0000000001")).toEqual(["pack"]);
    expect(await names("admin", "MATCH_outputEPC=https://id.gs1.org/01/16901234000068/21/J1")).toEqual(["make"]);
    expect(await names("admin", "MATCH_epcClass=https://id.gs1.org/01/06901234000054/10/L1")).toEqual([
      "commission",
      "ship",
    ]);
    expect(await names("admin", "MATCH_anyEPCClass=urn:epc:class:lgtin:6901234.000005.L1")).toEqual([
      "commission",
      "make",
      "ship",
    ]);
    expect(await names("admin", "MATCH_epc=urn:epc:idpat:sgtin:6901234.000005.*")).toEqual([
      "commission",
      "elsewhere",
      "pack",
    ]);
    // An SGLN with extension 0 is the GLN itself (TDS 2.0 §6.3.3).
    expect(await names("admin", "EQ_readPoint=https://id.gs1.org/414/6901234000016")).toEqual(["commission"]);
    expect(await names("admin", "EQ_bizLocation=urn:epc:id:sgln:6901234.00001.0")).toEqual(["ship"]);
    expect(await names("admin", "EQ_bizLocation=urn:epc:id:sgln:6901234.00001.7")).toEqual([]);
    expect(await names("admin", "EQ_bizLocation=https://id.gs1.org/414/6901234000016")).toEqual(["ship"]);
    expect(await names("admin", "EQ_bizTransaction_desadv=urn:example:desadv:1")).toEqual(["ship"]);
    expect(await names("admin", "EQ_source_owning_party=https://id.gs1.org/417/6901234000016")).toEqual(["ship"]);
    expect(await names("admin", `EQ_destination_owning_party=${base}/p/x`)).toEqual([]);
    expect(await names("admin", "EQ_ILMD_cbvmda:lotNumber=L1")).toEqual(["commission"]);
    expect(await names("admin", "EQ_ILMD_urn:epcglobal:cbv:mda:itemExpirationDate=2026-12-01")).toEqual(["commission"]);
  });

  it("orders and pages with an opaque nextPageToken and a Link header, each event once", async () => {
    const desc = ids((await q("admin", "/epcis/events?orderBy=eventTime&orderDirection=DESC")).json());
    expect(desc).toEqual(["elsewhere", "make", "pack", "ship", "commission"]);
    const seen: string[] = [];
    let url: string | undefined = "/epcis/events?orderBy=eventTime&perPage=2";
    while (url) {
      const res = await q("admin", url);
      seen.push(...ids(res.json()));
      url = /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link ?? ""))?.[1];
    }
    expect(seen).toEqual(["commission", "ship", "pack", "make", "elsewhere"]);
    const forged = await t.app.inject({
      url: "/epcis/events?orderBy=eventTime&perPage=3&nextPageToken=WzEsImEiLCJiIl0",
      headers: key.admin as Auth,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().epcisException).toBe("QueryParameterException");
  });

  it("refuses parameters it does not know, pointing at them", async () => {
    const res = await t.app.inject({
      url: "/epcis/events?EQ_bizStep=shipping&EQ_colour=red",
      headers: key.admin as Auth,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: "/problems/epcis-query-parameter", pointer: "/query/EQ_colour" });
    const bad = await t.app.inject({ url: "/epcis/events?GE_eventTime=yesterday", headers: key.admin as Auth });
    expect(bad.json().pointer).toBe("/query/GE_eventTime");
  });

  it("shows an enterprise the events it is party to, a regulator its region, the public nothing", async () => {
    expect(await names("a", "")).toEqual(["commission", "make", "pack", "ship"]);
    expect(await names("b", "")).toEqual(["ship"]); // named as the destination
    expect(await names("c", "")).toEqual(["elsewhere"]);
    expect(await names("fuzhou", "")).toEqual(["commission", "make", "pack", "ship"]);
    expect(await names("hangzhou", "")).toEqual(["elsewhere"]);
    expect(await names("admin", "")).toHaveLength(5);
    const commission = (await q("a", "/epcis/events?EQ_bizStep=commissioning&eventType=ObjectEvent")).json();
    const id = (((commission.epcisBody as Obj).queryResults as Obj).resultsBody as { eventList: Obj[] }).eventList[0]
      ?.eventID as string;
    expect(
      (await t.app.inject({ url: `/epcis/events/${encodeURIComponent(id)}`, headers: key.c as Auth })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: `/epcis/events/${encodeURIComponent(id)}` })).statusCode).toBe(401);
  });

  it("lists the top-level resources and the events of each value", async () => {
    const top = await t.app.inject({ url: "/epcis/", headers: key.admin as Auth });
    expect(top.json().member).toContain("epcs");
    const steps = await t.app.inject({ url: "/epcis/bizSteps", headers: key.a as Auth });
    expect(steps.json()).toMatchObject({ type: "Collection" });
    expect(steps.json().member.sort()).toEqual(["commissioning", "packing", "shipping"]);
    const types = await t.app.inject({ url: "/epcis/eventTypes?perPage=2", headers: key.admin as Auth });
    expect(types.json().member).toHaveLength(2);
    expect(types.headers.link).toMatch(/rel="next"/);
    expect(ids((await q("admin", "/epcis/bizSteps/shipping/events")).json())).toEqual(["ship"]);
    const lot = encodeURIComponent("https://id.gs1.org/01/06901234000054/10/L1");
    expect(ids((await q("admin", `/epcis/epcs/${lot}/events`)).json()).sort()).toEqual(["commission", "make", "ship"]);
    expect(ids((await q("b", `/epcis/epcs/${lot}/events`)).json())).toEqual(["ship"]);
    const epcs = await t.app.inject({ url: "/epcis/epcs?perPage=100", headers: key.c as Auth });
    expect(epcs.json().member).toEqual(["https://id.gs1.org/01/06901234000054/21/SN9"]);
  });

  it("serves the platform's own actions as valid EPCIS events: one history", async () => {
    const product = await t.app.inject({
      method: "POST",
      url: "/v1/products",
      headers: key.a as Auth,
      payload: { name: "上海青", unit: "kg", categoryCode: "vegetables/leafy", shelfLifeDays: 5 },
    });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const coded = await t.app.inject({
      method: "POST",
      url: "/v1/lots",
      headers: key.a as Auth,
      payload: { lots: [{ productId: product.json().id, productionDate: today, quantity: 5 }] },
    });
    expect(coded.statusCode).toBe(201);
    const traceCode = coded.json().items[0].traceCode as string;
    const res = await q("a", `/epcis/epcs/${encodeURIComponent(traceCode)}/events`);
    const [event] = ((res.json().epcisBody as Obj).queryResults as { resultsBody: { eventList: Obj[] } }).resultsBody
      .eventList;
    expect(event).toMatchObject({ type: "ObjectEvent", action: "ADD", bizStep: "commissioning" });
    expect(await names("c", "EQ_bizStep=commissioning")).toEqual([]);
  });
});
