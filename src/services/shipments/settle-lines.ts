import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { toMilli } from "../../core/quantity.ts";
import { type Shipment, type ShipmentLine, statusOf } from "../../core/shipments/shipment.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { setShipmentStatus, settleLines } from "../../store/shipment-store.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";
import { findVoucher } from "./find-voucher.ts";

export interface LineChoice {
  lineNo?: number;
  traceCode?: string;
  /** For receiving: the quantity actually received (less than shipped = a shortage). */
  quantity?: number;
}

/** Only the receiving party (or an operator) settles a voucher. */
function assertReceiver(ctx: ServiceContext, s: Shipment): string {
  if (s.receiver.kind !== "party")
    throw new AppError("already-settled", "this voucher left the platform; there is nothing to receive");
  const a = ctx.actor;
  if (isOperator(a)) return s.receiver.partyId;
  if (a.kind === "enterprise" && a.partyId === s.receiver.partyId) return a.partyId;
  throw new AppError("forbidden", "only the receiving party confirms or rejects this voucher", {
    pointer: "/body/voucher",
  });
}

/**
 * The lines a request names (by line number or by a trace code on the voucher), or every pending line when it
 * names none — so one scan receives the whole voucher and nothing is typed again.
 */
async function chooseLines(
  tx: Db,
  ctx: ServiceContext,
  s: Shipment,
  choices: readonly LineChoice[] | undefined,
): Promise<{ line: ShipmentLine; quantityMilli: number; pointer: string }[]> {
  if (!choices || choices.length === 0) {
    const pending = s.lines.filter((l) => l.state === "pending");
    if (pending.length === 0)
      throw new AppError("already-settled", "every line of this voucher is already received or rejected", {
        pointer: "/body/voucher",
      });
    return pending.map((line) => ({ line, quantityMilli: line.quantityMilli, pointer: "/body/voucher" }));
  }
  const out: { line: ShipmentLine; quantityMilli: number; pointer: string }[] = [];
  for (const [i, c] of choices.entries()) {
    const pointer = `/body/lines/${i}`;
    let line: ShipmentLine | undefined;
    if (c.lineNo !== undefined) line = s.lines.find((l) => l.lineNo === c.lineNo);
    else if (c.traceCode !== undefined) {
      const lot = await resolveTraceCode(tx, ctx, c.traceCode, `${pointer}/traceCode`);
      line =
        s.lines.find((l) => l.lotId === lot.id && l.state === "pending") ?? s.lines.find((l) => l.lotId === lot.id);
    }
    if (!line) throw new AppError("validation-failed", "no such line on this voucher", { pointer });
    if (line.state !== "pending")
      throw new AppError("already-settled", `line ${line.lineNo} was already ${line.state}`, { pointer });
    if (out.some((o) => o.line.lineNo === line.lineNo))
      throw new AppError("validation-failed", `line ${line.lineNo} is named twice`, { pointer });
    const q = c.quantity === undefined ? line.quantityMilli : toMilli(c.quantity);
    if (q === undefined)
      throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
        pointer: `${pointer}/quantity`,
      });
    if (q > line.quantityMilli)
      throw new AppError("quantity-exceeds-shipment", `line ${line.lineNo} shipped less than that`, {
        pointer: `${pointer}/quantity`,
      });
    out.push({ line, quantityMilli: q, pointer });
  }
  return out;
}

/**
 * What receiving and rejecting both start with: the scanned voucher, the acting receiver, the chosen lines, the
 * two parties and the lots of those lines.
 */
export async function openVoucherForReceiver(
  tx: Db,
  ctx: ServiceContext,
  voucher: string,
  choices: readonly LineChoice[] | undefined,
) {
  const actorParty = ctx.actor.kind === "enterprise" ? ctx.actor.partyId : null;
  const s = await findVoucher(tx, ctx, voucher, actorParty);
  const receiverId = assertReceiver(ctx, s);
  const chosen = await chooseLines(tx, ctx, s, choices);
  const [receiver, shipper, lots] = await Promise.all([
    findPartyById(tx, receiverId),
    findPartyById(tx, s.shipperPartyId),
    findLotsByIds(
      tx,
      chosen.map((c) => c.line.lotId),
    ),
  ]);
  if (!receiver || !shipper) throw new AppError("not-found", "a party of this voucher no longer exists");
  const lotOf = (lotId: string) => lots.get(lotId) as Lot;
  return {
    s,
    receiverId,
    chosen,
    receiver,
    shipper,
    lotOf,
    voucherUrl: `${ctx.settings.publicBaseUrl}/v/${s.voucherCode}`,
  };
}

/**
 * Settles the chosen lines (received with their quantities, or rejected with the reason), sets the voucher's
 * status, and returns the shipment as it now stands. A line another scan settled meanwhile aborts the use case.
 */
export async function settleChosenLines(
  tx: Db,
  s: Shipment,
  chosen: readonly { line: ShipmentLine; quantityMilli: number; pointer: string }[],
  state: "received" | "rejected",
  reason: string | null,
  at: number,
): Promise<Shipment> {
  const missed = await settleLines(
    tx,
    s.id,
    state,
    chosen.map((c) => ({ lineNo: c.line.lineNo, receivedMilli: state === "received" ? c.quantityMilli : null })),
    reason,
    at,
  );
  if (missed.length > 0) {
    const c = chosen.find((x) => x.line.lineNo === missed[0]);
    throw new AppError("already-settled", `line ${missed[0]} was settled meanwhile`, { pointer: c?.pointer });
  }
  const settled = new Map(chosen.map((c) => [c.line.lineNo, c]));
  const lines = s.lines.map((l) => {
    const c = settled.get(l.lineNo);
    return c ? { ...l, state, receivedMilli: state === "received" ? c.quantityMilli : null, reason, settledAt: at } : l;
  });
  const status = statusOf(lines);
  await setShipmentStatus(tx, s.id, status);
  return Object.freeze({ ...s, status, lines });
}
