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
import type { Receiver } from "../../core/shipments/shipment.ts";
import { insertEvents } from "../../store/event-store.ts";
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
  await storePlatformEvents(tx, ctx, party, [built]);
  return built.eventId;
}

/** Many events of one party's action (a coding request of many lots) in one multi-row write. */
export async function storePlatformEvents(
  tx: Db,
  ctx: ServiceContext,
  party: Party,
  built: readonly BuiltEvent[],
): Promise<void> {
  const now = ctx.clock.now();
  const parties = await resolveEventParties(
    tx,
    ctx.settings.publicBaseUrl,
    built.map((b) => ({ owner: party, event: b.event })),
  );
  await insertEvents(
    tx,
    built.map(({ event: e, eventId }, i) => {
      const { eventTime: _at, ...index } = indexEvent(e, platformPrefixes);
      return {
        ...index,
        eventId,
        eventTime: now,
        recordTime: now,
        partyId: party.id,
        source: "platform" as const,
        captureId: null,
        hashId: null,
        event: e,
        parties: parties[i] ?? [],
      };
    }),
  );
}

const common = (ctx: ServiceContext, party: Party) => ({
  base: ctx.settings.publicBaseUrl,
  at: ctx.clock.now(),
  recordedBy: party,
});
type Line = { lot: Pick<Lot, "traceKey" | "unit">; quantityMilli: number };

/** The coding event of a lot: commissioning, or a transformation when it consumed input lots. */
export function codingEvent(
  ctx: ServiceContext,
  a: { party: Party; lot: Omit<LotData, "lotCode"> & { lotCode: string }; inputs: readonly Line[] },
): BuiltEvent {
  const c = { ...common(ctx, a.party), lot: a.lot };
  return a.inputs.length > 0 ? transformationEvent({ ...c, inputs: a.inputs }) : commissioningEvent(c);
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
