import { AppError } from "../../core/errors.ts";
import { toMilli } from "../../core/quantity.ts";
import { findPartyById } from "../../store/party-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { recordEndOfChain } from "../events/platform-events.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import { assertNotRecalled, creditRecovery } from "../recalls/recall-guard.ts";
import type { ServiceContext } from "../service-context.ts";
import { takeStock } from "./take-stock.ts";

export const endOfChainKinds = ["retail_sale", "kitchen_use", "loss", "destruction"] as const;
export type EndOfChainKind = (typeof endOfChainKinds)[number];

/**
 * The end of a lot's chain at a holder: sold to consumers, used in a kitchen, lost, destroyed. Each reduces the
 * holding. Expired goods may not be sold or used (过期阻断) but may — must — be written off or destroyed.
 */
export async function recordEndOfChainUse(
  ctx: ServiceContext,
  input: { partyId?: string; kind: EndOfChainKind; traceCode: string; quantity: number; reason?: string },
): Promise<{ eventId: string }> {
  const partyId = actingPartyId(ctx, input.partyId);
  const q = toMilli(input.quantity);
  if (q === undefined)
    throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
      pointer: "/body/quantity",
    });
  return ctx.store.transaction(async (tx) => {
    const party = await findPartyById(tx, partyId);
    if (!party) throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    const lot = await resolveTraceCode(tx, ctx, input.traceCode, "/body/traceCode");
    const writeOff = input.kind === "loss" || input.kind === "destruction";
    // A recalled lot may not be sold or used; destroying it (or writing off a loss) is how a recall ends.
    if (!writeOff) await assertNotRecalled(tx, [{ lot, pointer: "/body/traceCode" }], "sold or used");
    const eventId = await recordEndOfChain(tx, ctx, {
      party,
      kind: input.kind,
      lot,
      quantityMilli: q,
      reason: input.reason ?? null,
    });
    await takeStock(
      tx,
      ctx,
      { lot, partyId, quantityMilli: q, kind: input.kind, shipmentId: null, eventId, allowExpired: writeOff },
      "/body/quantity",
    );
    if (input.kind === "destruction") await creditRecovery(tx, { lotId: lot.id, partyId, kind: "destroyed", milli: q });
    await recordAudit(tx, ctx, `stock.${input.kind}`, { type: "lot", id: lot.id }, { partyId, quantityMilli: q });
    return { eventId };
  });
}
