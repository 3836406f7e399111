import { chinaDate } from "../../core/codes/calendar-day.ts";
import { composeLotCode } from "../../core/codes/lot-code.ts";
import type { BuiltEvent } from "../../core/epcis/platform/finish-event.ts";
import { AppError } from "../../core/errors.ts";
import { gtinTraceKey, type Lot, platformTraceKey, traceCodeUrl } from "../../core/lots/lot.ts";
import { type LotInput, validateLot } from "../../core/lots/validate-lot.ts";
import type { Party } from "../../core/parties/party.ts";
import { toMilli } from "../../core/quantity.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import { findLotsByTraceKeys, insertLotInputs, insertLots } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductsByIds } from "../../store/product-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { reserveTraceNumbers } from "../codes/issue-trace-numbers.ts";
import { codingEvent, storePlatformEvents } from "../events/platform-events.ts";
import { putStocks, type StockTake, takeStocks } from "../holdings/take-stock.ts";
import { assertNotRecalled } from "../recalls/recall-guard.ts";
import type { ServiceContext } from "../service-context.ts";
import { resolveTraceCodes } from "./resolve-trace-code.ts";

export interface CodeLotInput extends LotInput {
  /** For a transformation (加工): the lots consumed, which the party must hold. */
  inputs?: { traceCode: string; quantity: number }[];
}

export interface CodedLot {
  readonly lot: Lot;
  readonly traceCode: string;
}

/**
 * Coding (赋码): creates lots with their trace codes, adds them to the party's stock and records the EPCIS
 * commissioning (or transformation) event — all lots of the request in ONE transaction: all or none.
 */
export async function codeLots(
  ctx: ServiceContext,
  input: { partyId?: string; lots: CodeLotInput[] },
): Promise<CodedLot[]> {
  const partyId = actingPartyId(ctx, input.partyId);
  return ctx.store.transaction(async (tx) => {
    const party = await findPartyById(tx, partyId);
    if (!party) throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    return codeLotsOf(tx, ctx, party, input.lots, "/body/lots");
  });
}

/** The body of coding, inside the caller's transaction: creates the lots and writes their one audit row. */
export async function codeLotsOf(
  tx: Db,
  ctx: ServiceContext,
  party: Party,
  lots: readonly CodeLotInput[],
  base: string,
): Promise<CodedLot[]> {
  const created = await createLots(
    tx,
    ctx,
    party,
    lots.map((input, i) => ({ input, base: `${base}/${i}` })),
  );
  await recordAudit(tx, ctx, "lots.code", { type: "party", id: party.id }, { lots: created.map((l) => l.id) });
  return created.map((lot) => ({ lot, traceCode: traceCodeUrl(lot, ctx.settings.publicBaseUrl) }));
}

/** How a lot enters other than by coding at source: the first-station report brings its own event and papers. */
export interface LotEntryVariant {
  readonly entry: "first_station" | "coded";
  readonly details: Readonly<Record<string, unknown>> | null;
  recordEvent(lot: Omit<Lot, "eventId">): Promise<string>;
}

/** Creates one lot with its trace code and puts it in the party's stock, inside the caller's transaction. */
export async function createLot(
  tx: Db,
  ctx: ServiceContext,
  party: Party,
  input: CodeLotInput,
  base: string,
  variant?: LotEntryVariant,
): Promise<Lot> {
  return (await createLots(tx, ctx, party, [{ input, base }], variant))[0] as Lot;
}

/**
 * Creates lots inside the caller's transaction, set-based: one look-up of the products, one sequence reservation
 * per kind of code, one look-up of the input lots, and multi-row writes of lots, events, stock and movements — an
 * ERP codes hundreds of lots per request, and per-lot statements would make that a queue of round trips.
 * `base` is each lot's JSON pointer in the request, for errors.
 */
export async function createLots(
  tx: Db,
  ctx: ServiceContext,
  party: Party,
  items: readonly { input: CodeLotInput; base: string }[],
  variant?: LotEntryVariant,
): Promise<Lot[]> {
  if (items.length === 0) return [];
  const products = await findProductsByIds(
    tx,
    items.map((it) => it.input.productId),
  );
  const today = chinaDate(ctx.clock.now());
  const drafts = items.map(({ input, base }) => {
    const product = products.get(input.productId);
    if (!product)
      throw new AppError("not-found", `no product with id ${input.productId}`, { pointer: `${base}/productId` });
    if (product.partyId !== party.id)
      throw new AppError("forbidden", "a party codes lots of its own products only", { pointer: `${base}/productId` });
    const v = validateLot(
      input,
      product,
      { today, defaultRegion: party.regionCode, knownRegion: (c) => !!ctx.regions.get(c) },
      base,
    );
    if (!v.ok) throw new AppError("validation-failed", v.errors.map((e) => e.detail).join("; "), { errors: v.errors });
    return { product, draft: v.value, base, input };
  });

  // Lot codes the party did not bring: one reservation per production date (the code embeds the date).
  const lotCodes = drafts.map((d) => d.draft.lotCode);
  const byDate = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (d.draft.lotCode === null)
      byDate.set(d.draft.productionDate, [...(byDate.get(d.draft.productionDate) ?? []), i]);
  });
  for (const [date, indexes] of byDate) {
    const first = await reserveSequence(tx, `lot:${party.id}:${date}`, indexes.length);
    indexes.forEach((i, k) => {
      lotCodes[i] = composeLotCode(date, first + k);
    });
  }
  // Platform trace numbers for lots without a GTIN: one block for the request.
  const needCodes = drafts.filter((d) => !d.product.gtin).length;
  const platformCodes =
    needCodes > 0 ? (await reserveTraceNumbers(tx, ctx, party.regionCode, party.id, needCodes)).codes : [];
  let nextCode = 0;
  const keyed = drafts.map((d, i) => {
    const lotCode = lotCodes[i] as string;
    const platformCode = d.product.gtin ? null : (platformCodes[nextCode++] as string);
    const traceKey = d.product.gtin ? gtinTraceKey(d.product.gtin, lotCode) : platformTraceKey(platformCode as string);
    return { ...d, lotCode, platformCode, traceKey };
  });
  const seen = new Map<string, string>();
  for (const k of keyed) {
    if (seen.has(k.traceKey))
      throw new AppError("duplicate-lot", `lot ${k.lotCode} is named twice in this request`, {
        pointer: `${k.base}/lotCode`,
      });
    seen.set(k.traceKey, k.base);
  }
  const existing = await findLotsByTraceKeys(
    tx,
    keyed.filter((k) => k.product.gtin).map((k) => k.traceKey),
  );
  for (const k of keyed) {
    if (existing.has(k.traceKey))
      throw new AppError("duplicate-lot", `lot ${k.lotCode} of GTIN ${k.product.gtin} is already coded`, {
        pointer: `${k.base}/lotCode`,
      });
  }

  // Inputs of transformations: every code read, then one look-up.
  const inputRefs = keyed.flatMap((k) =>
    (k.input.inputs ?? []).map((inp, j) => ({ text: inp.traceCode, pointer: `${k.base}/inputs/${j}/traceCode` })),
  );
  const inputLots = await resolveTraceCodes(tx, ctx, inputRefs);
  let nextInput = 0;
  const now = ctx.clock.now();
  const built: BuiltEvent[] = [];
  const lots: Lot[] = [];
  const consumed: StockTake[] = [];
  const lotInputs: { outputLotId: string; inputLotId: string; quantityMilli: number }[] = [];
  for (const k of keyed) {
    const inputs = (k.input.inputs ?? []).map((inp, j) => {
      const q = toMilli(inp.quantity);
      if (q === undefined)
        throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
          pointer: `${k.base}/inputs/${j}/quantity`,
        });
      return { lot: inputLots[nextInput++] as Lot, quantityMilli: q, pointer: `${k.base}/inputs/${j}/quantity` };
    });
    const lotBase = {
      id: ctx.newId(),
      productId: k.product.id,
      partyId: party.id,
      gtin: k.product.gtin,
      platformCode: k.platformCode,
      traceKey: k.traceKey,
      ...k.draft,
      lotCode: k.lotCode,
      unit: k.product.unit,
      entry: variant?.entry ?? (inputs.length > 0 ? ("transformation" as const) : ("coded" as const)),
      entryDetails: variant?.details ?? null,
      createdAt: now,
      revokedAt: null,
    };
    let eventId: string;
    if (variant) eventId = await variant.recordEvent(lotBase);
    else {
      const event = codingEvent(ctx, { party, lot: lotBase, inputs });
      built.push(event);
      eventId = event.eventId;
    }
    const lot: Lot = Object.freeze({ ...lotBase, eventId });
    lots.push(lot);
    for (const i of inputs) {
      consumed.push({ ...i, partyId: party.id, kind: "consumed", shipmentId: null, eventId });
      lotInputs.push({ outputLotId: lot.id, inputLotId: i.lot.id, quantityMilli: i.quantityMilli });
    }
  }
  // A lot under recall may not go into new products (its inputs would carry the hazard on).
  await assertNotRecalled(
    tx,
    consumed.map((c) => ({ lot: c.lot, pointer: c.pointer.replace(/quantity$/, "traceCode") })),
    "used as an input",
  );
  await storePlatformEvents(tx, ctx, party, built);
  try {
    await insertLots(tx, lots);
  } catch (e) {
    // Only a concurrent coding of the same GTIN lot gets here: the look-up above saw none.
    if (ctx.store.engine.isUniqueViolation(e)) {
      throw new AppError("duplicate-lot", "a lot of this request was coded meanwhile by another request", {
        pointer: `${items[0]?.base}/lotCode`,
      });
    }
    throw e;
  }
  await takeStocks(tx, ctx, consumed);
  await insertLotInputs(tx, lotInputs);
  await putStocks(
    tx,
    ctx,
    lots.map((lot) => ({
      lotId: lot.id,
      partyId: party.id,
      quantityMilli: lot.quantityMilli,
      kind: "coded",
      shipmentId: null,
      eventId: lot.eventId,
    })),
  );
  return lots;
}
