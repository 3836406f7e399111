/**
 * Receipt verification in a browser (issue "Tamper evidence": ≤ 50 ms in the browser): the platform's one browser
 * verifier (src/web/assets/verify-receipt.js, as the consumer and receipt pages load it) checking the ledger bench's
 * receipt — 3 Ed25519 signatures (the log and 2 of 3 witnesses), a 20-hash inclusion proof, the record's commitment
 * — inside Debian's Chromium driven by Playwright. Baseline in the same page: one Ed25519 verify on crypto.subtle.
 * The page and the module are served by Playwright's request routing: no server, nothing from the network.
 * (In quick mode it measures a few samples only: the CI smoke run checks that it works, not how fast.)
 * Without Chromium (/usr/bin/chromium or CHROMIUM_PATH) it says so and measures nothing.
 */
import type { webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { chromiumPath, haveChromium, launchChromium } from "../test/chromium.ts";
import type { BenchRun } from "./harness.ts";
import { percentile } from "./harness.ts";
import { benchReceipt } from "./ledger-store-cases.ts";

/** Answered by Playwright, never the network; localhost is a secure context, where crypto.subtle exists. */
const ORIGIN = "http://localhost:9";

export const run: BenchRun = async (ctx) => {
  if (!haveChromium) {
    console.log(`receipt-browser: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return [];
  }
  const samples = ctx.quick ? 50 : 1_000;
  const verifier = readFileSync(new URL("../src/web/assets/verify-receipt.js", import.meta.url), "utf8");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/assets/verify-receipt.js")
        return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: verifier });
      return route.fulfill({ contentType: "text/html; charset=utf-8", body: "<!doctype html><title>bench</title>" });
    });
    await page.goto(`${ORIGIN}/`);
    const arg: { receipt: string; policyText: string; record: unknown; samples: number } = {
      ...benchReceipt(),
      samples,
    };
    const out = await page.evaluate(async ({ receipt, policyText, record, samples }) => {
      const { verifyReceipt } = await import("/assets/verify-receipt.js" as string);
      const first = await verifyReceipt(receipt, policyText, record);
      if (!first.ok) return { error: String(first.error), verify: [], ed25519: [] };
      // The baseline: one Ed25519 verify of a fresh signature, key import included as the verifier does it.
      const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
        "sign",
        "verify",
      ])) as webcrypto.CryptoKeyPair;
      const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
      const message = new TextEncoder().encode("cosignature/v1\ntime 1790000000\n");
      const signature = await crypto.subtle.sign({ name: "Ed25519" }, pair.privateKey, message);
      const verify: number[] = [];
      const ed25519: number[] = [];
      for (let i = 0; i < samples; i++) {
        let t = performance.now();
        const r = await verifyReceipt(receipt, policyText, record);
        verify.push(performance.now() - t);
        if (!r.ok) return { error: String(r.error), verify, ed25519 };
        t = performance.now();
        const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
        await crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
        ed25519.push(performance.now() - t);
      }
      return { error: null, verify, ed25519 };
    }, arg);
    if (out.error) throw new Error(`the browser did not verify the bench receipt: ${out.error}`);
    const version = browser.version();
    const p99 = percentile(out.verify, 99);
    return [
      {
        name: `verify a receipt in Chromium ${version} (3 Ed25519 signatures, 20-hash proof, record), p99`,
        unit: "ms",
        value: p99,
        baselineName: "one Ed25519 verify in the same page, p99",
        baselineValue: percentile(out.ed25519, 99),
        target: "≤ 50 ms in the browser",
        met: p99 <= 50,
        notes: `p50 ${percentile(out.verify, 50).toFixed(2)} ms over ${samples} verifications; Ed25519 p50 ${percentile(out.ed25519, 50).toFixed(3)} ms`,
      },
    ];
  } finally {
    await browser.close();
  }
};
