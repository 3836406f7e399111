import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { describeTraceNumber } from "../../core/codes/trace-number.ts";
import { hasValidCheckDigit, verifyPlatformCode } from "../../core/gs1/index.ts";
import { cliOrigin, contextFor } from "../service-context.ts";
import { issueGtins } from "./issue-gtins.ts";

describe.each(engines)("issuing codes on %s", (engine) => {
  let t: TestApp;
  let party: { id: string; regionCode: string };
  let ent: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(engine);
    party = await t.party({ regionCode: "350103" });
    ent = (await t.key("enterprise", { partyId: party.id })).auth;
  });
  afterAll(() => t.close());

  const issue = (payload: object, headers = ent) =>
    t.app.inject({ method: "POST", url: "/v1/codes/trace-numbers", headers, payload });

  it("reserves valid trace numbers in the party's region, with resolver URLs and an audit row", async () => {
    const res = await issue({ count: 3 });
    expect(res.statusCode).toBe(201);
    const { codes, urls, blockId } = res.json();
    expect(codes).toHaveLength(3);
    for (const [i, code] of codes.entries()) {
      expect(verifyPlatformCode(code)).toBe(true);
      expect(describeTraceNumber(code)?.regionCode).toBe("350103");
      expect(urls[i]).toBe(`https://trace.test/t/${code}`);
    }
    const audit = await t.store.db.selectFrom("auditLog").selectAll().where("targetId", "=", blockId).execute();
    expect(audit.map((a) => a.action)).toEqual(["codes.issue-trace-numbers"]);
  });

  it("never issues the same code twice, also under concurrent requests", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => issue({ count: 50 })));
    const all = responses.flatMap((r) => r.json().codes as string[]);
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
  });

  it("keeps an enterprise to its own party and refuses the public", async () => {
    const other = await t.party();
    expect((await issue({ count: 1, partyId: other.id })).statusCode).toBe(403);
    expect((await issue({ count: 1 }, {} as { authorization: string })).statusCode).toBe(401);
    const reg = (await t.key("regulator", { regionCode: "350100" })).auth;
    expect((await issue({ count: 1, partyId: party.id }, reg)).statusCode).toBe(403);
  });

  it("rejects a count out of range, naming the field", async () => {
    const res = await issue({ count: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().pointer).toBe("/body/count");
  });

  it("issues random, unique serials for a GTIN and lot", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/codes/serials",
      headers: ent,
      payload: { gtin: "09520123456788", lot: "L-2611", count: 500 },
    });
    expect(res.statusCode).toBe(201);
    const { serials, urls } = res.json();
    expect(new Set(serials).size).toBe(500);
    expect(serials.every((s: string) => /^[0-9A-Z]{12}$/.test(s))).toBe(true);
    expect(urls[0]).toBe(`https://trace.test/01/09520123456788/21/${serials[0]}`);
    const sorted = [...serials].sort();
    expect(sorted).not.toEqual(serials); // not issued in order: one serial says nothing about the next
    const stored = await t.store.db
      .selectFrom("serialNumbers")
      .select("serial")
      .where("gtin", "=", "09520123456788")
      .execute();
    expect(stored).toHaveLength(500);
  });

  it("rejects a GTIN with a wrong check digit", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/codes/serials",
      headers: ent,
      payload: { gtin: "09520123456789", count: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().pointer).toBe("/body/gtin");
  });

  it("issues GTINs only where the operator holds a company prefix, never the same twice", async () => {
    const off = await t.app.inject({ method: "POST", url: "/v1/codes/gtins", headers: ent, payload: { count: 1 } });
    expect(off.statusCode).toBe(409);
    expect(off.json().type).toBe("/problems/gtin-issuance-disabled");

    const withPrefix = { ...t.platform, settings: { ...t.platform.settings, gs1CompanyPrefix: "6901234" } };
    const ctx = contextFor(withPrefix, { kind: "enterprise", keyId: "k", label: "k", partyId: party.id }, cliOrigin);
    const [a, b] = await Promise.all([issueGtins(ctx, { count: 3 }), issueGtins(ctx, { count: 3 })]);
    const all = [...(a?.gtins ?? []), ...(b?.gtins ?? [])];
    expect(new Set(all).size).toBe(6);
    for (const g of all) expect(g).toMatch(/^06901234\d{6}$/);
    expect(all.every((g) => hasValidCheckDigit(g))).toBe(true);
  });

  it("parses codes for anyone", async () => {
    const res = await t.app.inject({
      url: `/v1/codes/parse?text=${encodeURIComponent("(01)09520123456788(10)ABC123")}`,
    });
    expect(res.json()).toMatchObject({ valid: true, digitalLink: "https://trace.test/01/09520123456788/10/ABC123" });
  });
});
