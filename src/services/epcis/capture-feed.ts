import { EventEmitter } from "node:events";
import type { Store } from "../../store/store.ts";

/**
 * In-process news of committed captures, for WebSocket subscribers (EPCIS 2.0 REST binding: a query's events
 * streamed over a WebSocket). One feed per store; a capture announces the ids it stored only after its commit.
 * Webhook subscribers do not depend on it: their notices are written in the capture's own transaction.
 */
const feeds = new WeakMap<Store, EventEmitter>();

export function captureFeed(store: Store): EventEmitter {
  let feed = feeds.get(store);
  if (!feed) {
    feed = new EventEmitter();
    feed.setMaxListeners(0);
    feeds.set(store, feed);
  }
  return feed;
}

export function announceCaptured(store: Store, eventIds: readonly string[]): void {
  if (eventIds.length > 0) feeds.get(store)?.emit("captured", eventIds);
}
