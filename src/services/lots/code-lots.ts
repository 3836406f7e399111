import { chinaDate } from "../../core/codes/calendar-day.ts";
import { composeLotCode } from "../../core/codes/lot-code.ts";
import { AppError } from "../../core/errors.ts";
import { gtinTraceKey, type Lot, platformTraceKey, traceCodeUrl } from "../../core/lots/lot.ts";
import { type LotInput, validateLot } from "../../core/lots/validate-lot.ts";
import type { Party } from "../../core/parties/party.ts";
import { toMilli } from "../../core/quantity.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import { findLotByTraceKey, insertLot, insertLotInputs } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductById } from "../../store/product-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { reserveTraceNumbers } from "../codes/issue-trace-numbers.ts";
import { recordCommissioning } from "../events/platform-events.ts";
import { putStock, takeStock } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { resolveTraceCode } from "./resolve-trace-code.ts";

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
  const coded: CodedLot[] = [];
  for (const [i, lotInput] of lots.entries()) {
    const lot = await createLot(tx, ctx, party, lotInput, `${base}/${i}`);
    coded.push({ lot, traceCode: traceCodeUrl(lot, ctx.settings.publicBaseUrl) });
  }
  await recordAudit(tx, ctx, "lots.code", { type: "party", id: party.id }, { lots: coded.map((c) => c.lot.id) });
  return coded;
}

/** How a lot enters other than by coding at source: the first-station report brings its own event and papers. */
export interface LotEntryVariant {
  readonly entry: "first_station";
  readonly details: Readonly<Record<string, unknown>>;
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
  const product = await findProductById(tx, input.productId);
  if (!product)
    throw new AppError("not-found", `no product with id ${input.productId}`, { pointer: `${base}/productId` });
  if (product.partyId !== party.id)
    throw new AppError("forbidden", "a party codes lots of its own products only", { pointer: `${base}/productId` });
  const today = chinaDate(ctx.clock.now());
  const v = validateLot(
    input,
    product,
    { today, defaultRegion: party.regionCode, knownRegion: (c) => !!ctx.regions.get(c) },
    base,
  );
  if (!v.ok) throw new AppError("validation-failed", v.errors.map((e) => e.detail).join("; "), { errors: v.errors });
  const draft = v.value;

  const lotCode =
    draft.lotCode ??
    composeLotCode(draft.productionDate, await reserveSequence(tx, `lot:${party.id}:${draft.productionDate}`, 1));
  let platformCode: string | null = null;
  let traceKey: string;
  if (product.gtin) {
    traceKey = gtinTraceKey(product.gtin, lotCode);
  } else {
    platformCode = (await reserveTraceNumbers(tx, ctx, party.regionCode, party.id, 1)).codes[0] as string;
    traceKey = platformTraceKey(platformCode);
  }
  if (product.gtin && (await findLotByTraceKey(tx, traceKey))) {
    throw new AppError("duplicate-lot", `lot ${lotCode} of GTIN ${product.gtin} is already coded`, {
      pointer: `${base}/lotCode`,
    });
  }

  const inputs: { lot: Lot; quantityMilli: number }[] = [];
  for (const [j, inp] of (input.inputs ?? []).entries()) {
    const at = `${base}/inputs/${j}`;
    const inputLot = await resolveTraceCode(tx, ctx, inp.traceCode, `${at}/traceCode`);
    const q = toMilli(inp.quantity);
    if (q === undefined)
      throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
        pointer: `${at}/quantity`,
      });
    inputs.push({ lot: inputLot, quantityMilli: q });
  }

  const now = ctx.clock.now();
  const lotBase = {
    id: ctx.newId(),
    productId: product.id,
    partyId: party.id,
    gtin: product.gtin,
    platformCode,
    traceKey,
    ...draft,
    lotCode,
    unit: product.unit,
    entry: variant?.entry ?? (inputs.length > 0 ? ("transformation" as const) : ("coded" as const)),
    entryDetails: variant?.details ?? null,
    createdAt: now,
    revokedAt: null,
  };
  const eventId = variant
    ? await variant.recordEvent(lotBase)
    : await recordCommissioning(tx, ctx, { party, product, lot: lotBase, inputs });
  const lot: Lot = Object.freeze({ ...lotBase, eventId });
  try {
    await insertLot(tx, lot);
  } catch (e) {
    if (ctx.store.engine.isUniqueViolation(e)) {
      throw new AppError("duplicate-lot", `lot ${lotCode} of this product is already coded`, {
        pointer: `${base}/lotCode`,
      });
    }
    throw e;
  }
  for (const [j, inp] of inputs.entries()) {
    await takeStock(
      tx,
      ctx,
      {
        lot: inp.lot,
        partyId: party.id,
        quantityMilli: inp.quantityMilli,
        kind: "consumed",
        shipmentId: null,
        eventId,
      },
      `${base}/inputs/${j}/quantity`,
    );
  }
  await insertLotInputs(
    tx,
    lot.id,
    inputs.map((i) => ({ lotId: i.lot.id, quantityMilli: i.quantityMilli })),
  );
  await putStock(tx, ctx, {
    lotId: lot.id,
    partyId: party.id,
    quantityMilli: lot.quantityMilli,
    kind: "coded",
    shipmentId: null,
    eventId,
  });
  return lot;
}
