import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { manualClock, partyInput, testPlatform } from "../../../test/factories.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { systemActor } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import type { Store } from "../../store/store.ts";
import { codeLots } from "../lots/code-lots.ts";
import { registerParty } from "../parties/register-party.ts";
import type { Platform } from "../platform.ts";
import { registerProduct } from "../products/register-product.ts";
import { cliOrigin, contextFor } from "../service-context.ts";
import { receiveShipment } from "../shipments/receive-shipment.ts";
import { shipGoods } from "../shipments/ship-goods.ts";
import { registerWebhook } from "../webhooks/register-webhook.ts";
import { listExpiryNoticesFor } from "./list-expiry-notices.ts";
import { listStock } from "./list-stock.ts";
import { warnNearExpiry } from "./warn-near-expiry.ts";

const day = 86_400_000;

describe.each(engines)("the daily expiry job on %s", (engine) => {
  let store: Store;
  let platform: Platform;
  const clock = manualClock();
  const ids = { maker: "", shop: "" };
  let milk = "";
  let rice = "";
  const as = (p: keyof typeof ids) =>
    contextFor(platform, { kind: "enterprise", keyId: "k", label: "t", partyId: ids[p] } as Actor, cliOrigin);
  const job = () => warnNearExpiry(contextFor(platform, systemActor("test"), cliOrigin));

  beforeAll(async () => {
    store = await openTestStore(engine);
    // Liquid milk is warned 3 days ahead; everything else by the 商务部 table.
    platform = {
      ...testPlatform(store, clock),
      settings: {
        ...testPlatform(store).settings,
        nearExpiry: { default: { kind: "table" }, byCategory: { dairy: { kind: "days", days: 3 } } },
      },
    };
    const op = contextFor(platform, systemActor("test"), cliOrigin);
    ids.maker = (await registerParty(op, partyInput({ kind: "producer", name: "闽乳乳业" }))).id;
    ids.shop = (await registerParty(op, partyInput({ kind: "retailer", name: "鼓楼便利店" }))).id;
    await registerWebhook(as("shop"), { url: "http://127.0.0.1:9/hooks" });
    const today = chinaDate(clock.now());
    const milkProduct = await registerProduct(as("maker"), {
      name: "纯牛奶",
      unit: "box",
      categoryCode: "dairy/liquid-milk",
      shelfLifeDays: 10,
    });
    const riceProduct = await registerProduct(as("maker"), {
      name: "大米",
      unit: "kg",
      categoryCode: "grain/rice",
      shelfLifeDays: 365,
    });
    [milk, rice] = (
      await codeLots(as("maker"), {
        lots: [
          { productId: milkProduct.id, productionDate: today, quantity: 100 },
          { productId: riceProduct.id, productionDate: today, quantity: 100 },
        ],
      })
    ).map((c) => c.traceCode) as [string, string];
    const shipped = await shipGoods(as("maker"), {
      receiver: { partyId: ids.shop },
      lines: [
        { traceCode: milk, quantity: 40 },
        { traceCode: rice, quantity: 10 },
      ],
    });
    await receiveShipment(as("shop"), { voucher: shipped.voucherUrl });
  });
  afterAll(() => store.close());

  it("warns nobody while every lot has time left", async () => {
    expect(await job()).toMatchObject({ nearExpiry: 0, expired: 0, notices: 0 });
    expect((await listStock(as("shop"), undefined)).map((s) => s.nearExpiry)).toEqual([false, false]);
  });

  it("warns each holder once per lot and rule, in the inbox and by webhook, by the category's rule", async () => {
    clock.advance(7 * day); // milk: good through day 9, 2 days left → within its 3-day window
    const run = await job();
    expect(run).toMatchObject({ nearExpiry: 2, expired: 0, notices: 2 });
    expect(await job()).toMatchObject({ nearExpiry: 2, notices: 0 });

    const notices = await listExpiryNoticesFor(as("shop"), {});
    expect(notices.map((n) => [n.rule, n.daysLeft, n.quantityMilli])).toEqual([["days:3", 2, 40_000]]);
    expect(await listExpiryNoticesFor(as("maker"), {})).toHaveLength(1);
    await expect(listExpiryNoticesFor(as("shop"), { partyId: ids.maker })).rejects.toMatchObject({ code: "forbidden" });

    const outbox = await store.db.selectFrom("outbox").select(["topic", "payloadJson"]).execute();
    const near = outbox.filter((o) => o.topic === "lot.near-expiry");
    expect(near).toHaveLength(1);
    expect(JSON.parse(near[0]?.payloadJson as string).data.lots).toEqual([
      expect.objectContaining({ traceCode: milk, daysLeft: 2, quantity: 40, rule: "days:3" }),
    ]);
    const stock = await listStock(as("shop"), undefined);
    expect(stock.find((s) => s.traceCode === milk)).toMatchObject({ nearExpiry: true, expired: false, daysLeft: 2 });
    expect(stock.find((s) => s.traceCode === rice)).toMatchObject({ nearExpiry: false, daysLeft: 357 });
  });

  it("treats expired stock as expired: one notice, marked on every read, blocked from shipping", async () => {
    clock.advance(3 * day); // day 10: the milk expired yesterday
    expect(await job()).toMatchObject({ nearExpiry: 0, expired: 2, notices: 2 });
    expect(await job()).toMatchObject({ notices: 0 });
    expect((await listExpiryNoticesFor(as("shop"), {})).map((n) => n.rule)).toEqual(["expired", "days:3"]);
    expect((await listStock(as("shop"), undefined)).find((s) => s.traceCode === milk)).toMatchObject({
      expired: true,
      daysLeft: -1,
    });
    await expect(
      shipGoods(as("shop"), { receiver: { consumers: true }, lines: [{ traceCode: milk, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: "lot-expired" });
    const audit = await store.db.selectFrom("auditLog").select("action").where("action", "=", "expiry.warn").execute();
    expect(audit).toHaveLength(5);
  });
});
