import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, testPlatform } from "../../../test/factories.ts";
import type { Store } from "../../store/store.ts";
import { loadDemo } from "./load-demo.ts";

describe.each(engines)("the demo province on %s", (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(() => store.close());

  it("walks real flows once, conserving every quantity", async () => {
    const ctx = asActor(testPlatform(store));
    const first = await loadDemo(ctx);
    const again = await loadDemo(ctx);
    expect(again).toEqual(first);
    expect(first.lots.map((l) => l.product)).toEqual(["上海青", "闽江纯牛奶", "榕城酱菜"]);

    const sum = async (q: Promise<{ n: unknown }[]>) => Number((await q)[0]?.n ?? 0);
    const greens = first.lots[0]?.id as string;
    const held = await sum(
      store.db
        .selectFrom("holdings")
        .select((eb) => eb.fn.sum("quantityMilli").as("n"))
        .where("lotId", "=", greens)
        .execute(),
    );
    const pending = await sum(
      store.db
        .selectFrom("shipmentLines")
        .select((eb) => eb.fn.sum("quantityMilli").as("n"))
        .where("lotId", "=", greens)
        .where("state", "=", "pending")
        .execute(),
    );
    const short = 5_000; // the stall received 295 kg of 300
    const consumed = 200_000; // pickled
    expect(held + pending + short + consumed).toBe(2_000_000);

    const rejected = await store.db
      .selectFrom("shipmentLines")
      .select("reason")
      .where("state", "=", "rejected")
      .execute();
    expect(rejected.map((r) => r.reason)).toEqual(["叶片发黄，不符合验收标准"]);
    const inputs = await store.db.selectFrom("lotInputs").selectAll().execute();
    expect(inputs).toEqual([expect.objectContaining({ inputLotId: greens, outputLotId: first.lots[2]?.id })]);
  });
});
