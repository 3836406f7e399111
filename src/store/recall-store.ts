import type { Recall, RecallCriteria, RecallLevel, RecallStatus, RecallTask } from "../core/recalls/recall.ts";
import { chunked } from "./batch.ts";
import { commitRecords } from "./ledger-store.ts";
import { markLotsDirty, markRecallLotsDirty } from "./public-lot-store.ts";
import type { Db, RecallsTable, RecallTasksTable } from "./schema.ts";

export async function insertRecall(db: Db, r: Recall): Promise<void> {
  const row = {
    id: r.id,
    initiatorKind: r.initiator.kind,
    initiatorPartyId: r.initiator.kind === "producer" ? r.initiator.partyId : null,
    initiatorRegion: r.initiator.kind === "regulator" ? r.initiator.regionCode : null,
    producerPartyId: r.producerPartyId,
    level: r.level,
    reason: r.reason,
    criteriaJson: JSON.stringify(r.criteria),
    status: r.status,
    openedAt: r.openedAt,
    openedBy: r.openedBy,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    closeNote: r.closeNote,
    eventId: r.eventId,
  };
  await db.insertInto("recalls").values(row).execute();
  await commitRecords(db, "recall", [row], r.openedAt);
}

/** The lots in a recall's scope; `named` are the ones the recall names, the rest were made from them. */
export async function insertRecallLots(
  db: Db,
  recallId: string,
  lotIds: readonly string[],
  named: ReadonlySet<string>,
): Promise<void> {
  for (const part of chunked(lotIds, 3)) {
    await db
      .insertInto("recallLots")
      .values(part.map((lotId) => ({ recallId, lotId, named: named.has(lotId) ? 1 : 0 })))
      .execute();
  }
  // The recall banner must show from the recall's commit on: the lots' public records are rebuilt when read.
  await markLotsDirty(db, lotIds);
}

export async function insertRecallTasks(db: Db, tasks: readonly RecallTask[]): Promise<void> {
  for (const part of chunked(tasks, 11)) await db.insertInto("recallTasks").values(part).execute();
  await commitRecords(db, "recall-task", tasks, tasks[0]?.createdAt ?? 0);
}

/** A changed recall or task is committed again; its new entry supersedes the last one. */
async function recommit(
  db: Db,
  kind: "recall" | "recall-task",
  table: "recalls" | "recallTasks",
  id: string,
  at: number,
) {
  const row = await db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
  if (row) await commitRecords(db, kind, [row], at, { supersede: true });
}

export async function findRecallById(db: Db, id: string): Promise<Recall | undefined> {
  const row = await db.selectFrom("recalls").selectAll().where("id", "=", id).executeTakeFirst();
  return row && recallFromRow(row);
}

/** Recalls, newest first: all, or those of producers in a region (GB/T 2260 prefix), or of one producer. */
export async function listRecalls(
  db: Db,
  f: { readonly regionPrefix?: string; readonly producerPartyId?: string; readonly limit: number },
): Promise<Recall[]> {
  let q = db.selectFrom("recalls").innerJoin("parties", "parties.id", "recalls.producerPartyId").selectAll("recalls");
  if (f.regionPrefix) q = q.where("parties.regionCode", "like", `${f.regionPrefix}%`);
  if (f.producerPartyId) q = q.where("recalls.producerPartyId", "=", f.producerPartyId);
  const rows = await q.orderBy("recalls.openedAt", "desc").limit(f.limit).execute();
  return rows.map(recallFromRow);
}

export async function lotIdsOfRecall(db: Db, recallId: string): Promise<{ lotId: string; named: boolean }[]> {
  const rows = await db
    .selectFrom("recallLots")
    .select(["lotId", "named"])
    .where("recallId", "=", recallId)
    .orderBy("lotId")
    .execute();
  return rows.map((r) => ({ lotId: r.lotId, named: Number(r.named) === 1 }));
}

/** The open recalls covering any of the given lots (what every ship, sale, use and receipt checks). */
export async function openRecallsOfLots(
  db: Db,
  lotIds: readonly string[],
): Promise<{ lotId: string; recallId: string }[]> {
  if (lotIds.length === 0) return [];
  const out: { lotId: string; recallId: string }[] = [];
  for (const part of chunked([...new Set(lotIds)], 1)) {
    out.push(
      ...(await db
        .selectFrom("recallLots")
        .innerJoin("recalls", "recalls.id", "recallLots.recallId")
        .select(["recallLots.lotId", "recallLots.recallId"])
        .where("recallLots.lotId", "in", part)
        .where("recalls.status", "=", "open")
        .orderBy("recalls.openedAt")
        .execute()),
    );
  }
  return out;
}

export async function closeRecall(
  db: Db,
  id: string,
  c: { at: number; by: string; note: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable("recalls")
    .set({ status: "closed", closedAt: c.at, closedBy: c.by, closeNote: c.note })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await recommit(db, "recall", "recalls", id, c.at);
  await markRecallLotsDirty(db, id);
  return true;
}

export async function tasksOfRecall(db: Db, recallId: string): Promise<RecallTask[]> {
  const rows = await db
    .selectFrom("recallTasks")
    .selectAll()
    .where("recallId", "=", recallId)
    .orderBy("lotId")
    .orderBy("partyId")
    .execute();
  return rows.map(taskFromRow);
}

/** A holder's tasks (its recall inbox), newest recall first; open recalls only unless asked. */
export async function tasksOfParty(
  db: Db,
  partyId: string,
  openOnly: boolean,
  limit: number,
): Promise<{ task: RecallTask; recall: Recall }[]> {
  let q = db
    .selectFrom("recallTasks")
    .innerJoin("recalls", "recalls.id", "recallTasks.recallId")
    .selectAll("recalls")
    .select([
      "recallTasks.id as taskId",
      "recallTasks.partyId as taskPartyId",
      "recallTasks.lotId",
      "recallTasks.heldMilli",
      "recallTasks.inTransitMilli",
      "recallTasks.returnedMilli",
      "recallTasks.destroyedMilli",
      "recallTasks.acknowledgedAt",
      "recallTasks.stopSaleAt",
      "recallTasks.createdAt",
    ])
    .where("recallTasks.partyId", "=", partyId);
  if (openOnly) q = q.where("recalls.status", "=", "open");
  const rows = await q.orderBy("recalls.openedAt", "desc").orderBy("recallTasks.lotId").limit(limit).execute();
  return rows.map((r) => ({
    recall: recallFromRow(r),
    task: taskFromRow({
      id: r.taskId,
      recallId: r.id,
      partyId: r.taskPartyId,
      lotId: r.lotId,
      heldMilli: r.heldMilli,
      inTransitMilli: r.inTransitMilli,
      returnedMilli: r.returnedMilli,
      destroyedMilli: r.destroyedMilli,
      acknowledgedAt: r.acknowledgedAt,
      stopSaleAt: r.stopSaleAt,
      createdAt: r.createdAt,
    }),
  }));
}

export async function findTaskById(db: Db, id: string): Promise<RecallTask | undefined> {
  const row = await db.selectFrom("recallTasks").selectAll().where("id", "=", id).executeTakeFirst();
  return row && taskFromRow(row);
}

/** Sets a task's acknowledged and/or stop-sale time where not yet set (the first time counts). */
export async function markTask(
  db: Db,
  id: string,
  what: { acknowledgedAt?: number; stopSaleAt?: number },
): Promise<void> {
  if (what.acknowledgedAt !== undefined) {
    await db
      .updateTable("recallTasks")
      .set({ acknowledgedAt: what.acknowledgedAt })
      .where("id", "=", id)
      .where("acknowledgedAt", "is", null)
      .execute();
  }
  if (what.stopSaleAt !== undefined) {
    await db
      .updateTable("recallTasks")
      .set({ stopSaleAt: what.stopSaleAt })
      .where("id", "=", id)
      .where("stopSaleAt", "is", null)
      .execute();
  }
  await recommit(db, "recall-task", "recallTasks", id, what.stopSaleAt ?? what.acknowledgedAt ?? 0);
}

/** Adds recovered quantity (returned or destroyed) to a holder's task of an open recall; false when it has none. */
export async function addRecovery(
  db: Db,
  r: { recallId: string; lotId: string; partyId: string; field: "returnedMilli" | "destroyedMilli"; milli: number },
): Promise<boolean> {
  const res = await db
    .updateTable("recallTasks")
    .set((eb) => ({ [r.field]: eb(r.field, "+", r.milli) }))
    .where("recallId", "=", r.recallId)
    .where("lotId", "=", r.lotId)
    .where("partyId", "=", r.partyId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  const task = await db
    .selectFrom("recallTasks")
    .selectAll()
    .where("recallId", "=", r.recallId)
    .where("lotId", "=", r.lotId)
    .where("partyId", "=", r.partyId)
    .execute();
  await commitRecords(db, "recall-task", task, Date.now(), { supersede: true });
  return true;
}

function recallFromRow(r: RecallsTable): Recall {
  return Object.freeze({
    id: r.id,
    initiator:
      r.initiatorKind === "producer"
        ? { kind: "producer" as const, partyId: r.initiatorPartyId as string }
        : { kind: "regulator" as const, regionCode: r.initiatorRegion as string },
    producerPartyId: r.producerPartyId,
    level: r.level as RecallLevel,
    reason: r.reason,
    criteria: JSON.parse(r.criteriaJson) as RecallCriteria,
    status: r.status as RecallStatus,
    openedAt: Number(r.openedAt),
    openedBy: r.openedBy,
    closedAt: r.closedAt === null ? null : Number(r.closedAt),
    closedBy: r.closedBy,
    closeNote: r.closeNote,
    eventId: r.eventId,
  });
}

function taskFromRow(r: RecallTasksTable): RecallTask {
  return Object.freeze({
    ...r,
    heldMilli: Number(r.heldMilli),
    inTransitMilli: Number(r.inTransitMilli),
    returnedMilli: Number(r.returnedMilli),
    destroyedMilli: Number(r.destroyedMilli),
    acknowledgedAt: r.acknowledgedAt === null ? null : Number(r.acknowledgedAt),
    stopSaleAt: r.stopSaleAt === null ? null : Number(r.stopSaleAt),
    createdAt: Number(r.createdAt),
  });
}
