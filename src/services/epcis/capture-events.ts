import { actorRef, isOperator } from "../../core/auth/actor.ts";
import type { PreparedEvent } from "../../core/epcis/capture/prepare-capture.ts";
import { mayCaptureEvents } from "../../core/epcis/event-access.ts";
import { EPCIS_CONTEXT_URL } from "../../core/epcis/platform/platform-context.ts";
import { AppError, type FieldError } from "../../core/errors.ts";
import { type CaptureJob, insertCaptureJob } from "../../store/capture-job-store.ts";
import { eventOwners, insertErrorDeclaration, insertEvents, type StoredEvent } from "../../store/event-store.ts";
import type { RecordSeal } from "../../store/ledger-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { resolveEventParties } from "../events/event-parties.ts";
import type { ServiceContext } from "../service-context.ts";
import { applyWorkflows } from "./apply-workflows.ts";
import { announceCaptured } from "./capture-feed.ts";
import { type CaptureStamp, capturedEventRow, checkCapture } from "./check-capture.ts";
import { notifySubscribers } from "./subscriptions.ts";

/** GS1-EPCIS-Capture-Limit (REST binding): the most events one capture request may carry. */
export const CAPTURE_EVENT_LIMIT = 10_000;

export interface CaptureResult {
  readonly job: CaptureJob;
  /** Ids of the events stored by this capture (already stored ones and error declarations excluded). */
  readonly storedIds: readonly string[];
  readonly eventIds: readonly string[];
}

/**
 * EPCIS capture (EPCIS 2.0 §8.2.2, REST binding `POST /capture`): a document is checked whole — GS1's schema and
 * the semantic checks, every error reported with its pointer — and stored atomically, all its events or none, in
 * ONE transaction with its capture job and audit row. Events already stored (same eventID, which for events
 * without one is the event hash ID) are skipped: a retried capture changes nothing. An event that declares an
 * error on a stored event (same eventID, with errorDeclaration, EPCIS 2.0 §7.4.1.4) records that declaration.
 * `xmlHashIds`: for the XML binding, the hash IDs computed from the XML itself.
 */
export async function captureDocument(
  ctx: ServiceContext,
  document: unknown,
  opts: { xmlHashIds?: readonly string[]; pointerBase?: string } = {},
): Promise<CaptureResult> {
  if (!mayCaptureEvents(ctx.actor))
    throw new AppError("forbidden", "only enterprises and operators capture EPCIS events");
  const base = opts.pointerBase ?? "/body";
  const stamp: CaptureStamp = {
    captureId: ctx.newId(),
    recordTime: ctx.clock.now(),
    partyId: ctx.actor.kind === "enterprise" ? ctx.actor.partyId : null,
  };
  // In the pool the rows' ledger seals are made there too; in this thread the store makes them as it writes.
  const prepared = ctx.capturePool
    ? await ctx.capturePool.check(document, base, opts.xmlHashIds, stamp)
    : checkCapture(document, base, opts.xmlHashIds);
  if (!prepared.ok) throw invalid(prepared.errors);
  if (prepared.events.length > CAPTURE_EVENT_LIMIT)
    throw new AppError("epcis-capture-limit", `a capture carries at most ${CAPTURE_EVENT_LIMIT} events`, {
      extra: { epcisException: "CaptureLimitExceededException" },
    });
  const result = await storeCapture(ctx, prepared.events, base, stamp, prepared.seals);
  announceCaptured(ctx.store, result.storedIds);
  return result;
}

/** `POST /events`: one event, checked and stored like a document of one (pointers relative to the event). */
export async function captureEvent(ctx: ServiceContext, event: unknown): Promise<CaptureResult> {
  const own = (event as { "@context"?: unknown } | null)?.["@context"];
  const doc = {
    "@context": own ?? [EPCIS_CONTEXT_URL],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: new Date(ctx.clock.now()).toISOString(),
    epcisBody: { eventList: [event] },
  };
  try {
    return await captureDocument(ctx, doc, { pointerBase: "" });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "epcis-validation") throw e;
    throw invalid(
      e.errors.map((f) => ({
        ...f,
        pointer: `/body${f.pointer.replace(/^\/epcisBody\/eventList\/0/, "").replace(/^\/@context/, "/@context")}`,
      })),
    );
  }
}

function invalid(errors: readonly FieldError[]): AppError {
  return new AppError(
    "epcis-validation",
    `${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors
      .slice(0, 5)
      .map((e) => `${e.pointer} ${e.detail}`)
      .join("; ")}${errors.length > 5 ? "; …" : ""}`,
    { errors, extra: { epcisException: "ValidationException" } },
  );
}

async function storeCapture(
  ctx: ServiceContext,
  events: readonly PreparedEvent[],
  pointerBase: string,
  stamp: CaptureStamp,
  seals: ReadonlyMap<string, RecordSeal> | undefined,
): Promise<CaptureResult> {
  const { partyId, captureId: id, recordTime: now } = stamp;
  return ctx.store.transaction(async (tx) => {
    const owner = partyId === null ? null : ((await findPartyById(tx, partyId)) ?? null);
    if (partyId !== null && !owner) throw new AppError("not-found", "the key's party no longer exists");
    const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
    const declared = await declarations(tx, ctx, unique);
    const toStore = unique.filter((e) => !declared.has(e.eventId));
    const parties = await resolveEventParties(
      tx,
      ctx.settings.publicBaseUrl,
      toStore.map((e) => ({ owner, event: e.event })),
    );
    const rows: StoredEvent[] = toStore.map((e, i) => capturedEventRow(e, stamp, parties[i] ?? []));
    const inserted = await insertEvents(tx, rows, seals);
    if (owner) {
      const position = new Map(events.map((e, i) => [e, i]));
      const fresh = toStore.flatMap((prepared, i) =>
        inserted.has(prepared.eventId)
          ? [{ prepared, parties: parties[i] ?? [], index: position.get(prepared) ?? 0 }]
          : [],
      );
      await applyWorkflows(tx, ctx, owner, fresh, (i) => `${pointerBase}/epcisBody/eventList/${i}`);
    }
    const job: CaptureJob = {
      id,
      actor: actorRef(ctx.actor),
      partyId,
      createdAt: now,
      finishedAt: now,
      running: false,
      success: true,
      errorBehaviour: "rollback",
      eventCount: events.length,
      storedCount: inserted.size,
      errors: [],
    };
    await insertCaptureJob(tx, job);
    await notifySubscribers(
      tx,
      ctx,
      rows.filter((r) => inserted.has(r.eventId)).map((r) => r.eventId),
    );
    await recordAudit(
      tx,
      ctx,
      "epcis.capture",
      { type: "captureJob", id },
      { events: events.length, stored: inserted.size, errorDeclarations: declared.size },
    );
    return {
      job,
      storedIds: rows.filter((r) => inserted.has(r.eventId)).map((r) => r.eventId),
      eventIds: unique.map((e) => e.eventId),
    };
  });
}

/**
 * Events that declare an error on an event already stored (EPCIS 2.0 §7.4.1.4): recorded as declarations; the
 * stored event itself never changes. Returns their ids.
 */
async function declarations(tx: Db, ctx: ServiceContext, events: readonly PreparedEvent[]): Promise<Set<string>> {
  const candidates = events.filter((e) => e.event.errorDeclaration !== undefined);
  if (candidates.length === 0) return new Set();
  const stored = await eventOwners(
    tx,
    candidates.map((e) => e.eventId),
  );
  for (const e of candidates) {
    if (!stored.has(e.eventId)) continue;
    const owner = stored.get(e.eventId);
    if (!isOperator(ctx.actor) && (ctx.actor.kind !== "enterprise" || owner !== ctx.actor.partyId))
      throw new AppError("forbidden", `only the party that recorded event ${e.eventId} declares an error on it`);
    const d = e.event.errorDeclaration as { declarationTime?: string; reason?: string };
    await insertErrorDeclaration(tx, {
      eventId: e.eventId,
      declaredAt: Date.parse(String(d.declarationTime)),
      reason: d.reason ?? "incorrect_data",
      note: null,
      declaredBy: actorRef(ctx.actor),
      declaration: e.event,
    });
  }
  return new Set(candidates.filter((e) => stored.has(e.eventId)).map((e) => e.eventId));
}
