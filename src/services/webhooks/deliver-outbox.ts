import {
  gs1Signature,
  MAX_WEBHOOK_ATTEMPTS,
  nextAttemptDelayMs,
  signWebhook,
} from "../../core/webhooks/webhook-signature.ts";
import { dueOutbox, markDelivered, markFailed } from "../../store/webhook-store.ts";
import type { Platform } from "../platform.ts";

const TIMEOUT_MS = 10_000;

/**
 * Delivers due notices once each (a pass of the worker). 2xx = delivered; anything else, a timeout or a refused
 * connection = retried later with backoff; after MAX_WEBHOOK_ATTEMPTS the notice stays in the outbox, given up,
 * with its last error for the operator. Returns how many were delivered.
 */
export async function deliverDueNotices(
  platform: Platform,
  fetchImpl: typeof fetch = fetch,
  limit = 100,
): Promise<number> {
  const now = platform.clock.now();
  const due = await dueOutbox(platform.store.db, now, limit);
  let delivered = 0;
  for (const item of due) {
    try {
      const res = await fetchImpl(item.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "suyuan-topic": item.topic,
          "suyuan-delivery": item.id,
          "suyuan-signature": signWebhook(item.secret, item.payloadJson, Math.floor(now / 1000)),
          // EPCIS 2.0 subscription deliveries are query documents, signed as the REST binding says.
          ...(item.topic.startsWith("epcis.")
            ? { "content-type": "application/ld+json", "gs1-signature": gs1Signature(item.secret, item.payloadJson) }
            : {}),
        },
        body: item.payloadJson,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "manual",
      });
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(platform.store.db, item.id, platform.clock.now());
        delivered++;
        continue;
      }
      await fail(platform, item.id, item.attempts, `HTTP ${res.status}`);
    } catch (e) {
      await fail(platform, item.id, item.attempts, (e as Error).message);
    }
  }
  return delivered;
}

async function fail(platform: Platform, id: string, attempts: number, error: string): Promise<void> {
  const giveUp = attempts + 1 >= MAX_WEBHOOK_ATTEMPTS;
  const next = giveUp ? Number.MAX_SAFE_INTEGER : platform.clock.now() + nextAttemptDelayMs(attempts);
  await markFailed(platform.store.db, id, next, giveUp ? `gave up: ${error}` : error);
}

/** The worker role: a delivery pass every `intervalMs` until stopped. */
export function startOutboxWorker(platform: Platform, intervalMs = 1000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(() => deliverDueNotices(platform))
      .catch((e) => platform.logger.error({ err: e }, "webhook delivery pass failed"));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
