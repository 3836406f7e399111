import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import type { TraceScope } from "../../core/trace/trace-access.ts";
import { findLotById } from "../../store/lot-store.ts";
import { findShipmentByVoucher } from "../../store/shipment-store.ts";
import { holdingExists } from "../../store/trace-store.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";

/** What a trace is asked from: any form of trace code, a voucher code, or a lot id; with a party for a holding. */
export interface TraceQuery {
  readonly code?: string;
  readonly lotId?: string;
  readonly partyId?: string;
}

export type TraceStart =
  | { readonly kind: "holding"; readonly lot: Lot; readonly partyId: string }
  | { readonly kind: "voucher"; readonly shipment: Shipment };

/** A voucher's own code, bare or as its URL (…/v/{CODE}), as the voucher's QR carries it. */
const voucherPattern = /(?:^|\/v\/)([0-9A-Z]{16,20})\/?$/;

/**
 * Resolves the start of a trace and checks the caller may trace from it: an enterprise only from its own holding
 * (a lot it made, holds or held) or a voucher it shipped or received.
 */
export async function resolveTraceStart(ctx: ServiceContext, q: TraceQuery, scope: TraceScope): Promise<TraceStart> {
  const db = ctx.store.db;
  let lot: Lot | undefined;
  if (q.lotId) {
    lot = await findLotById(db, q.lotId);
    if (!lot) throw new AppError("not-found", `no lot with id ${q.lotId}`, { pointer: "/query/lotId" });
  } else if (q.code) {
    const m = voucherPattern.exec(q.code.trim());
    const shipment = m ? await findShipmentByVoucher(db, m[1] as string) : undefined;
    if (shipment) {
      if (
        scope.kind === "own" &&
        shipment.shipperPartyId !== scope.partyId &&
        !(shipment.receiver.kind === "party" && shipment.receiver.partyId === scope.partyId)
      ) {
        throw new AppError("forbidden", "an enterprise traces only vouchers it shipped or received", {
          pointer: "/query/code",
        });
      }
      return { kind: "voucher", shipment };
    }
    lot = await resolveTraceCode(db, ctx, q.code, "/query/code");
  } else {
    throw new AppError("validation-failed", "give a trace code, a voucher code or a lot id", {
      pointer: "/query/code",
    });
  }

  if (scope.kind === "all") return { kind: "holding", lot, partyId: q.partyId ?? lot.partyId };
  if (q.partyId && q.partyId !== scope.partyId)
    throw new AppError("forbidden", "an enterprise traces from its own holdings only", { pointer: "/query/partyId" });
  if (lot.partyId !== scope.partyId && !(await holdingExists(db, lot.id, scope.partyId))) {
    throw new AppError("forbidden", "an enterprise traces only lots it made, holds or held", {
      pointer: q.lotId ? "/query/lotId" : "/query/code",
    });
  }
  return { kind: "holding", lot, partyId: scope.partyId };
}
