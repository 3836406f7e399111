import type { FieldError } from "../errors.ts";
import { hasValidCheckDigit } from "../gs1/index.ts";
import type { Validated } from "../parties/validate-party.ts";
import { isUnit } from "../units.ts";
import type { ProductDraft } from "./product.ts";

export interface ProductInput {
  name: string;
  spec?: string | null;
  unit: string;
  categoryCode: string;
  shelfLifeDays?: number | null;
  gtin?: string | null;
  description?: string | null;
}

/** The one factory for product data: GTIN-8/12/13/14 normalised to GTIN-14 (GenSpecs §3.3.2), check digit verified. */
export function validateProduct(
  input: ProductInput,
  knownCategory: (code: string) => boolean,
  base = "/body",
): Validated<ProductDraft> {
  const errors: FieldError[] = [];
  const err = (f: string, detail: string) => errors.push({ pointer: `${base}/${f}`, detail });
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name) err("name", "name must not be empty");
  if (!isUnit(input.unit)) err("unit", `unknown unit '${input.unit}'`);
  if (!knownCategory(input.categoryCode)) err("categoryCode", `'${input.categoryCode}' is not in the trace catalogue`);
  const shelf = input.shelfLifeDays ?? null;
  if (shelf !== null && (!Number.isInteger(shelf) || shelf < 1 || shelf > 36500))
    err("shelfLifeDays", "shelf life is 1 to 36500 days");
  let gtin: string | null = input.gtin?.trim() || null;
  if (gtin) {
    if (!/^(\d{8}|\d{12,14})$/.test(gtin)) err("gtin", "a GTIN has 8, 12, 13 or 14 digits");
    else {
      gtin = gtin.padStart(14, "0");
      if (!hasValidCheckDigit(gtin)) err("gtin", "the GTIN's check digit is wrong");
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      name,
      spec: input.spec?.trim() || null,
      unit: input.unit as ProductDraft["unit"],
      categoryCode: input.categoryCode,
      shelfLifeDays: shelf,
      gtin,
      description: input.description?.trim() || null,
    }),
  };
}
