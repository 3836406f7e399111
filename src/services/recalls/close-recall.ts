import { actorRef } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion } from "../../core/ids/region-code.ts";
import type { Recall } from "../../core/recalls/recall.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findRecallById, closeRecall as storeClose } from "../../store/recall-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Closes a recall: a regulator of the producer's region judges it complete (食品召回管理办法 第二十三条: the
 * regulator evaluates the producer's recall report). From then on the lots move again (what is left of them).
 * No EPCIS event: closing changes no goods; the audit row records it.
 */
export async function closeRecall(ctx: ServiceContext, id: string, note: string | undefined): Promise<Recall> {
  const a = ctx.actor;
  if (a.kind !== "regulator") throw new AppError("forbidden", "only a regulator closes a recall");
  return ctx.store.transaction(async (tx) => {
    const r = await findRecallById(tx, id);
    if (!r) throw new AppError("not-found", `no recall with id ${id}`, { pointer: "/params/id" });
    const producer = await findPartyById(tx, r.producerPartyId);
    if (!producer || !isWithinRegion(a.regionCode, producer.regionCode))
      throw new AppError("forbidden", "a regulator closes recalls of producers in its region", {
        pointer: "/params/id",
      });
    const at = ctx.clock.now();
    if (!(await storeClose(tx, id, { at, by: actorRef(a), note: note?.trim() || null })))
      throw new AppError("recall-closed", `recall ${id} is already closed`, { pointer: "/params/id" });
    await recordAudit(tx, ctx, "recall.close", { type: "recall", id }, { note: note?.trim() || null });
    return (await findRecallById(tx, id)) as Recall;
  });
}
