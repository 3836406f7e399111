import { parentPort } from "node:worker_threads";
import { type CaptureStamp, checkCapture } from "./check-capture.ts";

/** A capture-pool thread: checks and prepares documents (check-capture.ts), one message in, one out. */
export interface CheckRequest {
  readonly id: number;
  readonly document: unknown;
  readonly base: string;
  readonly xmlHashIds?: readonly string[];
  readonly stamp?: CaptureStamp;
}

const port = parentPort as NonNullable<typeof parentPort>;
port.on("message", (m: CheckRequest) => {
  try {
    port.postMessage({ id: m.id, result: checkCapture(m.document, m.base, m.xmlHashIds, m.stamp) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
port.postMessage({ ready: true });
