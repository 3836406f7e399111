import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { verifyWebhook } from "../../core/webhooks/webhook-signature.ts";
import { deliverDueNotices } from "./deliver-outbox.ts";

type Auth = { authorization: string };
interface Received {
  topic: string;
  body: string;
  signature: string;
}

describe.each(engines)("webhooks on %s", (engine) => {
  let t: TestApp;
  const received: Received[] = [];
  let failNext = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (failNext > 0) {
      failNext--;
      res.statusCode = 503;
      return res.end();
    }
    received.push({
      topic: String(req.headers["suyuan-topic"]),
      body,
      signature: String(req.headers["suyuan-signature"]),
    });
    res.statusCode = 204;
    res.end();
  });
  let farm: Auth;
  let buyer: Auth;
  let buyerId = "";
  let buyerSecret = "";

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    t = await createTestApp(engine);
    const f = await t.party({ kind: "farm", regionCode: "350121" });
    const b = await t.party({ kind: "wholesaler", regionCode: "350102" });
    buyerId = b.id;
    farm = (await t.key("enterprise", { partyId: f.id })).auth;
    buyer = (await t.key("enterprise", { partyId: b.id })).auth;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const hook = await t.app.inject({ method: "POST", url: "/v1/webhooks", headers: buyer, payload: { url } });
    expect(hook.statusCode).toBe(201);
    buyerSecret = hook.json().secret;
  });
  afterAll(async () => {
    await t.close();
    server.close();
  });

  it("tells the buyer of a new pending receipt with a signed notice, retrying after a failure", async () => {
    const p = await t.app.inject({
      method: "POST",
      url: "/v1/products",
      headers: farm,
      payload: { name: "油麦菜", unit: "kg", categoryCode: "vegetables/leafy" },
    });
    const lot = await t.app.inject({
      method: "POST",
      url: "/v1/lots",
      headers: farm,
      payload: { lots: [{ productId: p.json().id, productionDate: "2026-11-22", quantity: 10 }] },
    });
    const ship = await t.app.inject({
      method: "POST",
      url: "/v1/shipments",
      headers: farm,
      payload: { receiver: { partyId: buyerId }, lines: [{ traceCode: lot.json().items[0].traceCode, quantity: 4 }] },
    });
    expect(ship.statusCode).toBe(201);

    failNext = 1;
    expect(await deliverDueNotices(t.platform)).toBe(0);
    const pending = await t.store.db.selectFrom("outbox").selectAll().execute();
    expect(pending).toEqual([expect.objectContaining({ attempts: 1, lastError: "HTTP 503", deliveredAt: null })]);
    // Not due yet: backoff.
    expect(await deliverDueNotices(t.platform)).toBe(0);
    await t.store.db.updateTable("outbox").set({ nextAttemptAt: 0 }).execute();
    expect(await deliverDueNotices(t.platform)).toBe(1);

    expect(received).toHaveLength(1);
    const notice = received[0] as Received;
    expect(notice.topic).toBe("receipt.pending");
    expect(JSON.parse(notice.body)).toMatchObject({
      topic: "receipt.pending",
      partyId: buyerId,
      data: { voucherCode: ship.json().voucherCode },
    });
    expect(verifyWebhook(buyerSecret, notice.body, notice.signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhook("wrong-secret", notice.body, notice.signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifyWebhook(buyerSecret, `${notice.body} `, notice.signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(await deliverDueNotices(t.platform)).toBe(0);
  });

  it("refuses webhooks into private networks unless the operator allows them", async () => {
    const strict = { ...t.platform, settings: { ...t.platform.settings, webhookAllowPrivateNetworks: false } };
    const { registerWebhook } = await import("./register-webhook.ts");
    const { contextFor, cliOrigin } = await import("../service-context.ts");
    const ctx = contextFor(strict, { kind: "enterprise", keyId: "k", label: "k", partyId: buyerId }, cliOrigin);
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://10.1.2.3/x",
      "http://[::1]/x",
      "http://localhost/x",
      "http://192.168.1.1/x",
    ]) {
      await expect(registerWebhook(ctx, { url })).rejects.toMatchObject({
        code: "validation-failed",
        pointer: "/body/url",
      });
    }
    await expect(registerWebhook(ctx, { url: "https://erp.example.com/hooks" })).resolves.toMatchObject({
      url: "https://erp.example.com/hooks",
    });
  });
});
