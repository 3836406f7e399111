import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { deliverDueNotices } from "../../../services/webhooks/deliver-outbox.ts";

type Auth = { authorization: string };
type Obj = Record<string, unknown>;
const CTX = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const event = (bizStep: string, serial: string) => ({
  type: "ObjectEvent",
  eventTime: "2026-11-20T08:00:00.000+08:00",
  eventTimeZoneOffset: "+08:00",
  epcList: [`https://id.gs1.org/01/06901234000054/21/${serial}`],
  action: "OBSERVE",
  bizStep,
});
const doc = (events: Obj[]) =>
  JSON.stringify({
    "@context": [CTX],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2026-11-23T10:00:00+08:00",
    epcisBody: { eventList: events },
  });
const eventList = (d: Obj) =>
  (((d.epcisBody as Obj).queryResults as Obj).resultsBody as { eventList: Obj[] }).eventList;

describe.each(engines)("EPCIS 2.0 named queries and subscriptions on %s", (engine) => {
  let t: TestApp;
  let farm: Auth;
  let other: Auth;
  const received: { body: string; signature: string; type: string }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push({
      body,
      signature: String(req.headers["gs1-signature"]),
      type: String(req.headers["content-type"]),
    });
    res.statusCode = 204;
    res.end();
  });
  const capture = (auth: Auth, events: Obj[]) =>
    t.app.inject({
      method: "POST",
      url: "/epcis/capture",
      headers: { ...auth, "content-type": "application/ld+json" },
      payload: doc(events),
    });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    t = await createTestApp(engine);
    await t.app.ready();
    farm = (await t.key("enterprise", { partyId: (await t.party({ kind: "farm", regionCode: "350121" })).id })).auth;
    other = (await t.key("enterprise", { partyId: (await t.party()).id })).auth;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => server.close(r));
  });

  it("saves a named query, runs it, and refuses a second query of the same name or a bad one", async () => {
    const make = (name: string, query: Obj) =>
      t.app.inject({ method: "POST", url: "/epcis/queries", headers: farm, payload: { name, query } });
    const res = await make("shipments", { eventType: ["ObjectEvent"], EQ_bizStep: ["shipping"] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe("/epcis/queries/shipments");
    expect((await make("shipments", {})).statusCode).toBe(409);
    const bad = await make("bad", { EQ_colour: ["red"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().pointer).toBe("/body/query/EQ_colour");
    await capture(farm, [event("shipping", "Q1"), event("receiving", "Q2")]);
    const run = await t.app.inject({ url: "/epcis/queries/shipments/events", headers: farm });
    expect(eventList(run.json()).map((e) => e.bizStep)).toEqual(["shipping"]);
    expect(run.json().epcisBody.queryResults.queryName).toBe("shipments");
    // The query is a filter, not a grant: another party sees none of the farm's events through it.
    const theirs = await t.app.inject({ url: "/epcis/queries/shipments/events", headers: other });
    expect(eventList(theirs.json())).toEqual([]);
  });

  it("delivers matching captures to a webhook, signed with GS1-Signature", async () => {
    const dest = `http://127.0.0.1:${(server.address() as AddressInfo).port}/epcis-callback`;
    const token = "13df38d8275b13f05704629e5f1cf3d45d6132d5";
    const sub = await t.app.inject({
      method: "POST",
      url: "/epcis/queries/shipments/subscriptions",
      headers: farm,
      payload: { dest, signatureToken: token, stream: true },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const noStream = await t.app.inject({
      method: "POST",
      url: "/epcis/queries/shipments/subscriptions",
      headers: farm,
      payload: { dest },
    });
    expect(noStream.json().pointer).toBe("/body/stream");

    await capture(farm, [event("shipping", "W1"), event("receiving", "W2")]);
    await capture(other, [event("shipping", "W3")]); // not the subscriber's to read
    expect(await deliverDueNotices(t.platform)).toBe(1);
    expect(received).toHaveLength(1);
    const r = received[0] as (typeof received)[number];
    expect(r.signature).toBe(`sha256=${createHmac("sha256", token).update(r.body).digest("hex")}`);
    expect(r.type).toBe("application/ld+json");
    const delivered = JSON.parse(r.body);
    expect(delivered.epcisBody.queryResults).toMatchObject({
      queryName: "shipments",
      subscriptionID: sub.json().subscriptionID,
    });
    expect(eventList(delivered).map((e) => (e.epcList as string[])[0])).toEqual([
      "https://id.gs1.org/01/06901234000054/21/W1",
    ]);

    const del = await t.app.inject({ method: "DELETE", url: String(sub.headers.location), headers: farm });
    expect(del.statusCode).toBe(204);
    await capture(farm, [event("shipping", "W4")]);
    expect(await deliverDueNotices(t.platform)).toBe(0);
  });

  it("streams matching captures over a WebSocket", async () => {
    const ws = await t.app.injectWS("/epcis/queries/shipments/events", { headers: farm });
    const message = new Promise<string>((resolve) => ws.on("message", (data: unknown) => resolve(String(data))));
    await capture(farm, [event("receiving", "S0"), event("shipping", "S1")]);
    const delivered = JSON.parse(await message);
    expect(eventList(delivered).map((e) => (e.epcList as string[])[0])).toEqual([
      "https://id.gs1.org/01/06901234000054/21/S1",
    ]);
    ws.terminate();
  });
});
