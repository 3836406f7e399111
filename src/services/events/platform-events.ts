import { indexEvent } from "../../core/epcis/capture/index-event.ts";
import type { BuiltEvent } from "../../core/epcis/platform/finish-event.ts";
import { SUYUAN_NS } from "../../core/epcis/platform/platform-context.ts";
import {
  commissioningEvent,
  endOfChainEvent,
  type LotData,
  receivingEvent,
  rejectionEvent,
  shippingEvent,
  transformationEvent,
} from "../../core/epcis/platform/supply-events.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Party } from "../../core/parties/party.ts";
import type { Product } from "../../core/products/product.ts";
import type { Receiver } from "../../core/shipments/shipment.ts";
import { insertEvent } from "../../store/event-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";
import { resolveEventParties } from "./event-parties.ts";

const platformPrefixes = new Map([["sy", SUYUAN_NS]]);

/**
 * Every platform action is also an EPCIS 2.0 event (one history for /v1 and /epcis): built in core, stored here
 * in the action's own transaction. Returns the event id (its hash ID).
 */
export async function storePlatformEvent(
  tx: Db,
  ctx: ServiceContext,
  party: Party,
  built: BuiltEvent,
): Promise<string> {
  const e = built.event;
  const { eventTime: _at, ...index } = indexEvent(e, platformPrefixes);
  const [parties] = await resolveEventParties(tx, ctx.settings.publicBaseUrl, [{ owner: party, event: e }]);
  await insertEvent(tx, {
    ...index,
    eventId: built.eventId,
    eventTime: ctx.clock.now(),
    recordTime: ctx.clock.now(),
    partyId: party.id,
    source: "platform",
    captureId: null,
    hashId: null,
    event: e,
    parties: parties ?? [],
  });
  return built.eventId;
}

const common = (ctx: ServiceContext, party: Party) => ({
  base: ctx.settings.publicBaseUrl,
  at: ctx.clock.now(),
  recordedBy: party,
});
type Line = { lot: Pick<Lot, "traceKey" | "unit">; quantityMilli: number };

export async function recordCommissioning(
  tx: Db,
  ctx: ServiceContext,
  a: { party: Party; product: Product; lot: Omit<LotData, "lotCode"> & { lotCode: string }; inputs: readonly Line[] },
): Promise<string> {
  const c = { ...common(ctx, a.party), lot: a.lot };
  return storePlatformEvent(
    tx,
    ctx,
    a.party,
    a.inputs.length > 0 ? transformationEvent({ ...c, inputs: a.inputs }) : commissioningEvent(c),
  );
}

export async function recordShipping(
  tx: Db,
  ctx: ServiceContext,
  a: {
    shipper: Party;
    receiver: Receiver;
    receiverParty: Party | undefined;
    voucherUrl: string;
    lines: readonly Line[];
  },
): Promise<string> {
  const r = a.receiver;
  const to =
    r.kind === "party"
      ? { party: a.receiverParty as Party }
      : r.kind === "offplatform"
        ? { offPlatform: r }
        : { consumers: true as const };
  return storePlatformEvent(
    tx,
    ctx,
    a.shipper,
    shippingEvent({ ...common(ctx, a.shipper), voucherUrl: a.voucherUrl, to, lines: a.lines }),
  );
}

export async function recordReceiving(
  tx: Db,
  ctx: ServiceContext,
  a: { receiver: Party; shipper: Party; voucherUrl: string; lines: readonly Line[] },
): Promise<string> {
  return storePlatformEvent(
    tx,
    ctx,
    a.receiver,
    receivingEvent({ ...common(ctx, a.receiver), voucherUrl: a.voucherUrl, shipper: a.shipper, lines: a.lines }),
  );
}

export async function recordRejection(
  tx: Db,
  ctx: ServiceContext,
  a: { receiver: Party; shipper: Party; voucherUrl: string; reason: string; lines: readonly Line[] },
): Promise<string> {
  return storePlatformEvent(
    tx,
    ctx,
    a.receiver,
    rejectionEvent({
      ...common(ctx, a.receiver),
      voucherUrl: a.voucherUrl,
      shipper: a.shipper,
      reason: a.reason,
      lines: a.lines,
    }),
  );
}

export async function recordEndOfChain(
  tx: Db,
  ctx: ServiceContext,
  a: {
    party: Party;
    kind: "retail_sale" | "kitchen_use" | "loss" | "destruction";
    lot: Lot;
    quantityMilli: number;
    reason: string | null;
  },
): Promise<string> {
  return storePlatformEvent(
    tx,
    ctx,
    a.party,
    endOfChainEvent({
      ...common(ctx, a.party),
      kind: a.kind,
      line: { lot: a.lot, quantityMilli: a.quantityMilli },
      reason: a.reason,
    }),
  );
}
