import type { Db } from "./schema.ts";

export interface Webhook {
  readonly id: string;
  readonly partyId: string;
  readonly url: string;
  readonly secret: string;
  readonly active: boolean;
  readonly createdAt: number;
}

export interface OutboxItem {
  readonly id: string;
  readonly webhookId: string;
  readonly topic: string;
  readonly payloadJson: string;
  readonly attempts: number;
  readonly url: string;
  readonly secret: string;
}

export async function insertWebhook(db: Db, w: Webhook): Promise<void> {
  await db
    .insertInto("webhooks")
    .values({ ...w, active: w.active ? 1 : 0 })
    .execute();
}

export async function activeWebhooksOf(db: Db, partyId: string): Promise<Webhook[]> {
  const rows = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("partyId", "=", partyId)
    .where("active", "=", 1)
    .execute();
  return rows.map((r) => ({ ...r, active: true, createdAt: Number(r.createdAt) }));
}

export async function enqueue(
  db: Db,
  items: readonly { id: string; webhookId: string; topic: string; payloadJson: string; at: number }[],
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto("outbox")
    .values(
      items.map((i) => ({
        id: i.id,
        webhookId: i.webhookId,
        topic: i.topic,
        payloadJson: i.payloadJson,
        createdAt: i.at,
        attempts: 0,
        nextAttemptAt: i.at,
        deliveredAt: null,
        lastError: null,
      })),
    )
    .execute();
}

/** Notices due for (another) delivery attempt, oldest first. */
export async function dueOutbox(db: Db, now: number, limit: number): Promise<OutboxItem[]> {
  const rows = await db
    .selectFrom("outbox")
    .innerJoin("webhooks", "webhooks.id", "outbox.webhookId")
    .select([
      "outbox.id",
      "outbox.webhookId",
      "outbox.topic",
      "outbox.payloadJson",
      "outbox.attempts",
      "webhooks.url",
      "webhooks.secret",
    ])
    .where("outbox.deliveredAt", "is", null)
    .where("outbox.nextAttemptAt", "<=", now)
    .orderBy("outbox.nextAttemptAt")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

export async function markDelivered(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ deliveredAt: at, attempts: eb("attempts", "+", 1), lastError: null }))
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Db, id: string, nextAttemptAt: number, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), nextAttemptAt, lastError: error.slice(0, 500) }))
    .where("id", "=", id)
    .execute();
}
