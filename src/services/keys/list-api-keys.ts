import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { type ApiKeyRecord, listApiKeys } from "../../store/api-key-store.ts";
import type { ServiceContext } from "../service-context.ts";

export async function listKeys(ctx: ServiceContext): Promise<ApiKeyRecord[]> {
  if (!isOperator(ctx.actor)) throw new AppError("forbidden", "only administrators may list API keys");
  return listApiKeys(ctx.store.db);
}
