import { describe, expect, it } from "vitest";
import { emptyStats } from "../trace/holding-stats.ts";
import type { Trace } from "../trace/trace-model.ts";
import { type RecallTask, recallProgress, recallScope } from "./recall.ts";

const task = (
  partyId: string,
  lotId: string,
  held: number,
  inTransit: number,
  returned = 0,
  destroyed = 0,
): RecallTask => ({
  id: `${partyId}-${lotId}`,
  recallId: "r",
  partyId,
  lotId,
  heldMilli: held,
  inTransitMilli: inTransit,
  returnedMilli: returned,
  destroyedMilli: destroyed,
  acknowledgedAt: null,
  stopSaleAt: null,
  createdAt: 0,
});

describe("recallScope", () => {
  it("gives a task to every holder with stock and every buyer with goods in transit, not to emptied holders", () => {
    const holding = (lotId: string, partyId: string, held: number) => ({
      key: `${lotId}@${partyId}`,
      lotId,
      partyId,
      depth: 0,
      origin: null,
      stats: { ...emptyStats, held },
    });
    const hop = (to: string, state: string, shipped: number) => ({
      shipmentId: `s-${to}-${state}`,
      voucherCode: "V",
      lineNo: 1,
      lotId: "L",
      fromPartyId: "w",
      to: { kind: "party" as const, partyId: to },
      shippedAt: 0,
      settledAt: null,
      state,
      shipped,
      received: null,
      reason: null,
    });
    const t = {
      lots: [{ id: "L" }, { id: "M" }],
      holdings: [holding("L", "w", 5), holding("L", "empty", 0), holding("M", "p", 7)],
      shipments: [hop("shop", "pending", 3), hop("canteen", "rejected", 9)],
    } as unknown as Trace;
    expect(recallScope(t)).toEqual({
      lotIds: ["L", "M"],
      tasks: [
        { partyId: "shop", lotId: "L", heldMilli: 0, inTransitMilli: 3 },
        { partyId: "w", lotId: "L", heldMilli: 5, inTransitMilli: 0 },
        { partyId: "p", lotId: "M", heldMilli: 7, inTransitMilli: 0 },
      ],
    });
  });
});

describe("recallProgress", () => {
  it("counts recovered against distributed outside each lot's producer, so goods sent back count once", () => {
    const tasks = [task("farm", "L", 400, 0, 0, 550), task("w1", "L", 130, 0, 150), task("shop", "L", 160, 20, 20)];
    expect(recallProgress(tasks, () => "farm")).toMatchObject({
      distributedMilli: 310,
      recoveredMilli: 170,
      holders: 3,
    });
  });
});
