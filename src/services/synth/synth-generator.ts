import { indexEvent } from "../../core/epcis/capture/index-event.ts";
import type { BuiltEvent } from "../../core/epcis/platform/finish-event.ts";
import { SUYUAN_NS } from "../../core/epcis/platform/platform-context.ts";
import {
  commissioningEvent,
  endOfChainEvent,
  firstStationEvent,
  receivingEvent,
  rejectionEvent,
  shippingEvent,
  transformationEvent,
} from "../../core/epcis/platform/supply-events.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Party } from "../../core/parties/party.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import type { Prng } from "../../core/synth/prng.ts";
import type { StoredEvent } from "../../store/event-store.ts";
import type { RecordSeal } from "../../store/ledger-store.ts";
import type { MovementsTable } from "../../store/schema.ts";
import { type Cast, type CodeAllocator, newLot } from "./synth-network.ts";

const synthPrefixes = new Map([["sy", SUYUAN_NS]]);
const DAY = 86_400_000;

/** What one flush writes: whole lot journeys, so stock in `holdings` always equals the sum of its movements. */
export interface SynthBatch {
  readonly lots: Lot[];
  readonly stored: StoredEvent[];
  readonly shipments: Shipment[];
  readonly movements: MovementsTable[];
  readonly inputs: { outputLotId: string; inputLotId: string; quantityMilli: number }[];
  readonly holdings: { lotId: string; partyId: string; quantityMilli: number }[];
  /** The generator's clock at the flush (the holdings' updated_at). */
  readonly at: number;
  /** The ledger commitments of the events and lots, by record key, when computed before the write (synth-worker). */
  seals?: Map<string, RecordSeal>;
}

/** What the generator needs from where it runs (a worker thread): ids, the public base URL, codes, a sink. */
export interface SynthEnv {
  readonly newId: () => string;
  readonly baseUrl: string;
  readonly codes: CodeAllocator;
  /** Takes a batch to write; the generator goes on while it is written, and waits for it before the next. */
  readonly sink: (batch: SynthBatch) => Promise<void>;
}

type LotRef = Omit<Lot, "eventId"> & { eventId: string };

/**
 * The seeded story of lots: every action builds its EPCIS event (and its hash ID, CBV 2.0 §8.9.2) as the use cases
 * do, and the rows the stores write. No I/O of its own: codes and writes go through `env`.
 */
export class Generator {
  events = 0;
  lotCount = 0;
  shipmentCount = 0;
  private at: number;
  private readonly lots: Lot[] = [];
  private readonly stored: StoredEvent[] = [];
  private readonly shipments: Shipment[] = [];
  private readonly movements: MovementsTable[] = [];
  private readonly inputs: { outputLotId: string; inputLotId: string; quantityMilli: number }[] = [];
  private readonly holdings = new Map<string, { lotId: string; partyId: string; quantityMilli: number }>();

  constructor(
    private readonly env: SynthEnv,
    private readonly rng: Prng,
    private readonly cast: Cast,
    start: number,
    private readonly step: number,
  ) {
    this.at = start;
  }

  get buffered(): number {
    return this.stored.length;
  }

  private base() {
    return this.env.baseUrl;
  }

  /** Stores an event; the generator's clock moves one step per event (receipts happen later, at `at`). */
  private event(party: Party, built: BuiltEvent, at = this.at): string {
    const e = built.event;
    const { eventTime: _t, ...index } = indexEvent(e, synthPrefixes);
    this.stored.push({
      ...index,
      eventId: built.eventId,
      eventTime: at,
      recordTime: at,
      partyId: party.id,
      source: "platform",
      captureId: null,
      hashId: null,
      event: e,
      // The recording party only: synthetic events are for trace and load tests, not for EPCIS access by receivers.
      parties: [{ partyId: party.id, regionCode: party.regionCode, role: "owner" }],
    });
    this.events++;
    this.at += this.step;
    return built.eventId;
  }

  private move(
    lotId: string,
    partyId: string,
    kind: string,
    delta: number,
    shipmentId: string | null,
    eventId: string,
    at = this.at,
  ) {
    this.movements.push({ id: this.env.newId(), lotId, partyId, kind, deltaMilli: delta, shipmentId, eventId, at });
    const key = `${lotId}|${partyId}`;
    const h = this.holdings.get(key);
    if (h) h.quantityMilli += delta;
    else this.holdings.set(key, { lotId, partyId, quantityMilli: delta });
  }

  /** Codes a lot at its maker (commissioning, transformation or first-station entry). */
  private async code(maker: Party, quantityMilli: number, inputs: { lot: LotRef; quantityMilli: number }[] = []) {
    const product = this.rng.pick(this.cast.productsOf.get(maker.id) ?? []);
    const entry = maker.kind === "importer" ? "first_station" : inputs.length > 0 ? "transformation" : "coded";
    const code = await this.env.codes.next(this.at);
    const draft = newLot(this.env.newId, { product, maker, code, at: this.at, quantityMilli, entry });
    const common = { base: this.base(), at: this.at, recordedBy: maker, lot: draft };
    const built =
      entry === "first_station"
        ? firstStationEvent({
            ...common,
            supplier: { name: "Synthetic Export Co.", creditCode: null },
            countryOfOrigin: "NZ",
            documents: { customsDeclarationNo: `SYN${code}`, quarantineCertificateNo: `Q${code}` },
          })
        : inputs.length > 0
          ? transformationEvent({ ...common, inputs })
          : commissioningEvent(common);
    const eventId = this.event(maker, built);
    const lot: Lot = Object.freeze({ ...draft, eventId });
    this.lots.push(lot);
    this.lotCount++;
    for (const i of inputs) {
      this.move(i.lot.id, maker.id, "consumed", -i.quantityMilli, null, eventId);
      this.inputs.push({ outputLotId: lot.id, inputLotId: i.lot.id, quantityMilli: i.quantityMilli });
    }
    this.move(lot.id, maker.id, "coded", quantityMilli, null, eventId);
    return lot;
  }

  /**
   * Ships part of a holding and settles it as buyers do: most receipts confirmed in full, some short, some rejected
   * (the goods go back), some still in transit. Returns what the buyer now holds.
   */
  private async ship(lot: LotRef, from: Party, to: Party, quantityMilli: number, settle = true): Promise<number> {
    const voucherCode = await this.env.codes.next(this.at);
    const voucherUrl = `${this.base()}/v/${voucherCode}`;
    const line = { lot, quantityMilli };
    const shippedAt = this.at;
    const eventId = this.event(
      from,
      shippingEvent({ base: this.base(), at: this.at, recordedBy: from, voucherUrl, to: { party: to }, lines: [line] }),
    );
    const id = this.env.newId();
    this.move(lot.id, from.id, "shipped", -quantityMilli, id, eventId);
    const roll = this.rng.next();
    let state: "pending" | "received" | "rejected" = "received";
    let received = quantityMilli;
    if (!settle || roll < 0.05) state = "pending";
    else if (roll < 0.08) state = "rejected";
    else if (roll < 0.1) received = Math.max(1000, Math.floor((quantityMilli * 0.9) / 1000) * 1000);
    // Most receipts are scanned the same or next day; a few late (the evaluation model's 2-calendar-day rule).
    const settledAt = shippedAt + (this.rng.chance(0.1) ? 3 * DAY : this.rng.int(DAY / 2)) + 1;
    let reason: string | null = null;
    if (state === "received") {
      const rid = this.event(
        to,
        receivingEvent({
          base: this.base(),
          at: settledAt,
          recordedBy: to,
          voucherUrl,
          shipper: from,
          lines: [{ lot, quantityMilli: received }],
        }),
        settledAt,
      );
      this.move(lot.id, to.id, "received", received, id, rid, settledAt);
    } else if (state === "rejected") {
      reason = this.rng.pick(["包装破损", "温度超标", "数量不符", "标签不清"]);
      const rid = this.event(
        to,
        rejectionEvent({
          base: this.base(),
          at: settledAt,
          recordedBy: to,
          voucherUrl,
          shipper: from,
          reason,
          lines: [line],
        }),
        settledAt,
      );
      this.move(lot.id, from.id, "returned", quantityMilli, id, rid, settledAt);
    }
    this.shipments.push({
      id,
      voucherCode,
      shipperPartyId: from.id,
      receiver: { kind: "party", partyId: to.id },
      status:
        state === "pending"
          ? "in_transit"
          : state === "rejected"
            ? "rejected"
            : received < quantityMilli
              ? "partially_received"
              : "received",
      shippedAt,
      eventId,
      lines: [
        {
          lineNo: 1,
          lotId: lot.id,
          quantityMilli,
          unit: lot.unit,
          state,
          receivedMilli: state === "received" ? received : null,
          reason,
          settledAt: state === "pending" ? null : settledAt,
        },
      ],
    });
    this.shipmentCount++;
    return state === "received" ? received : 0;
  }

  private async sell(lot: LotRef, holder: Party, quantityMilli: number) {
    const eventId = this.event(
      holder,
      endOfChainEvent({
        base: this.base(),
        at: this.at,
        recordedBy: holder,
        kind: holder.kind === "canteen" ? "kitchen_use" : "retail_sale",
        line: { lot, quantityMilli },
        reason: null,
      }),
    );
    this.move(lot.id, holder.id, holder.kind === "canteen" ? "used" : "sold", -quantityMilli, null, eventId);
  }

  /** The first lot: a dairy's milk through its distributors to thousands of shops and canteens. */
  async megaJourney(holders: number): Promise<string> {
    const dairy = this.cast.byKind.producer.find((p) =>
      (this.cast.productsOf.get(p.id) ?? []).some((x) => x.categoryCode.startsWith("dairy")),
    );
    const maker = dairy ?? (this.cast.byKind.producer[0] as Party);
    const lot = await this.code(maker, (holders * 12 + 1000) * 1000);
    const shops = [...this.cast.byKind.retailer, ...this.cast.byKind.canteen].slice(0, holders);
    const distributors = this.cast.byKind.wholesaler.slice(0, Math.max(1, Math.min(20, Math.ceil(holders / 50))));
    const perDistributor = Math.ceil(shops.length / distributors.length);
    for (const [d, w] of distributors.entries()) {
      const mine = shops.slice(d * perDistributor, (d + 1) * perDistributor);
      const got = await this.ship(lot, maker, w, (mine.length * 11 + 10) * 1000, false);
      // Distributors' receipts are confirmed for sure: the shops' stock comes from them.
      if (got === 0) await this.receivePending(lot, w);
      for (const s of mine) {
        const held = await this.ship(lot, w, s, 10_000);
        if (held > 0 && this.rng.chance(0.3)) await this.sell(lot, s, Math.min(held, 3000));
      }
    }
    return lot.id;
  }

  /** Confirms the pending receipt of the last shipment (used where the story needs the goods delivered). */
  private async receivePending(lot: LotRef, to: Party) {
    const s = this.shipments.at(-1) as Shipment;
    const line = s.lines[0] as Shipment["lines"][number];
    const from = this.cast.parties.find((p) => p.id === s.shipperPartyId) as Party;
    const rid = this.event(
      to,
      receivingEvent({
        base: this.base(),
        at: this.at,
        recordedBy: to,
        voucherUrl: `${this.base()}/v/${s.voucherCode}`,
        shipper: from,
        lines: [{ lot, quantityMilli: line.quantityMilli }],
      }),
    );
    // A rejected shipment came back to the shipper: take it out again before the receipt.
    if (line.state === "rejected") this.move(lot.id, from.id, "returned", -line.quantityMilli, s.id, rid);
    this.move(lot.id, to.id, "received", line.quantityMilli, s.id, rid);
    this.shipments[this.shipments.length - 1] = {
      ...s,
      status: "received",
      lines: [{ ...line, state: "received", receivedMilli: line.quantityMilli, reason: null, settledAt: this.at }],
    };
  }

  /** An ordinary lot's journey: coded (or imported), then handed down a power-law tree; processors transform. */
  async journey(): Promise<void> {
    const roll = this.rng.next();
    const kinds = roll < 0.02 ? "importer" : roll < 0.6 ? "farm" : "producer";
    const maker = this.rng.pick(this.cast.byKind[kinds]);
    const fan = this.rng.pareto(1, 1.5, 60);
    const lot = await this.code(maker, (fan * 40 + 20) * 1000);
    await this.distribute(lot, maker, fan, 0);
  }

  private async distribute(lot: LotRef, holder: Party, fan: number, depth: number): Promise<void> {
    const wholesalers = this.cast.byKind.wholesaler;
    for (let i = 0; i < fan; i++) {
      const toProcessor = depth < 3 && this.rng.chance(0.12);
      const buyer = toProcessor ? this.rng.pick(this.cast.byKind.processor) : this.rng.pick(wholesalers);
      if (buyer.id === holder.id) continue;
      const got = await this.ship(lot, holder, buyer, 40_000);
      if (got === 0) continue;
      if (toProcessor) {
        // Made into a product of the processor: a transformation, whose output lot travels on.
        const outFan = this.rng.pareto(1, 1.5, 20);
        const made = await this.code(buyer, (outFan * 40 + 20) * 1000, [{ lot, quantityMilli: got }]);
        await this.distribute(made, buyer, outFan, depth + 1);
        continue;
      }
      // The wholesaler sells on to shops and canteens (power law: a few supply hundreds).
      const shops = Math.min(Math.floor(got / 4000), this.rng.pareto(1, 1.2, 100));
      for (let k = 0; k < shops; k++) {
        const shop = this.rng.chance(0.8)
          ? this.rng.pick(this.cast.byKind.retailer)
          : this.rng.pick(this.cast.byKind.canteen);
        const held = await this.ship(lot, buyer, shop, 4000);
        if (held > 0 && this.rng.chance(0.4)) await this.sell(lot, shop, Math.min(held, 2000));
      }
    }
  }

  /** Hands what was generated to the sink (one transaction there), waiting for the previous batch first. */
  async flush(): Promise<void> {
    if (this.stored.length === 0 && this.lots.length === 0) return;
    const batch: SynthBatch = {
      lots: this.lots.splice(0),
      stored: this.stored.splice(0),
      shipments: this.shipments.splice(0),
      movements: this.movements.splice(0),
      inputs: this.inputs.splice(0),
      holdings: [...this.holdings.values()],
      at: this.at,
    };
    this.holdings.clear();
    await this.env.sink(batch);
  }
}
