import { isOperator } from "../../core/auth/actor.ts";
import type { Category } from "../../core/catalogue/category.ts";
import { AppError } from "../../core/errors.ts";
import { findCategory, listCategories, upsertCategory } from "../../store/catalogue-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";

/** The trace catalogue, public. */
export async function listCatalogue(ctx: ServiceContext): Promise<Category[]> {
  return listCategories(ctx.store.db);
}

/** Adds or changes a category or variety (operators only). */
export async function saveCategory(ctx: ServiceContext, c: Category): Promise<Category> {
  if (!isOperator(ctx.actor)) throw new AppError("forbidden", "only platform administrators edit the trace catalogue");
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(c.code)) {
    throw new AppError("validation-failed", "a code is lower-case words joined by '-', a variety 'category/variety'", {
      pointer: "/body/code",
    });
  }
  return ctx.store.transaction(async (tx) => {
    if (c.parentCode !== null && !(await findCategory(tx, c.parentCode))) {
      throw new AppError("validation-failed", `no category '${c.parentCode}'`, { pointer: "/body/parentCode" });
    }
    await upsertCategory(tx, c);
    await recordAudit(tx, ctx, "catalogue.save", { type: "category", id: c.code });
    return c;
  });
}
