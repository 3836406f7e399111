import { describe, expect, it } from "vitest";
import { findCycles } from "./cycles.ts";
import { holdingStats } from "./holding-stats.ts";
import { publicTimeline } from "./public-timeline.ts";
import { reachableHolders } from "./reach.ts";
import { holdingKey, type Trace } from "./trace-model.ts";
import { LevelWalk } from "./trace-walk.ts";

describe("findCycles", () => {
  it.each([
    [
      "a chain has none",
      [
        ["a", "b"],
        ["b", "c"],
      ],
      [],
    ],
    [
      "a diamond has none",
      [
        ["a", "b"],
        ["a", "c"],
        ["b", "d"],
        ["c", "d"],
      ],
      [],
    ],
    ["a self loop is one", [["a", "a"]], [["a"]]],
    [
      "a triangle is listed from its smallest node",
      [
        ["c", "a"],
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
      ],
      [["a", "b", "c"]],
    ],
    [
      "two separate cycles",
      [
        ["x", "y"],
        ["y", "x"],
        ["a", "b"],
        ["b", "a"],
        ["b", "x"],
      ],
      [
        ["a", "b"],
        ["x", "y"],
      ],
    ],
  ] as const)("%s", (_name, edges, cycles) => {
    expect(findCycles(edges.map(([from, to]) => ({ from, to })))).toEqual(cycles);
  });

  it("handles a chain of 100,000 nodes without overflowing the stack", () => {
    const edges = Array.from({ length: 100_000 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` }));
    edges.push({ from: "n100000", to: "n0" });
    expect(findCycles(edges)[0]).toHaveLength(100_001);
  });
});

describe("LevelWalk", () => {
  it("expands a node reached by two paths once, at its first depth, and ends at a cycle", () => {
    const graph: Record<string, string[]> = { a: ["b", "c"], b: ["d"], c: ["d"], d: ["a"] };
    const walk = new LevelWalk<string>((s) => s, ["a"]);
    const levels: string[][] = [];
    for (let step = walk.current(); step; step = walk.current()) {
      levels.push([...step.frontier]);
      walk.advance(step.frontier.flatMap((x) => graph[x] ?? []));
    }
    expect(levels).toEqual([["a"], ["b", "c"], ["d"]]);
    expect(walk.depthOf("d")).toBe(2);
    expect(walk.truncated).toBe(false);
  });

  it("stops at its depth limit and says so", () => {
    const walk = new LevelWalk<number>(String, [0], 3);
    for (let step = walk.current(); step; step = walk.current()) walk.advance(step.frontier.map((x) => x + 1));
    expect(walk.depth).toBe(3);
    expect(walk.truncated).toBe(true);
  });
});

describe("holdingStats", () => {
  it("aggregates movements, holdings and shipments in transit per holding, outflows as positive", () => {
    const s = holdingStats(
      holdingKey,
      [
        { lotId: "L", partyId: "w", kind: "received", deltaMilli: 300_000 },
        { lotId: "L", partyId: "w", kind: "shipped", deltaMilli: -170_000 },
        { lotId: "L", partyId: "w", kind: "shipment-revoked", deltaMilli: 20_000 },
        { lotId: "L", partyId: "w", kind: "returned", deltaMilli: 50_000 },
        { lotId: "L", partyId: "w", kind: "retail_sale", deltaMilli: -10_000 },
        { lotId: "L", partyId: "w", kind: "destruction", deltaMilli: -5_000 },
        { lotId: "L", partyId: "w", kind: "something-new", deltaMilli: -1 },
      ],
      [{ lotId: "L", partyId: "w", quantityMilli: 185_000 }],
      [{ lotId: "L", fromPartyId: "w", shipped: 20_000 }],
    );
    expect(s.get(holdingKey("L", "w"))).toMatchObject({
      received: 300_000,
      shipped: 150_000,
      returned: 50_000,
      sold: 10_000,
      destroyed: 5_000,
      inTransit: 20_000,
      held: 185_000,
    });
  });
});

describe("reachableHolders", () => {
  it("follows received and pending lines from a holder, shortest distance first, not rejected ones", () => {
    const to = (partyId: string) => ({ kind: "party" as const, partyId });
    const lines = [
      { fromPartyId: "farm", to: to("w1"), state: "received" },
      { fromPartyId: "farm", to: to("w2"), state: "received" },
      { fromPartyId: "w1", to: to("shop"), state: "received" },
      { fromPartyId: "w2", to: to("shop"), state: "pending" },
      { fromPartyId: "w2", to: to("canteen"), state: "rejected" },
      { fromPartyId: "shop", to: { kind: "consumers" as const }, state: "received" },
    ];
    expect(Object.fromEntries(reachableHolders(lines, "w2"))).toEqual({ w2: 0, shop: 1 });
    expect(reachableHolders(lines, "farm").get("shop")).toBe(2);
  });
});

describe("publicTimeline", () => {
  it("keeps who, where and when, and drops quantities, vouchers, pending hops and private papers", () => {
    const t: Trace = {
      direction: "backward",
      start: [],
      lots: [
        {
          id: "L",
          productId: "p",
          producerPartyId: "farm",
          lotCode: "A1",
          traceKey: "t/X",
          productionDate: "2026-11-01",
          expiryDate: null,
          quantity: 1_000_000,
          unit: "kg",
          originRegion: "350121",
          originPlace: "南屿镇",
          entry: "coded",
          entryDetails: null,
          createdAt: 1,
          revoked: false,
        },
      ],
      parties: [
        { id: "farm", name: "绿源合作社", kind: "farm", regionCode: "350121", creditCode: null },
        { id: "shop", name: "三保菜市场", kind: "retailer", regionCode: "350103", creditCode: null },
      ],
      holdings: [],
      shipments: [
        {
          shipmentId: "s1",
          voucherCode: "V1",
          lineNo: 1,
          lotId: "L",
          fromPartyId: "farm",
          to: { kind: "party", partyId: "shop" },
          shippedAt: 2,
          settledAt: 3,
          state: "received",
          shipped: 100_000,
          received: 99_000,
          reason: null,
        },
        {
          shipmentId: "s2",
          voucherCode: "V2",
          lineNo: 1,
          lotId: "L",
          fromPartyId: "farm",
          to: { kind: "party", partyId: "shop" },
          shippedAt: 4,
          settledAt: null,
          state: "pending",
          shipped: 5_000,
          received: null,
          reason: null,
        },
      ],
      transformations: [],
      documents: [
        {
          id: "d1",
          kind: "quick_test",
          title: "快检合格",
          issuedOn: null,
          issuer: null,
          public: true,
          ownerPartyId: "farm",
          target: { type: "lot", id: "L" },
        },
        {
          id: "d2",
          kind: "other",
          title: "内部",
          issuedOn: null,
          issuer: null,
          public: false,
          ownerPartyId: "farm",
          target: { type: "lot", id: "L" },
        },
      ],
      cycles: [],
      depth: 1,
      truncated: false,
    };
    const p = publicTimeline(t);
    expect(p.steps.map((s) => [s.kind, s.partyName, s.toPartyName])).toEqual([
      ["coded", "绿源合作社", null],
      ["shipped", "绿源合作社", "三保菜市场"],
      ["received", "三保菜市场", null],
    ]);
    expect(JSON.stringify(p)).not.toMatch(/V1|V2|99|100000|quantity/);
    expect(p.documents).toEqual([{ id: "d1", kind: "quick_test", title: "快检合格" }]);
  });
});
