import type { Category } from "../core/catalogue/category.ts";
import type { Db } from "./schema.ts";

export async function listCategories(db: Db): Promise<Category[]> {
  const rows = await db.selectFrom("catalogue").selectAll().orderBy("sort").orderBy("code").execute();
  return rows.map((r) => ({ ...r, keyVariety: Number(r.keyVariety) === 1 }));
}

export async function findCategory(db: Db, code: string): Promise<Category | undefined> {
  const r = await db.selectFrom("catalogue").selectAll().where("code", "=", code).executeTakeFirst();
  return r && { ...r, keyVariety: Number(r.keyVariety) === 1 };
}

export async function upsertCategory(db: Db, c: Category): Promise<void> {
  const row = { ...c, keyVariety: c.keyVariety ? 1 : 0 };
  await db
    .insertInto("catalogue")
    .values(row)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        parentCode: c.parentCode,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        keyVariety: row.keyVariety,
        sort: c.sort,
      }),
    )
    .execute();
}
