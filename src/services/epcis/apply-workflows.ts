import type { PreparedEvent } from "../../core/epcis/capture/prepare-capture.ts";
import { cbvShortName } from "../../core/epcis/cbv-normalise.ts";
import { canonicalEpc } from "../../core/epcis/event-epcs.ts";
import { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import type { Product } from "../../core/products/product.ts";
import type { EventParty } from "../../store/event-store.ts";
import { findLotByTraceKey } from "../../store/lot-store.ts";
import { findProductByGtin } from "../../store/product-store.ts";
import type { Db } from "../../store/schema.ts";
import { createLot } from "../lots/code-lots.ts";
import type { ServiceContext } from "../service-context.ts";
import { receiveShipmentIn } from "../shipments/receive-shipment.ts";
import { shipGoodsIn } from "../shipments/ship-goods.ts";

/**
 * One history (docs/design/epcis.md): events an enterprise captures through EPCIS drive the same workflows as the
 * /v1 actions, inside the capture's transaction, with the captured event as the action's event —
 * - ObjectEvent ADD, bizStep commissioning, with ILMD, naming a lot of one of its GTIN products
 *   (`urn:epc:class:lgtin:…` or `…/01/{GTIN}/10/{lot}`): the lot is coded (赋码) and enters its stock;
 * - ObjectEvent bizStep shipping from it to another platform party (destination entries, CBV 2.0 §8.5) of lots
 *   the platform coded: the goods leave its stock and the receiver gets a pending receipt with a trace voucher
 *   (出库, 待收货); a shipment of lots the platform does not know is only stored;
 * - ObjectEvent bizStep receiving naming a trace voucher of ours as bizTransaction: the receipt is confirmed
 *   (扫码入库), per lot and quantity when the event lists them.
 * Events outside these shapes are stored as they are. A workflow that fails fails the whole capture.
 */
interface Captured {
  readonly prepared: PreparedEvent;
  readonly parties: readonly EventParty[];
  readonly index: number;
}

type Obj = Readonly<Record<string, unknown>>;
const gtinLot = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/([^/?#]+)$/;

export async function applyWorkflows(
  tx: Db,
  ctx: ServiceContext,
  owner: Party,
  captured: readonly Captured[],
  pointerOf: (index: number) => string,
): Promise<void> {
  const products = new Map<string, Promise<Product | undefined>>();
  const productOf = (gtin: string) => {
    let p = products.get(gtin);
    if (!p) {
      p = findProductByGtin(tx, gtin);
      products.set(gtin, p);
    }
    return p;
  };
  for (const c of captured) {
    const e = c.prepared.event;
    if (e.type !== "ObjectEvent") continue;
    const step = typeof e.bizStep === "string" ? cbvShortName("bizStep", e.bizStep) : undefined;
    const at = pointerOf(c.index);
    try {
      if (step === "commissioning" && e.action === "ADD" && e.ilmd) await commission(tx, ctx, owner, c, at, productOf);
      else if (step === "shipping" && e.disposition !== "returned") await ship(tx, ctx, owner, c);
      else if (step === "receiving") await receive(tx, ctx, c);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(err.code, `event ${at}: ${err.message}`, { pointer: at, extra: err.extra });
    }
  }
}

function quantities(e: Obj): { epcClass: string; quantity: number | undefined }[] {
  const list = Array.isArray(e.quantityList) ? (e.quantityList as Obj[]) : [];
  return list.map((q) => ({
    epcClass: String(q.epcClass),
    quantity: typeof q.quantity === "number" ? q.quantity : undefined,
  }));
}

async function commission(
  tx: Db,
  ctx: ServiceContext,
  owner: Party,
  c: Captured,
  at: string,
  productOf: (gtin: string) => Promise<Product | undefined>,
) {
  const e = c.prepared.event;
  const ilmd = e.ilmd as Obj;
  for (const q of quantities(e)) {
    const m = gtinLot.exec(canonicalEpc(q.epcClass));
    if (!m || q.quantity === undefined) continue;
    const product = await productOf(m[1] as string);
    if (!product || product.partyId !== owner.id) continue;
    const expiry = ilmd["cbvmda:itemExpirationDate"];
    const production = ilmd["sy:productionDate"];
    await createLot(
      tx,
      ctx,
      owner,
      {
        productId: product.id,
        lotCode: decodeURIComponent(m[2] as string),
        // Without our production date, the day of the event in its own time zone (EPCIS 2.0 §7.4.1).
        productionDate: typeof production === "string" ? production : String(e.eventTime).slice(0, 10),
        ...(typeof expiry === "string" ? { expiryDate: expiry } : {}),
        quantity: q.quantity,
      },
      at,
      { entry: "coded", details: null, recordEvent: async () => c.prepared.eventId },
    );
  }
}

async function ship(tx: Db, ctx: ServiceContext, owner: Party, c: Captured) {
  const sources = c.parties.filter((p) => p.role === "source").map((p) => p.partyId);
  const receivers = [
    ...new Set(c.parties.filter((p) => p.role === "destination" && p.partyId !== owner.id).map((p) => p.partyId)),
  ];
  if ((sources.length > 0 && !sources.includes(owner.id)) || receivers.length !== 1) return;
  const lines = quantities(c.prepared.event).flatMap((q) =>
    q.quantity === undefined ? [] : [{ traceCode: traceCodeOf(ctx, q.epcClass), quantity: q.quantity }],
  );
  // Goods the platform never coded (a partner's own lots) are shipped outside its stock: the event is only stored.
  if (lines.length === 0) return;
  for (const l of lines) if (!(await isPlatformLot(tx, ctx, l.traceCode))) return;
  await shipGoodsIn(tx, ctx, owner.id, { receiver: { partyId: receivers[0] as string }, lines }, c.prepared.eventId);
}

async function receive(tx: Db, ctx: ServiceContext, c: Captured) {
  const e = c.prepared.event;
  const prefix = `${ctx.settings.publicBaseUrl}/v/`;
  const voucher = (Array.isArray(e.bizTransactionList) ? (e.bizTransactionList as Obj[]) : [])
    .map((t) => t.bizTransaction)
    .find((v): v is string => typeof v === "string" && v.startsWith(prefix));
  if (!voucher) return;
  const lines = quantities(e).map((q) => ({
    traceCode: traceCodeOf(ctx, q.epcClass),
    ...(q.quantity !== undefined ? { quantity: q.quantity } : {}),
  }));
  await receiveShipmentIn(tx, ctx, { voucher, ...(lines.length > 0 ? { lines } : {}) }, c.prepared.eventId);
}

/** A lot class as a trace code the platform resolves: our own URIs as they are, GS1 keys in Digital Link form. */
function traceCodeOf(ctx: ServiceContext, epcClass: string): string {
  return epcClass.startsWith(ctx.settings.publicBaseUrl) ? epcClass : canonicalEpc(epcClass);
}

async function isPlatformLot(tx: Db, ctx: ServiceContext, traceCode: string): Promise<boolean> {
  const base = `${ctx.settings.publicBaseUrl}/`;
  const m = gtinLot.exec(traceCode);
  const key = m ? `01/${m[1]}/10/${m[2]}` : traceCode.startsWith(base) ? traceCode.slice(base.length) : undefined;
  return key !== undefined && (await findLotByTraceKey(tx, key)) !== undefined;
}
