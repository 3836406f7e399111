import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { adjustHolding, insertMovement } from "../../store/holding-store.ts";
import { findLotById, lotHasMoved, markLotRevoked } from "../../store/lot-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { putStock } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { declareEventError } from "./declare-event-error.ts";

/**
 * Revokes a mistaken coding while nothing has happened to the lot yet: its stock leaves the coder's holding, the
 * inputs of a transformation return, the coding event is declared erroneous, and the trace code can no longer be
 * shipped or sold. After the lot has moved it is refused: what happened downstream stays on record.
 */
export async function revokeLot(ctx: ServiceContext, id: string, reason: string): Promise<Lot> {
  const why = reason.trim();
  if (!why) throw new AppError("validation-failed", "say why the coding is revoked", { pointer: "/body/reason" });
  return ctx.store.transaction(async (tx) => {
    const lot = await findLotById(tx, id);
    if (!lot) throw new AppError("not-found", `no lot with id ${id}`, { pointer: "/params/id" });
    const a = ctx.actor;
    if (!(isOperator(a) || (a.kind === "enterprise" && a.partyId === lot.partyId))) {
      throw new AppError("forbidden", "only the party that coded the lot revokes it", { pointer: "/params/id" });
    }
    if (lot.revokedAt !== null) throw new AppError("cannot-revoke", "this lot's coding is already revoked");
    if (await lotHasMoved(tx, lot.id)) {
      throw new AppError(
        "cannot-revoke",
        "the lot has been shipped, used or sold since it was coded; record a loss or destruction instead",
        { pointer: "/params/id" },
      );
    }
    const at = ctx.clock.now();
    if ((await adjustHolding(tx, lot.id, lot.partyId, -lot.quantityMilli, at)) === undefined) {
      throw new AppError("cannot-revoke", "the lot's stock has changed since it was coded", { pointer: "/params/id" });
    }
    await insertMovement(tx, {
      id: ctx.newId(),
      lotId: lot.id,
      partyId: lot.partyId,
      kind: "coding-revoked",
      deltaMilli: -lot.quantityMilli,
      shipmentId: null,
      eventId: lot.eventId,
      at,
    });
    const inputs = await tx.selectFrom("lotInputs").selectAll().where("outputLotId", "=", lot.id).execute();
    for (const i of inputs) {
      await putStock(tx, ctx, {
        lotId: i.inputLotId,
        partyId: lot.partyId,
        quantityMilli: Number(i.quantityMilli),
        kind: "input-returned",
        shipmentId: null,
        eventId: lot.eventId,
      });
    }
    await declareEventError(tx, ctx, lot.eventId, why);
    await markLotRevoked(tx, lot.id, at, why);
    await recordAudit(
      tx,
      ctx,
      "lot.revoke",
      { type: "lot", id: lot.id },
      { reason: why, supersedesEvent: lot.eventId },
    );
    return (await findLotById(tx, lot.id)) as Lot;
  });
}
