import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { type AuditEntry, type AuditFilter, listAuditEntries } from "../../store/audit-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** The audit trail, newest first. Operators only: it names keys and addresses. */
export async function listAudit(ctx: ServiceContext, filter: AuditFilter): Promise<AuditEntry[]> {
  if (!isOperator(ctx.actor)) throw new AppError("forbidden", "only platform administrators may read the audit log");
  return listAuditEntries(ctx.store.db, filter);
}
