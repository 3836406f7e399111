import { isOperator } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { isIsoDate } from "../../core/parties/validate-party.ts";
import { toMilli } from "../../core/quantity.ts";
import { findHolding } from "../../store/holding-store.ts";
import { findLotById } from "../../store/lot-store.ts";
import { insertRetainedSample, listRetainedSamples, type RetainedSample } from "../../store/sample-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Records a retained sample (留样) of a lot the party holds or coded: how much, where it is kept and until when.
 * The sample stays part of the party's stock record (it is not sold), so holdings are not changed.
 */
export async function retainSample(
  ctx: ServiceContext,
  lotId: string,
  input: { partyId?: string; quantity: number; keptAt: string; keptUntil: string },
): Promise<RetainedSample> {
  const partyId = actingPartyId(ctx, input.partyId);
  const q = toMilli(input.quantity);
  if (q === undefined)
    throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
      pointer: "/body/quantity",
    });
  if (!isIsoDate(input.keptUntil) || input.keptUntil < chinaDate(ctx.clock.now())) {
    throw new AppError("validation-failed", "keptUntil is a date (YYYY-MM-DD) not in the past", {
      pointer: "/body/keptUntil",
    });
  }
  return ctx.store.transaction(async (tx) => {
    const lot = await findLotById(tx, lotId);
    if (!lot) throw new AppError("not-found", `no lot with id ${lotId}`, { pointer: "/params/id" });
    if (lot.partyId !== partyId && (await findHolding(tx, lot.id, partyId)) === 0) {
      throw new AppError("forbidden", "a party retains samples of lots it coded or holds", { pointer: "/params/id" });
    }
    const sample: RetainedSample = {
      id: ctx.newId(),
      lotId,
      partyId,
      quantityMilli: q,
      unit: lot.unit,
      keptAt: input.keptAt.trim(),
      keptUntil: input.keptUntil,
      createdAt: ctx.clock.now(),
    };
    await insertRetainedSample(tx, sample);
    await recordAudit(tx, ctx, "lot.retain-sample", { type: "lot", id: lotId }, { sampleId: sample.id });
    return sample;
  });
}

/** Samples of a lot: for the parties that keep them, operators and regulators (who inspect them). */
export async function listSamples(ctx: ServiceContext, lotId: string): Promise<RetainedSample[]> {
  const all = await listRetainedSamples(ctx.store.db, lotId);
  const a = ctx.actor;
  if (isOperator(a) || a.kind === "regulator") return all;
  if (a.kind === "enterprise") return all.filter((s) => s.partyId === a.partyId);
  return [];
}
