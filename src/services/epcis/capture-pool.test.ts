import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchDocument } from "../../../bench/epcis-capture.bench.ts";
import { EPCIS_CONFORMANCE_DIR, walk } from "../../../test/conformance/epcis-hash-vectors.ts";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, testPlatform } from "../../../test/factories.ts";
import { isAppError } from "../../core/errors.ts";
import type { Store } from "../../store/store.ts";
import { auditLedger } from "../ledger/audit-ledger.ts";
import { integrateAll } from "../ledger/integrate-ledger.ts";
import { captureDocument } from "./capture-events.ts";
import { CapturePool } from "./capture-pool.ts";
import { checkCapture } from "./check-capture.ts";

const examples = walk(join(EPCIS_CONFORMANCE_DIR, "gs1-epcis", "JSON")).filter((f) => f.endsWith(".jsonld"));

describe("the capture pool", () => {
  let pool: CapturePool;
  beforeAll(() => {
    pool = new CapturePool(2);
  });
  afterAll(() => pool.close());

  it("checks and prepares every GS1 example exactly as the request thread does", async () => {
    const docs = examples.map((f) => JSON.parse(readFileSync(f, "utf8")) as unknown);
    const inPool = await Promise.all(docs.map((d) => pool.check(d, "/body")));
    expect(inPool).toEqual(docs.map((d) => checkCapture(d, "/body")));
    expect(inPool.every((r) => r.ok)).toBe(true);
  });

  it("reports a bad document's errors with their pointers, as the request thread does", async () => {
    const doc = JSON.parse(benchDocument(0)) as { epcisBody: { eventList: Record<string, unknown>[] } };
    (doc.epcisBody.eventList[3] as Record<string, unknown>).eventTime = "yesterday";
    (doc.epcisBody.eventList[7] as Record<string, unknown>).type = "PartyEvent";
    const result = await pool.check(doc, "/body");
    expect(result.ok).toBe(false);
    expect(result).toEqual(checkCapture(doc, "/body"));
    if (!result.ok) expect(result.errors.map((e) => e.pointer).join(" ")).toMatch(/eventList\/3.*eventList\/7/s);
  });
});

describe.each(engines)("capture through the pool on %s", (engine) => {
  let store: Store;
  let pool: CapturePool;
  beforeAll(async () => {
    store = await openTestStore(engine);
    pool = new CapturePool(1);
  });
  afterAll(async () => {
    await pool.close();
    await store.close();
  });

  it("stores documents sent together, each whole, and refuses a bad one whole", async () => {
    const ctx = { ...asActor(testPlatform(store)), capturePool: pool };
    const bad = JSON.parse(benchDocument(2)) as { epcisBody: { eventList: Record<string, unknown>[] } };
    (bad.epcisBody.eventList[999] as Record<string, unknown>).eventTime = "not a time";
    const [a, b, refused] = await Promise.allSettled([
      captureDocument(ctx, JSON.parse(benchDocument(0))),
      captureDocument(ctx, JSON.parse(benchDocument(1))),
      captureDocument(ctx, bad),
    ]);
    expect(a.status === "fulfilled" && a.value.storedIds.length).toBe(1000);
    expect(b.status === "fulfilled" && b.value.storedIds.length).toBe(1000);
    expect(refused.status === "rejected" && isAppError(refused.reason) && refused.reason.code).toBe("epcis-validation");
    const stored = await store.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2000);
    // The same document again changes nothing (idempotent capture), pool or not.
    const again = await captureDocument(ctx, JSON.parse(benchDocument(0)));
    expect(again.storedIds).toEqual([]);
    // The ledger entries sealed in the pool commit to the rows as stored: the audit recomputes every one.
    await integrateAll(ctx);
    const audit = await auditLedger(ctx);
    expect(audit.records).toBeGreaterThanOrEqual(2000);
    expect(audit.problems).toEqual([]);
    expect(audit.intact).toBe(true);
  });
});
