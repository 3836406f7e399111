import { AppError } from "../../core/errors.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import type { Db } from "../../store/schema.ts";
import { findShipmentByVoucher, listPendingForReceiver } from "../../store/shipment-store.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * The voucher a buyer scanned: the voucher's own code (…/v/{CODE} or the bare code), or a trace code printed on
 * it — then the one pending voucher of this buyer that carries that lot (if there are several, the buyer is
 * asked to scan the voucher itself).
 */
export async function findVoucher(
  tx: Db,
  ctx: ServiceContext,
  scanned: string,
  receiverPartyId: string | null,
): Promise<Shipment> {
  const text = scanned.trim();
  const m = /(?:^|\/v\/)([0-9A-Z]{16,20})\/?$/.exec(text);
  if (m) {
    const byCode = await findShipmentByVoucher(tx, m[1] as string);
    if (byCode) return byCode;
  }
  if (receiverPartyId) {
    const lot = await resolveTraceCode(tx, ctx, text, "/body/voucher").catch(() => undefined);
    if (lot) {
      const pending = (await listPendingForReceiver(tx, receiverPartyId, 500)).filter((s) =>
        s.lines.some((l) => l.lotId === lot.id && l.state === "pending"),
      );
      if (pending.length === 1) return pending[0] as Shipment;
      if (pending.length > 1) {
        throw new AppError(
          "validation-failed",
          `${pending.length} pending vouchers carry this lot: scan the voucher's own code`,
          { pointer: "/body/voucher" },
        );
      }
    }
  }
  throw new AppError("voucher-not-found", "no trace voucher matches what was scanned", { pointer: "/body/voucher" });
}
