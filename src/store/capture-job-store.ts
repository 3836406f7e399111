import type { FieldError } from "../core/errors.ts";
import type { Db } from "./schema.ts";

/** An EPCIS 2.0 capture job (REST binding `/capture/{captureID}`): how one capture request went. */
export interface CaptureJob {
  readonly id: string;
  readonly actor: string;
  readonly partyId: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  readonly running: boolean;
  readonly success: boolean;
  readonly errorBehaviour: "rollback" | "proceed";
  readonly eventCount: number;
  readonly storedCount: number;
  readonly errors: readonly FieldError[];
}

export async function insertCaptureJob(db: Db, j: CaptureJob): Promise<void> {
  await db
    .insertInto("captureJobs")
    .values({
      id: j.id,
      actor: j.actor,
      partyId: j.partyId,
      createdAt: j.createdAt,
      finishedAt: j.finishedAt,
      running: j.running ? 1 : 0,
      success: j.success ? 1 : 0,
      errorBehaviour: j.errorBehaviour,
      eventCount: j.eventCount,
      storedCount: j.storedCount,
      errorsJson: JSON.stringify(j.errors),
    })
    .execute();
}

export async function findCaptureJob(db: Db, id: string): Promise<CaptureJob | undefined> {
  const row = await db.selectFrom("captureJobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

/** The newest jobs of one actor first. */
export async function listCaptureJobs(db: Db, actor: string, limit: number): Promise<CaptureJob[]> {
  const rows = await db
    .selectFrom("captureJobs")
    .selectAll()
    .where("actor", "=", actor)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

function fromRow(r: {
  id: string;
  actor: string;
  partyId: string | null;
  createdAt: number;
  finishedAt: number | null;
  running: number;
  success: number;
  errorBehaviour: string;
  eventCount: number;
  storedCount: number;
  errorsJson: string;
}): CaptureJob {
  return {
    ...r,
    createdAt: Number(r.createdAt),
    finishedAt: r.finishedAt === null ? null : Number(r.finishedAt),
    running: Number(r.running) === 1,
    success: Number(r.success) === 1,
    errorBehaviour: r.errorBehaviour === "proceed" ? "proceed" : "rollback",
    eventCount: Number(r.eventCount),
    storedCount: Number(r.storedCount),
    errors: JSON.parse(r.errorsJson),
  };
}
