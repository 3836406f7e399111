import { actorRef, isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { findApiKeyById, revokeApiKey } from "../../store/api-key-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";

/** Revokes a key. Effective at once: every request looks the key up, nothing caches it. */
export async function revokeKey(ctx: ServiceContext, id: string): Promise<void> {
  if (!isOperator(ctx.actor)) throw new AppError("forbidden", "only administrators may revoke API keys");
  await ctx.store.transaction(async (tx) => {
    const key = await findApiKeyById(tx, id);
    if (!key) throw new AppError("not-found", `no API key with id ${id}`, { pointer: "/id" });
    if (key.revokedAt !== null) return;
    await revokeApiKey(tx, id, ctx.clock.now(), actorRef(ctx.actor));
    await recordAudit(tx, ctx, "api-key.revoke", { type: "api-key", id });
  });
}
