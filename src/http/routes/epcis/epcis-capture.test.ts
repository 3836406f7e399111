import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEpcisSchema } from "../../../../scripts/gen-epcis-schema.ts";
import { EPCIS_CONFORMANCE_DIR, walk } from "../../../../test/conformance/epcis-hash-vectors.ts";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { documentEventHashIds, xmlDocumentEventHashIds } from "../../../core/epcis/index.ts";
import { standardContexts } from "../../../core/epcis/platform/platform-context.ts";

type Auth = { authorization: string };
type Obj = Record<string, unknown>;
const GS1 = join(EPCIS_CONFORMANCE_DIR, "gs1-epcis");
const jsonExamples = walk(join(GS1, "JSON")).filter((f) => f.endsWith(".jsonld"));
// XML files that are EPCIS documents (the others are capture-job and master-data documents, not captures).
const xmlExamples = walk(join(GS1, "XML")).filter(
  (f) => f.endsWith(".xml") && /<(\w+:)?EPCIS(Query)?Document[\s>]/.test(readFileSync(f, "utf8")),
);
const read = (f: string) => readFileSync(f, "utf8");
const eventsOf = (doc: Obj): Obj[] => {
  const body = doc.epcisBody as Obj;
  const q = body.queryResults as Obj | undefined;
  return q ? ((q.resultsBody as Obj).eventList as Obj[]) : ((body.eventList as Obj[]) ?? [body.event as Obj]);
};

describe.each(engines)("EPCIS 2.0 capture on %s", (engine) => {
  let t: TestApp;
  let admin: Auth;
  let farm: Auth;
  const capture = (auth: Auth, payload: string, type = "application/ld+json", headers: Obj = {}) =>
    t.app.inject({
      method: "POST",
      url: "/epcis/capture",
      headers: { ...auth, "content-type": type, ...headers } as Record<string, string>,
      payload,
    });
  const get = (auth: Auth, url: string) => t.app.inject({ url, headers: auth });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.key("admin")).auth;
    const p = await t.party({ kind: "farm", regionCode: "350121", gln: "6901234000016" });
    farm = (await t.key("enterprise", { partyId: p.id })).auth;
  });
  afterAll(() => t.close());

  it("captures all 47 GS1 JSON-LD examples and reads every event back with the same meaning", async () => {
    expect(jsonExamples).toHaveLength(47);
    const expected = new Map<string, Obj>();
    for (const file of jsonExamples) {
      const text = read(file);
      const res = await capture(admin, text);
      expect(res.statusCode, `${file}: ${res.body}`).toBe(202);
      expect(res.headers.location).toMatch(/^\/epcis\/capture\/[\w-]+$/);
      const doc = JSON.parse(text) as Obj;
      const hashes = documentEventHashIds(doc as never, { contexts: standardContexts });
      for (const [i, e] of eventsOf(doc).entries()) {
        const id = typeof e.eventID === "string" ? e.eventID : (hashes[i] as string);
        // The first capture of an id stands; a later copy that declares an error is served as declared.
        if (!expected.has(id) || e.errorDeclaration) expected.set(id, e);
      }
    }
    for (const [id, original] of expected) {
      const res = await get(admin, `/epcis/events/${encodeURIComponent(id)}`);
      expect(res.statusCode, id).toBe(200);
      const [served] = eventsOf(res.json());
      const { recordTime, "@context": _c, eventID, ...meaning } = served as Obj;
      const { recordTime: _sent, "@context": _c2, eventID: _e, ...sent } = original;
      expect(meaning, id).toEqual(sent);
      expect(eventID).toBe(id);
      expect(Date.parse(String(recordTime))).toBeGreaterThan(Date.parse("2026-01-01T00:00:00Z"));
    }
  });

  it("captures the EPCIS XML examples, and an XML event gets the same hash ID as its JSON-LD twin", async () => {
    expect(xmlExamples.length).toBe(31);
    for (const file of xmlExamples) {
      const res = await capture(admin, read(file), "application/xml");
      expect(res.statusCode, `${file}: ${res.body}`).toBe(202);
    }
    // Twins whose content is the same event (the others differ in content, e.g. ADD vs OBSERVE).
    const twins: [string, string, number[]][] = [
      ["JSON/Example_9.6.1-ObjectEvent.jsonld", "XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml", [0]],
      ["JSON/Example-TransactionEvents-2020_07_03y.jsonld", "XML/Example-TransactionEvent-2020_07_03y.xml", [0]],
      ...["a", "b", "c", "d", "e", "f", "g", "h"].map(
        (c, i) =>
          [
            `JSON/AssociationEvent/AssociationEvent-${c}.jsonld`,
            "XML/AssociationEvent/AssociationEventExamples.xml",
            [i],
          ] as [string, string, number[]],
      ),
      ["JSON/WithSensorData/SensorDataExample1.jsonld", "XML/WithSensorData/SensorDataExamples.xml", [0]],
    ];
    for (const [json, xml, indexes] of twins) {
      const jsonHashes = documentEventHashIds(JSON.parse(read(join(GS1, json))), { contexts: standardContexts });
      const xmlHashes = xmlDocumentEventHashIds(read(join(GS1, xml)));
      for (const [k, i] of indexes.entries()) {
        const h = jsonHashes[k] as string;
        expect(xmlHashes[i], `${json} ~ ${xml}#${i}`).toBe(h);
        // The XML event (no eventID of its own) is stored under that hash; the JSON twin is found by it too.
        const res = await get(admin, `/epcis/events/${encodeURIComponent(h)}`);
        expect(res.statusCode, h).toBe(200);
      }
    }
  });

  it("stores an event once, however often it is captured (idempotent by hash ID)", async () => {
    const file = join(GS1, "XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml");
    const first = await capture(farm, read(file), "text/xml");
    expect(first.statusCode).toBe(202);
    const again = await capture(farm, read(file), "text/xml");
    const job = await get(farm, String(again.headers.location));
    expect(job.json()).toMatchObject({ running: false, success: true, eventCount: 2, storedCount: 0 });
    const other = (await t.key("enterprise", { partyId: (await t.party()).id })).auth;
    expect((await get(other, String(again.headers.location))).statusCode).toBe(404);
  });

  it("captures one event through POST /events and answers where it lives", async () => {
    const event = {
      "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      type: "ObjectEvent",
      eventTime: "2026-11-20T08:00:00.000+08:00",
      eventTimeZoneOffset: "+08:00",
      epcList: ["https://id.gs1.org/01/06901234000054/21/SN1"],
      action: "OBSERVE",
      bizStep: "inspecting",
    };
    const res = await t.app.inject({ method: "POST", url: "/epcis/events", headers: admin, payload: event });
    expect(res.statusCode, res.body).toBe(201);
    const got = await get(admin, String(res.headers.location));
    expect(eventsOf(got.json())[0]).toMatchObject({ bizStep: "inspecting", epcList: event.epcList });
    const bad = await t.app.inject({
      method: "POST",
      url: "/epcis/events",
      headers: admin,
      payload: { ...event, eventTimeZoneOffset: "+8" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/eventTimeZoneOffset"]);
  });

  it("rejects a bad document whole, listing every error with its JSON pointer, and stores nothing", async () => {
    const doc = JSON.parse(read(join(GS1, "JSON/Example_9.6.1-ObjectEvent.jsonld")));
    const [a, b] = doc.epcisBody.eventList;
    Object.assign(a, {
      eventID: "urn:uuid:11111111-1111-4111-8111-111111111111",
      eventTime: "2026-02-30T10:00:00Z",
      bizStep: "not a step",
      epcList: ["urn:epc:id:sgtin:0614141.107346"],
    });
    Object.assign(b, { type: "TeleportEvent", disposition: "https://ref.gs1.org/cbv/Disp-teleported" });
    b.eventTimeZoneOffset = "+15:00";
    const res = await capture(admin, JSON.stringify(doc));
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ type: "/problems/epcis-validation", epcisException: "ValidationException" });
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer);
    for (const p of [
      "/body/epcisBody/eventList/0/eventTime",
      "/body/epcisBody/eventList/0/bizStep",
      "/body/epcisBody/eventList/0/epcList/0",
      "/body/epcisBody/eventList/1/type",
      "/body/epcisBody/eventList/1/disposition",
      "/body/epcisBody/eventList/1/eventTimeZoneOffset",
    ])
      expect(pointers, JSON.stringify(body.errors)).toContain(p);
    const stored = await get(admin, `/epcis/events/${encodeURIComponent(a.eventID)}`);
    expect(stored.statusCode).toBe(404);
  });

  it("answers 413 for a body over the limit before parsing it", async () => {
    const small = await createTestApp(engine);
    try {
      const { buildApp } = await import("../../app.ts");
      const app = await buildApp({ platform: small.platform, bodyLimit: 2048 });
      const key = (await small.key("admin")).auth;
      const res = await app.inject({
        method: "POST",
        url: "/epcis/capture",
        headers: { ...key, "content-type": "application/ld+json" },
        payload: `{"x":"${"a".repeat(4096)}"`, // not even JSON: it must not be read
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().type).toBe("/problems/payload-too-large");
      await app.close();
    } finally {
      await small.close();
    }
  });

  it("speaks EPCIS 2.0 in its headers, answers OPTIONS, refuses other versions and anonymous callers", async () => {
    const opt = await t.app.inject({ method: "OPTIONS", url: "/epcis/capture" });
    expect(opt.statusCode).toBe(204);
    expect(opt.headers.allow).toBe("OPTIONS, GET, POST");
    expect(opt.headers["gs1-epcis-version"]).toBe("2.0.0");
    expect(opt.headers["gs1-cbv-version"]).toBe("2.0.0");
    const old = await t.app.inject({ url: "/epcis/events", headers: { ...admin, "GS1-EPCIS-Version": "1.2" } });
    expect(old.statusCode).toBe(406);
    expect((await t.app.inject({ url: "/epcis/events" })).statusCode).toBe(401);
    expect((await capture({ authorization: "" } as Auth, "{}")).statusCode).toBe(401);
  });

  it("keeps the vendored EPCIS JSON schema current with its generator", () => {
    const committed = readFileSync(
      new URL("../../../core/epcis/capture/epcis-json-schema.generated.ts", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(renderEpcisSchema(read(join(GS1, "EPCIS-JSON-Schema.json"))));
  });
});
