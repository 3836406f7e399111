import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { listExpiryNotices } from "../../store/expiry-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** A holder's near-expiry and expiry notices (临期预警 inbox), newest first: its own, or any party's for operators. */
export async function listExpiryNoticesFor(
  ctx: ServiceContext,
  q: { partyId?: string; before?: string; limit?: number },
) {
  const a = ctx.actor;
  const id = a.kind === "enterprise" ? a.partyId : isOperator(a) ? q.partyId : undefined;
  if (!id)
    throw new AppError("forbidden", "notices belong to an enterprise (operators name the party)", {
      pointer: "/query/partyId",
    });
  if (a.kind === "enterprise" && q.partyId !== undefined && q.partyId !== a.partyId)
    throw new AppError("forbidden", "an enterprise reads its own notices", { pointer: "/query/partyId" });
  return listExpiryNotices(ctx.store.db, id, q.before, q.limit ?? 100);
}
