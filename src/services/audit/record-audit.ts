import { actorRef } from "../../core/auth/actor.ts";
import { insertAuditEntry } from "../../store/audit-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Writes the audit row of a use case. Called with the use case's transaction handle so that the change and its
 * audit row commit together (STYLE rule 5): there is no write without its "who, what, when, from where".
 */
export async function recordAudit(
  tx: Db,
  ctx: ServiceContext,
  action: string,
  target: { type: string; id: string | null },
  details: Record<string, unknown> | null = null,
): Promise<void> {
  await insertAuditEntry(tx, {
    id: ctx.newId(),
    at: ctx.clock.now(),
    actor: actorRef(ctx.actor),
    actorPartyId: ctx.actor.kind === "enterprise" ? ctx.actor.partyId : null,
    action,
    targetType: target.type,
    targetId: target.id,
    details,
    source: ctx.origin.source,
    requestId: ctx.origin.requestId,
    userAgent: ctx.origin.userAgent,
  });
}
