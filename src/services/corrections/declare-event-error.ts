import { actorRef } from "../../core/auth/actor.ts";
import { errorDeclaration } from "../../core/epcis/platform/error-declaration.ts";
import { findEvent, insertErrorDeclaration } from "../../store/event-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/** Declares the EPCIS event of a revoked record erroneous (did_not_occur), inside the revocation's transaction. */
export async function declareEventError(tx: Db, ctx: ServiceContext, eventId: string, note: string): Promise<void> {
  const original = await findEvent(tx, eventId);
  if (!original) return;
  const at = ctx.clock.now();
  const declaration = errorDeclaration(original, { at, reason: "did_not_occur" });
  await insertErrorDeclaration(tx, {
    eventId,
    declaredAt: at,
    reason: "did_not_occur",
    note,
    declaredBy: actorRef(ctx.actor),
    declaration,
  });
}
