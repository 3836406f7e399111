import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { isReceiptOverdue } from "../../core/shipments/overdue.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import { listPendingForReceiver } from "../../store/shipment-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** A buyer's pending receipts (待收货), oldest first, each marked overdue after 2 calendar days. */
export async function listInbox(
  ctx: ServiceContext,
  partyId: string | undefined,
): Promise<{ shipment: Shipment; overdue: boolean }[]> {
  const a = ctx.actor;
  const id = a.kind === "enterprise" ? a.partyId : isOperator(a) ? partyId : undefined;
  if (!id)
    throw new AppError("forbidden", "the inbox belongs to an enterprise (operators name the party)", {
      pointer: "/query/partyId",
    });
  if (a.kind === "enterprise" && partyId && partyId !== a.partyId)
    throw new AppError("forbidden", "an enterprise sees its own inbox only", { pointer: "/query/partyId" });
  const now = ctx.clock.now();
  return (await listPendingForReceiver(ctx.store.db, id, 500)).map((shipment) => ({
    shipment,
    overdue: isReceiptOverdue(shipment.shippedAt, now),
  }));
}
