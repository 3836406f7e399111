import type { Db } from "../../store/schema.ts";
import { activeWebhooksOf, enqueue } from "../../store/webhook-store.ts";
import type { ServiceContext } from "../service-context.ts";

export type WebhookTopic =
  | "receipt.pending"
  | "receipt.confirmed"
  | "shipment.rejected"
  | "recall.opened"
  | "lot.near-expiry"
  | "lot.expired";

/**
 * Queues a notice for each of a party's webhooks, inside the caller's transaction: the notice is sent if and only
 * if the change it reports was committed, and a crash before delivery loses nothing (the worker resumes).
 */
export async function notifyParty(
  tx: Db,
  ctx: ServiceContext,
  partyId: string,
  topic: WebhookTopic,
  data: Record<string, unknown>,
): Promise<void> {
  const hooks = await activeWebhooksOf(tx, partyId);
  const at = ctx.clock.now();
  await enqueue(
    tx,
    hooks.map((h) => {
      const id = ctx.newId();
      return {
        id,
        webhookId: h.id,
        topic,
        at,
        payloadJson: JSON.stringify({ id, topic, createdAt: new Date(at).toISOString(), partyId, data }),
      };
    }),
  );
}
