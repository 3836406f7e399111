/**
 * The public pages in a real browser: Playwright (playwright-core) driving Debian's Chromium (package `chromium`,
 * binary /usr/bin/chromium, or CHROMIUM_PATH). Without the binary the suite is skipped with a message saying so.
 * Screenshots are kept in test-results/public-pages/.
 */
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PublicSeed, seedPublicChain } from "../public-seed.ts";
import { createTestApp, type TestApp } from "../test-app.ts";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  console.warn(
    `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}
const shots = join(process.cwd(), "test-results", "public-pages");
const axePath = join(process.cwd(), "node_modules", "axe-core", "axe.min.js");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!haveChromium)("public pages in Chromium", () => {
  let t: TestApp;
  let s: PublicSeed;
  let base = "";
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(path: string, locale = "zh-CN"): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
    page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
    await page.goto(`${base}${path}`);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const ledgerResult = async (page: Page) => {
    await page.waitForSelector("#ledger[data-result]", { timeout: 20_000 });
    return page.getAttribute("#ledger", "data-result");
  };

  /** axe-core in the page: WCAG 2.1 A and AA rules (labels, contrast, lang …) must all pass. */
  async function accessibilityViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      return axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp("sqlite", { publicBaseUrl: base, app: { complaintMinFillMs: 1_000 } });
    s = await seedPublicChain(t);
    await t.app.listen({ port, host: "127.0.0.1" });
    // launch() gives Chromium a fresh temporary user-data-dir of its own each time (and removes it on close).
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  const lotPath = () => new URL(s.lot.traceCode).pathname;

  it("renders a seeded lot in Chinese, verifies its ledger receipt in the browser and passes axe", async () => {
    const page = await open(lotPath());
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.textContent("h1")).toContain("上海青");
    await expect.poll(() => page.locator("#chain li").count()).toBe(5);
    expect(await ledgerResult(page)).toBe("verified");
    expect(await page.textContent("#ledger-status")).toContain("已存证");
    // claim, commitment, signature, witnesses, inclusion, and the lot number on the page.
    expect(await page.locator("#ledger-checks li.ok").count()).toBe(6);
    await shot(page, "lot-zh");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("renders the same lot in English", async () => {
    const page = await open(`${lotPath()}?lang=en`, "en-US");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#chain-title")).toBe("Chain of custody");
    expect(await ledgerResult(page)).toBe("verified");
    expect(await page.textContent("#ledger-status")).toContain("Recorded in the ledger");
    await shot(page, "lot-en");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the recall banner on a recalled lot", async () => {
    const page = await open(new URL(s.recalled.traceCode).pathname);
    const banner = page.locator("#recall[role=alert]");
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("检出农药残留超标");
    await shot(page, "lot-recalled");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows a visible failure when the receipt or the record was tampered with", async () => {
    for (const [what, pattern, tamper] of [
      [
        "receipt",
        "**/v1/ledger/receipts/**",
        (body: Record<string, unknown>) => {
          const lines = String(body.receipt).split("\n");
          const i = lines.findIndex((l, n) => n > 2 && /^[A-Za-z0-9+/]{43}=$/.test(l));
          lines[i] = `${lines[i]?.startsWith("A") ? "B" : "A"}${lines[i]?.slice(1)}`;
          return { ...body, receipt: lines.join("\n") };
        },
      ],
      ["record", "**/v1/ledger/records/**", (body: Record<string, unknown>) => ({ ...body, lotCode: "ABC124" })],
    ] as const) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
      contexts.push(context);
      await context.route(pattern, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, json: tamper(await res.json()) });
      });
      const page = await context.newPage();
      await page.goto(`${base}${lotPath()}`);
      expect(await ledgerResult(page), what).toBe("failed");
      expect(await page.textContent("#ledger-status")).toContain("存证核验失败");
      expect(await page.locator("#ledger-checks li.fail").count()).toBeGreaterThan(0);
      expect(await page.locator("#ledger-status.fail").isVisible()).toBe(true);
      await shot(page, `lot-tampered-${what}`);
    }
  });

  it("lets the printable receipt page verify itself, and fail visibly for a changed record", async () => {
    const receiptPage = `/v1/ledger/receipts/lot/${s.lot.id}/page`;
    const page = await open(receiptPage);
    await page.waitForSelector("#browser-check[data-result]", { timeout: 20_000 });
    expect(await page.getAttribute("#browser-check", "data-result")).toBe("verified");
    expect(await page.locator("#browser-check-list li.ok").count()).toBe(5);
    await shot(page, "receipt-page");

    const context = await browser.newContext({ locale: "zh-CN" });
    contexts.push(context);
    await context.route("**/v1/ledger/records/**", async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), lotCode: "ABC124" } });
    });
    const tampered = await context.newPage();
    await tampered.goto(`${base}${receiptPage}`);
    await tampered.waitForSelector("#browser-check[data-result]", { timeout: 20_000 });
    expect(await tampered.getAttribute("#browser-check", "data-result")).toBe("failed");
    expect(await tampered.locator("#browser-check-list li.fail").allTextContents()).toEqual([
      expect.stringContaining("记录内容与凭证承诺一致"),
    ]);
  });

  it("submits a complaint that reaches the regulator of the region", async () => {
    const page = await open(lotPath());
    await page.selectOption("#c-category", "expired");
    await page.fill("#c-description", "超市货架上在售已过期的上海青，包装有异味");
    await page.fill("#c-phone", "13800138000");
    await page.waitForTimeout(1_100);
    await page.click("#complaint button[type=submit]");
    await page.waitForSelector("#complaint-outcome");
    expect(await page.textContent("h1")).toBe("投诉已提交");
    expect(await page.textContent("#complaint-outcome")).toContain("台江区");
    await shot(page, "complaint-submitted");
    expect(await accessibilityViolations(page)).toEqual([]);
    const regulator = await t.key("regulator", { regionCode: "350103" });
    const list = await t.app.inject({ url: "/v1/complaints", headers: regulator.auth });
    expect(list.json().items).toMatchObject([{ targetId: s.lot.id, category: "expired", contactPhone: "13800138000" }]);
  });

  it("shows the party page and a helpful not-found page, both accessible", async () => {
    const party = await open(`/414/${s.gln}`);
    expect(await party.textContent("h1")).toBe("闽侯绿野蔬菜合作社");
    await shot(party, "party");
    expect(await accessibilityViolations(party)).toEqual([]);
    const missing = await open(`/01/${s.gtin}/10/NOPE42`);
    expect(await missing.textContent("h1")).toBe("未找到该码的记录");
    await shot(missing, "not-found");
    expect(await accessibilityViolations(missing)).toEqual([]);
  });

  it("decodes a QR code from a photo with zxing-wasm and opens the lot's page", async () => {
    const png = await t.app.inject({
      url: `/v1/barcodes/qr?format=png&scale=6&data=${encodeURIComponent(s.lot.traceCode)}`,
    });
    expect(png.statusCode, png.body).toBe(200);
    const page = await open("/scan");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setInputFiles("#photo", { name: "qr.png", mimeType: "image/png", buffer: png.rawPayload });
    await page.waitForURL(`**${lotPath()}`, { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`${e.message}; the page says: ${await page.textContent("#result")}`);
    });
    expect(await page.textContent("h1")).toContain("上海青");
    await shot(page, "scanner-opened-lot");
  });

  it("lets an enterprise receive a scanned voucher with its key", async () => {
    const ship = await t.app.inject({
      method: "POST",
      url: "/v1/shipments",
      headers: s.key.wholesaler,
      payload: { receiver: { partyId: s.id.retailer }, lines: [{ traceCode: s.lot.traceCode, quantity: 50 }] },
    });
    expect(ship.statusCode, ship.body).toBe(201);
    const page = await open("/scan");
    await page.fill("#apikey", s.key.retailer.authorization.replace(/^Bearer /, ""));
    await page.fill("#code", ship.json().voucherUrl);
    await page.click("#manual button[type=submit]");
    await page.click("#receive");
    await page.waitForSelector("#receive-result[data-result]");
    expect(await page.getAttribute("#receive-result", "data-result")).toBe("received");
    await shot(page, "scanner-received-voucher");
  });
});
