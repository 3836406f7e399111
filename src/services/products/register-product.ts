import { AppError } from "../../core/errors.ts";
import type { Product } from "../../core/products/product.ts";
import { type ProductInput, validateProduct } from "../../core/products/validate-product.ts";
import { listCategories } from "../../store/catalogue-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductByGtin, insertProduct } from "../../store/product-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import type { ServiceContext } from "../service-context.ts";

/** Registers a product of a party. A GTIN belongs to one product on the platform. */
export async function registerProduct(
  ctx: ServiceContext,
  input: ProductInput & { partyId?: string },
): Promise<Product> {
  const partyId = actingPartyId(ctx, input.partyId);
  return ctx.store.transaction(async (tx) => {
    if (!(await findPartyById(tx, partyId)))
      throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    return addProduct(tx, ctx, partyId, input, "/body");
  });
}

/**
 * The body of registering a product, inside the caller's transaction (the party is known to exist): validates,
 * refuses a GTIN already registered, inserts, audits. `base` is the JSON pointer of the input (errors point below it).
 */
export async function addProduct(
  tx: Db,
  ctx: ServiceContext,
  partyId: string,
  input: ProductInput,
  base: string,
): Promise<Product> {
  const codes = new Set((await listCategories(tx)).map((c) => c.code));
  const v = validateProduct(input, (code) => codes.has(code), base);
  if (!v.ok) throw new AppError("validation-failed", v.errors.map((e) => e.detail).join("; "), { errors: v.errors });
  if (v.value.gtin && (await findProductByGtin(tx, v.value.gtin))) {
    throw new AppError("duplicate-gtin", `GTIN ${v.value.gtin} is already registered for another product`, {
      pointer: `${base}/gtin`,
    });
  }
  const now = ctx.clock.now();
  const product: Product = Object.freeze({
    ...v.value,
    id: ctx.newId(),
    partyId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await insertProduct(tx, product);
  await recordAudit(tx, ctx, "product.register", { type: "product", id: product.id }, { partyId, gtin: product.gtin });
  return product;
}
