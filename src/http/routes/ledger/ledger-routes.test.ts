/** The receipt page (上链凭证), the log's policy and the browser verifier over HTTP. */
import { afterEach, describe, expect, it } from "vitest";
import { engines } from "../../../../test/engines.ts";
import { createTestApp, type TestApp } from "../../../../test/test-app.ts";
import { integrateAll } from "../../../services/ledger/integrate-ledger.ts";
import { verifyReceipt } from "../../../web/assets/verify-receipt.js";

describe.each(engines)("ledger pages on %s", (engine) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function logged() {
    t = await createTestApp(engine);
    const party = await t.party();
    await integrateAll(t.platform);
    const receipt = (await t.app.inject({ method: "GET", url: `/v1/ledger/receipts/party/${party.id}` })).json();
    return { party, receipt };
  }

  it("prints the receipt: 存证编号, 上链时间, tree size, leaf hash, the record and a QR code of its URL", async () => {
    const { party, receipt } = await logged();
    const res = await t.app.inject({ method: "GET", url: `/v1/ledger/receipts/party/${party.id}/page` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-language"]).toBe("zh-CN");
    const html = res.body;
    for (const text of ["上链凭证", "存证编号", "上链时间", "日志树大小", "叶子哈希", "尚无见证方联署", "主体"])
      expect(html).toContain(text);
    expect(html).toContain(`${t.platform.ledger.origin}#${receipt.index}`);
    expect(html).toContain(receipt.leafHash);
    expect(html).toContain(`<td>${receipt.treeSize}</td>`);
    expect(html).toContain(`https://trace.test/v1/ledger/receipts/party/${party.id}`);
    expect(html).toMatch(/<svg[^>]*>/);
    expect(html).toContain("@media print");
    // Nothing from elsewhere: its one script is the platform's own check of the receipt in the browser.
    expect(html).not.toMatch(/<link|src="http/);
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(["/assets/receipt-page.js"]);
  });

  it("speaks English on ?lang=en or Accept-Language: en", async () => {
    const { party } = await logged();
    const url = `/v1/ledger/receipts/party/${party.id}/page`;
    const q = await t.app.inject({ method: "GET", url: `${url}?lang=en` });
    const h = await t.app.inject({ method: "GET", url, headers: { "accept-language": "en-GB,en;q=0.8" } });
    for (const res of [q, h]) {
      expect(res.headers["content-language"]).toBe("en");
      expect(res.body).toContain("Evidence number");
      expect(res.body).not.toContain("存证编号");
    }
  });

  it("answers not-found for a record that is not there, and not-yet-logged before integration", async () => {
    t = await createTestApp(engine);
    const missing = await t.app.inject({ method: "GET", url: "/v1/ledger/receipts/lot/nope/page" });
    expect(missing.statusCode).toBe(404);
    const party = await t.party();
    const early = await t.app.inject({ method: "GET", url: `/v1/ledger/receipts/party/${party.id}/page` });
    expect(early.json()).toMatchObject({ status: 409, type: "/problems/not-yet-logged" });
  });

  it("serves the browser verifier, which accepts the served receipt under the served policy", async () => {
    const { party } = await logged();
    const js = await t.app.inject({ method: "GET", url: "/assets/verify-ledger-receipt.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.body).toContain("export async function verifyReceipt");
    const policy = (await t.app.inject({ method: "GET", url: "/log/policy" })).body;
    expect(policy).toBe(`log ${t.platform.ledger.signer.verifierKey}\nquorum none\n`);
    const text = (
      await t.app.inject({
        method: "GET",
        url: `/v1/ledger/receipts/party/${party.id}`,
        headers: { accept: "text/plain" },
      })
    ).body;
    const record = (await t.app.inject({ method: "GET", url: `/v1/ledger/records/party/${party.id}` })).json();
    const result = await verifyReceipt(text, policy, record);
    expect(result).toMatchObject({ ok: true, kind: "party", ref: party.id, recordChecked: true });
  });
});
