import { AppError } from "../../core/errors.ts";
import type { Product } from "../../core/products/product.ts";
import { findProductById, listProductsOfParty } from "../../store/product-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** Products are public catalogue information (they appear on consumer pages). */
export async function listProducts(ctx: ServiceContext, partyId: string, cursor: string | undefined, limit: number) {
  const rows = await listProductsOfParty(ctx.store.db, partyId, cursor, limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  const p = await findProductById(ctx.store.db, id);
  if (!p) throw new AppError("not-found", `no product with id ${id}`, { pointer: "/params/id" });
  return p;
}
