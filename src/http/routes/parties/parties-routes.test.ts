import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { partyInput, randomCreditCode } from "../../../../test/factories.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";

describe.each(engines)("party registry over HTTP on %s", (engine) => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.key("admin")).auth;
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = admin) =>
    t.app.inject({ method: "POST", url: "/v1/parties", headers, payload: body as object });

  it("registers a party and answers 201 with its location, normalising what was typed", async () => {
    const code = randomCreditCode("350102");
    const res = await post(partyInput({ creditCode: ` ${code.toLowerCase()} `, name: "  福州  鲜果  " }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/v1/parties/${body.id}`);
    expect(body).toMatchObject({
      creditCode: code,
      name: "福州 鲜果",
      regionName: "福建省 福州市 鼓楼区",
      view: "full",
    });
  });

  it("gives each party its party code: /414/{GLN} with a GLN, else a unique platform /p/ code", async () => {
    const withGln = (await post(partyInput({ gln: "6901234000016" }))).json();
    expect(withGln).toMatchObject({ partyCode: null, codeUrl: "https://trace.test/414/6901234000016" });
    const a = (await post(partyInput({ regionCode: "350121" }))).json();
    const b = (await post(partyInput({ regionCode: "350121" }))).json();
    expect(a.partyCode).toMatch(/^350121[0-9A-Z]{10}$/);
    expect(a.codeUrl).toBe(`https://trace.test/p/${a.partyCode}`);
    expect(b.partyCode).not.toBe(a.partyCode);
  });

  it.each([
    ["creditCode", { creditCode: "91350100M000100Y44" }, 422, /check character is '4' but should be '3'/],
    ["regionCode", { regionCode: "359999" }, 422, /not a GB\/T 2260 region code/],
    ["kind", { kind: "spaceship" }, 400, /must be one of/],
    ["gln", { gln: "1234567890123" }, 422, /GS1 check digit/],
  ])("rejects a bad %s with problem+json naming the field", async (field, override, status, detail) => {
    const res = await post(partyInput(override as object));
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem.pointer).toBe(`/body/${field}`);
    expect(problem.detail).toMatch(detail);
    expect(problem.type).toMatch(/^\/problems\//);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a second party with the same credit code", async () => {
    const input = partyInput();
    expect((await post(input)).statusCode).toBe(201);
    const res = await post({ ...input, name: "另一家" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: "/problems/duplicate-credit-code", pointer: "/body/creditCode" });
  });

  it("requires a key to write and refuses an unknown one", async () => {
    expect((await post(partyInput(), {})).statusCode).toBe(401);
    const res = await post(partyInput(), { authorization: "Bearer sy_notarealkeynotarealkeynotarealkeynotarealk" });
    expect(res.statusCode).toBe(401);
  });

  it("lets an enterprise change its own contact data but not another party or its regulated fields", async () => {
    const own = await t.party();
    const other = await t.party();
    const ent = (await t.key("enterprise", { partyId: own.id })).auth;
    const patch = (id: string, payload: object) =>
      t.app.inject({ method: "PATCH", url: `/v1/parties/${id}`, headers: ent, payload });

    const ok = await patch(own.id, { contact: { name: "王会计", phone: "13800000000" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ contact: { name: "王会计" }, version: 2 });

    expect((await patch(other.id, { address: "别人的地址" })).statusCode).toBe(403);
    const flag = await patch(own.id, { keyParty: true });
    expect(flag.statusCode).toBe(403);
    expect(flag.json().pointer).toBe("/body/keyParty");
    const unchanged = await t.app.inject({ url: `/v1/parties/${other.id}`, headers: admin });
    expect(unchanged.json().address).toBe(partyInput().address);
  });

  it("confines a regulator to its region", async () => {
    const fuzhou = await t.party({ regionCode: "350103" });
    const xiamen = await t.party({ regionCode: "350203" });
    const reg = (await t.key("regulator", { regionCode: "350100" })).auth;

    const list = await t.app.inject({ url: "/v1/parties?limit=500", headers: reg });
    const ids = list.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(fuzhou.id);
    expect(ids).not.toContain(xiamen.id);
    expect(list.json().items.every((p: { regionCode: string }) => p.regionCode.startsWith("3501"))).toBe(true);

    const outside = await t.app.inject({ url: `/v1/parties/${xiamen.id}`, headers: reg });
    expect(outside.json()).toMatchObject({ view: "public" });
    expect(outside.json().contact).toBeUndefined();
    expect((await t.app.inject({ url: `/v1/parties?regionCode=350203`, headers: reg })).json().items).toEqual([]);

    expect((await post(partyInput({ regionCode: "350203" }), reg)).statusCode).toBe(403);
    expect((await post(partyInput({ regionCode: "350104" }), reg)).statusCode).toBe(201);
    const move = await t.app.inject({
      method: "PATCH",
      url: `/v1/parties/${fuzhou.id}`,
      headers: reg,
      payload: { regionCode: "350203" },
    });
    expect(move.statusCode).toBe(403);
  });

  it("shows anonymous callers only the public fields", async () => {
    const p = await t.party({ keyParty: true });
    const res = await t.app.inject({ url: `/v1/parties/${p.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.view).toBe("public");
    for (const hidden of ["contact", "keyParty", "createdAt", "version"]) expect(body).not.toHaveProperty(hidden);
    expect(body).toHaveProperty("licences");
    const list = await t.app.inject({ url: "/v1/parties?keyParty=true" });
    expect(list.json().items.every((i: object) => !("contact" in i))).toBe(true);
  });

  it("pages through the list with a next link", async () => {
    for (let i = 0; i < 3; i++) await t.party({ regionCode: "350181" });
    const first = await t.app.inject({ url: "/v1/parties?regionCode=350181&limit=2", headers: admin });
    expect(first.json().items).toHaveLength(2);
    expect(first.headers.link).toMatch(/rel="next"/);
    const second = await t.app.inject({ url: first.json().next, headers: admin });
    expect(second.json().items).toHaveLength(1);
    expect(second.json().next).toBeNull();
    const all = [...first.json().items, ...second.json().items].map((p: { id: string }) => p.id);
    expect(new Set(all).size).toBe(3);
  });

  it("revokes a key at once", async () => {
    const { id, auth } = await t.key("regulator", { regionCode: "350000" });
    expect((await t.app.inject({ url: "/v1/parties", headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "DELETE", url: `/v1/api-keys/${id}`, headers: admin })).statusCode).toBe(204);
    const after = await t.app.inject({ url: "/v1/parties", headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/revoked/);
  });

  it("records every write in the audit log with who, what and from where", async () => {
    const ent = await t.party();
    const { id: keyId, auth } = await t.key("enterprise", { partyId: ent.id });
    await t.app.inject({
      method: "PATCH",
      url: `/v1/parties/${ent.id}`,
      headers: { ...auth, "user-agent": "erp/1.0" },
      payload: { address: "新地址" },
    });
    await t.app.inject({ method: "DELETE", url: `/v1/api-keys/${keyId}`, headers: admin });

    const audit = await t.app.inject({ url: `/v1/audit?targetId=${ent.id}`, headers: admin });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["party.update", "party.register"]);
    const update = audit.json().items[0];
    expect(update).toMatchObject({
      actor: `enterprise:${keyId}`,
      actorPartyId: ent.id,
      source: "127.0.0.1",
      userAgent: "erp/1.0",
    });
    expect(update.requestId).toBeTruthy();

    const keys = await t.app.inject({ url: `/v1/audit?targetType=api-key&targetId=${keyId}`, headers: admin });
    expect(keys.json().items.map((e: { action: string }) => e.action)).toEqual(["api-key.revoke", "api-key.create"]);
    expect((await t.app.inject({ url: "/v1/audit", headers: auth })).statusCode).toBe(401);
  });

  it("leaves no audit row and no party when a write is refused", async () => {
    const before = await t.store.db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    await post(partyInput({ regionCode: "000000" }));
    const after = await t.store.db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
