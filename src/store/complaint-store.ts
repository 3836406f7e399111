import type { Complaint } from "../core/complaints/complaint.ts";
import type { ComplaintsTable, Db } from "./schema.ts";

export async function insertComplaint(db: Db, c: Complaint): Promise<void> {
  await db.insertInto("complaints").values(c).execute();
}

/** Complaints routed to a region and everything below it (GB/T 2260 prefix), newest first. */
export async function listComplaints(
  db: Db,
  f: { readonly regionPrefix?: string; readonly before?: number; readonly limit: number },
): Promise<Complaint[]> {
  let q = db.selectFrom("complaints").selectAll();
  if (f.regionPrefix) q = q.where("regionCode", "like", `${f.regionPrefix}%`);
  if (f.before !== undefined) q = q.where("createdAt", "<", f.before);
  const rows = await q.orderBy("createdAt", "desc").orderBy("id", "desc").limit(f.limit).execute();
  return rows.map(fromRow);
}

function fromRow(r: ComplaintsTable): Complaint {
  return Object.freeze({
    ...r,
    targetType: r.targetType as Complaint["targetType"],
    category: r.category as Complaint["category"],
    lang: r.lang as Complaint["lang"],
    status: r.status as Complaint["status"],
    createdAt: Number(r.createdAt),
  });
}
