import type { Product } from "../core/products/product.ts";
import { chunked } from "./batch.ts";
import { commitRecords } from "./ledger-store.ts";
import type { Db, ProductsTable } from "./schema.ts";

export async function insertProduct(db: Db, p: Product): Promise<void> {
  await db.insertInto("products").values(p).execute();
  await commitRecords(db, "product", [p], p.updatedAt);
}

/** Many products in multi-row statements, each committed to the ledger. */
export async function insertProducts(db: Db, products: readonly Product[]): Promise<void> {
  for (const chunk of chunked(products, 12)) await db.insertInto("products").values(chunk).execute();
  await commitRecords(db, "product", products, products[0]?.updatedAt ?? 0);
}

export async function findProductById(db: Db, id: string): Promise<Product | undefined> {
  const row = await db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

export async function findProductsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Product>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("products")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

export async function findProductByGtin(db: Db, gtin: string): Promise<Product | undefined> {
  const row = await db.selectFrom("products").selectAll().where("gtin", "=", gtin).executeTakeFirst();
  return row && fromRow(row);
}

/** A party's products with exactly this name, at most `limit` of them (imports name products as people do). */
export async function findProductsOfPartyByName(db: Db, partyId: string, name: string, limit = 2): Promise<Product[]> {
  const rows = await db
    .selectFrom("products")
    .selectAll()
    .where("partyId", "=", partyId)
    .where("name", "=", name)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

export async function listProductsOfParty(
  db: Db,
  partyId: string,
  afterId: string | undefined,
  limit: number,
): Promise<Product[]> {
  let q = db.selectFrom("products").selectAll().where("partyId", "=", partyId);
  if (afterId) q = q.where("id", ">", afterId);
  return (await q.orderBy("id").limit(limit).execute()).map(fromRow);
}

function fromRow(r: ProductsTable): Product {
  return Object.freeze({
    ...r,
    unit: r.unit as Product["unit"],
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
  });
}

/**
 * A product whose GTIN starts with `prefix` (a GS1 company prefix inside a GTIN-14), with its party's name: tells
 * a consumer whose code is unknown which producer on the platform uses that prefix. A range on the unique GTIN
 * index rather than LIKE, which neither engine can serve from an index in every collation.
 */
export async function findProducerOfGtinPrefix(
  db: Db,
  prefix: string,
): Promise<{ partyId: string; partyName: string } | undefined> {
  return db
    .selectFrom("products")
    .innerJoin("parties", "parties.id", "products.partyId")
    .select(["products.partyId", "parties.name as partyName"])
    .where("products.gtin", ">=", prefix)
    .where("products.gtin", "<", `${prefix}:`)
    .limit(1)
    .executeTakeFirst();
}
