import { actorRef, isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { type CaptureJob, findCaptureJob, listCaptureJobs } from "../../store/capture-job-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** A capture job, to the key that made it (or an operator). */
export async function getCaptureJob(ctx: ServiceContext, id: string): Promise<CaptureJob> {
  const job = await findCaptureJob(ctx.store.db, id);
  if (!job || (!isOperator(ctx.actor) && job.actor !== actorRef(ctx.actor)))
    throw new AppError("not-found", `no capture job ${id}`, { extra: { epcisException: "NoSuchResourceException" } });
  return job;
}

export async function listCaptureJobsOf(ctx: ServiceContext): Promise<CaptureJob[]> {
  return listCaptureJobs(ctx.store.db, actorRef(ctx.actor), 100);
}
