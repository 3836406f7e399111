import type { Complaint } from "../../core/complaints/complaint.ts";
import { AppError } from "../../core/errors.ts";
import { regionPrefix } from "../../core/ids/region-code.ts";
import { listComplaints as listStored } from "../../store/complaint-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** The complaints routed to a regulator's region (and below), newest first; operators see all. */
export async function listComplaints(
  ctx: ServiceContext,
  q: { readonly before?: number; readonly limit: number },
): Promise<Complaint[]> {
  const a = ctx.actor;
  if (a.kind === "regulator") return listStored(ctx.store.db, { ...q, regionPrefix: regionPrefix(a.regionCode) });
  if (a.kind === "admin" || a.kind === "system") return listStored(ctx.store.db, q);
  throw new AppError("forbidden", "complaints are read by the regulators they are routed to");
}
