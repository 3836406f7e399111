import { randomBytes } from "node:crypto";
import { type Actor, actorRef, isOperator } from "../../core/auth/actor.ts";
import { eventAccessFor } from "../../core/epcis/event-access.ts";
import { queryDocument } from "../../core/epcis/query/query-document.ts";
import { AppError } from "../../core/errors.ts";
import { queryEvents } from "../../store/epcis-query-store.ts";
import {
  deleteSubscription as deleteRow,
  findNamedQuery,
  insertSubscription,
  listSubscriptions,
  type Subscription,
} from "../../store/epcis-subscription-store.ts";
import type { Db } from "../../store/schema.ts";
import { enqueue, insertWebhook } from "../../store/webhook-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { isPrivateHost } from "../webhooks/register-webhook.ts";
import { getNamedQuery } from "./named-queries.ts";
import { parseQueryOrThrow } from "./query-events.ts";

export const SUBSCRIPTION_TOPIC = "epcis.subscription";

/**
 * Subscribing to a named query (EPCIS 2.0 §8.2.5, REST binding `POST /queries/{name}/subscriptions`): a stream
 * subscription (`stream: true`) is sent every captured event that matches, as an EPCISQueryDocument POSTed to
 * `dest` and signed with the client's `signatureToken` (header GS1-Signature). Deliveries go through the outbox,
 * written in the capture's own transaction, so a notice exists exactly when its events were committed. The
 * subscriber sees only what it may read. Webhook subscriptions belong to an enterprise's party (the outbox keeps
 * webhooks per party); any key may stream over a WebSocket instead.
 */
export async function subscribe(
  ctx: ServiceContext,
  queryName: string,
  input: { dest?: string; signatureToken?: string; stream?: boolean; schedule?: unknown; reportIfEmpty?: boolean },
): Promise<{ subscription: Subscription; signatureToken: string }> {
  await getNamedQuery(ctx, queryName);
  if (ctx.actor.kind !== "enterprise")
    throw new AppError("forbidden", "webhook subscriptions belong to an enterprise key; use the WebSocket stream");
  if (input.schedule !== undefined)
    throw new AppError(
      "validation-failed",
      "scheduled subscriptions are not offered yet; subscribe with stream: true",
      {
        pointer: "/body/schedule",
      },
    );
  if (input.stream !== true)
    throw new AppError("validation-failed", "set stream to true (EPCIS 2.0: a subscription streams or is scheduled)", {
      pointer: "/body/stream",
    });
  const dest = checkedDest(ctx, input.dest);
  const signatureToken = input.signatureToken ?? randomBytes(24).toString("base64url");
  const partyId = ctx.actor.partyId;
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const webhookId = ctx.newId();
    await insertWebhook(tx, {
      id: webhookId,
      partyId,
      url: dest,
      secret: signatureToken,
      active: true,
      createdAt: now,
    });
    const subscription: Subscription = {
      id: ctx.newId(),
      queryName,
      webhookId,
      dest,
      stream: true,
      schedule: null,
      reportIfEmpty: input.reportIfEmpty ?? false,
      initialRecordTime: null,
      actor: ctx.actor as unknown as Record<string, unknown>,
      createdBy: actorRef(ctx.actor),
      createdAt: now,
    };
    await insertSubscription(tx, subscription);
    await recordAudit(
      tx,
      ctx,
      "epcis.subscribe",
      { type: "epcisSubscription", id: subscription.id },
      { queryName, dest },
    );
    return { subscription, signatureToken };
  });
}

function checkedDest(ctx: ServiceContext, dest: string | undefined): string {
  let url: URL;
  try {
    url = new URL(String(dest));
  } catch {
    throw new AppError("validation-failed", "dest must be the URL to deliver to", { pointer: "/body/dest" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AppError("validation-failed", "use an https URL", { pointer: "/body/dest" });
  if (!ctx.settings.webhookAllowPrivateNetworks && isPrivateHost(url.hostname))
    throw new AppError("validation-failed", "dest may not point into private or loopback networks", {
      pointer: "/body/dest",
    });
  return url.toString();
}

export async function listQuerySubscriptions(ctx: ServiceContext, queryName: string): Promise<Subscription[]> {
  await getNamedQuery(ctx, queryName);
  const all = await listSubscriptions(ctx.store.db, { queryName });
  return isOperator(ctx.actor) ? all : all.filter((s) => s.createdBy === actorRef(ctx.actor));
}

export async function unsubscribe(ctx: ServiceContext, queryName: string, id: string): Promise<void> {
  const mine = await listQuerySubscriptions(ctx, queryName);
  if (!mine.some((s) => s.id === id))
    throw new AppError("not-found", `no subscription ${id}`, { extra: { epcisException: "NoSuchResourceException" } });
  await ctx.store.transaction(async (tx) => {
    await deleteRow(tx, id);
    await recordAudit(tx, ctx, "epcis.unsubscribe", { type: "epcisSubscription", id }, { queryName });
  });
}

/**
 * Inside a capture's transaction: for every stream subscription, the newly stored events that match its query
 * and that its subscriber may read, queued as one EPCISQueryDocument for its webhook.
 */
export async function notifySubscribers(tx: Db, ctx: ServiceContext, storedIds: readonly string[]): Promise<void> {
  if (storedIds.length === 0) return;
  const subs = await listSubscriptions(tx, { stream: true });
  for (const s of subs) {
    const access = eventAccessFor(s.actor as unknown as Actor);
    if (!access || !s.webhookId) continue;
    const named = await getQueryRow(tx, s.queryName);
    const events = await queryEvents(tx, parseQueryOrThrow(named), access, {
      limit: storedIds.length,
      onlyIds: storedIds,
    });
    if (events.length === 0 && !s.reportIfEmpty) continue;
    const at = ctx.clock.now();
    const doc = queryDocument(events, at, { queryName: s.queryName, subscriptionID: s.id });
    await enqueue(tx, [
      { id: ctx.newId(), webhookId: s.webhookId, topic: SUBSCRIPTION_TOPIC, payloadJson: JSON.stringify(doc), at },
    ]);
  }
}

async function getQueryRow(tx: Db, name: string): Promise<Readonly<Record<string, unknown>>> {
  return (await findNamedQuery(tx, name))?.query ?? {};
}
