import { isValidLotCode } from "../codes/lot-code.ts";
import type { FieldError } from "../errors.ts";
import { isIsoDate, type Validated } from "../parties/validate-party.ts";
import type { Product } from "../products/product.ts";
import { toMilli } from "../quantity.ts";
import { expiryFromShelfLife } from "./expiry.ts";

export interface LotInput {
  productId: string;
  lotCode?: string;
  productionDate: string;
  expiryDate?: string;
  quantity: number;
  unit?: string;
  originRegion?: string;
  originPlace?: string;
  location?: string;
}

export interface LotDraft {
  readonly lotCode: string | null;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly quantityMilli: number;
  readonly originRegion: string;
  readonly originPlace: string | null;
  readonly location: string | null;
}

/** Domain rules of coding a lot; `base` is the JSON pointer of this lot in the request ("/body/lots/0"). */
export function validateLot(
  input: LotInput,
  product: Product,
  ctx: { today: string; defaultRegion: string; knownRegion: (code: string) => boolean },
  base: string,
): Validated<LotDraft> {
  const errors: FieldError[] = [];
  const err = (f: string, detail: string) => errors.push({ pointer: `${base}/${f}`, detail });
  const lotCode = input.lotCode?.trim().toUpperCase() || null;
  if (lotCode !== null && !isValidLotCode(lotCode))
    err("lotCode", "a lot code is 1-20 characters of 0-9, A-Z and '-' (GS1 AI 10; no Chinese characters or spaces)");
  if (!isIsoDate(input.productionDate)) err("productionDate", "use a date as YYYY-MM-DD");
  else if (input.productionDate > ctx.today) err("productionDate", "the production date is in the future");
  let expiryDate: string | null = input.expiryDate ?? null;
  if (expiryDate !== null && !isIsoDate(expiryDate)) err("expiryDate", "use a date as YYYY-MM-DD");
  else if (expiryDate !== null && expiryDate < input.productionDate) err("expiryDate", "expiry is before production");
  if (expiryDate === null && product.shelfLifeDays && isIsoDate(input.productionDate)) {
    expiryDate = expiryFromShelfLife(input.productionDate, product.shelfLifeDays);
  }
  if (input.unit !== undefined && input.unit !== product.unit)
    err("unit", `this product is counted in ${product.unit}, not ${input.unit}`);
  const quantityMilli = toMilli(input.quantity);
  if (quantityMilli === undefined) err("quantity", "quantity must be positive with at most 3 decimals");
  const originRegion = input.originRegion ?? ctx.defaultRegion;
  if (!ctx.knownRegion(originRegion)) err("originRegion", `'${originRegion}' is not a GB/T 2260 region code in force`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      lotCode,
      productionDate: input.productionDate,
      expiryDate,
      quantityMilli: quantityMilli as number,
      originRegion,
      originPlace: input.originPlace?.trim() || null,
      location: input.location?.trim() || null,
    }),
  };
}
