/**
 * Event hash IDs per second (CBV 2.0 §8.9.2) over every event of the JSON-LD hash examples, against the cheapest
 * thing one could do instead — `JSON.stringify` + sha256 of the same events — measured in the same run.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { EpcisEvent } from "../src/core/epcis/index.ts";
import { eventHashId, flattenEpcisDocument } from "../src/core/epcis/index.ts";
import { HASH_DIR, hashVectors, parseDocument, standardContexts } from "../test/conformance/epcis-hash-vectors.ts";
import { type BenchRun, opsPerSecond } from "./harness.ts";

export const run: BenchRun = async (ctx) => {
  const contexts = standardContexts();
  const events: { event: EpcisEvent; context: ReturnType<typeof flattenEpcisDocument>["context"] }[] = [];
  for (const v of hashVectors(join(HASH_DIR, "examples")).filter((x) => x.format === "json")) {
    const flat = flattenEpcisDocument(parseDocument(v.input));
    for (const event of flat.events) events.push({ event, context: flat.context });
  }
  const seconds = ctx.quick ? 0.2 : 2;
  let i = 0;
  const hashIds = opsPerSecond(() => {
    const { event, context } = events[i++ % events.length]!;
    eventHashId(event, { context, contexts });
  }, seconds);
  let j = 0;
  const baseline = opsPerSecond(() => {
    const { event } = events[j++ % events.length]!;
    createHash("sha256").update(JSON.stringify(event)).digest("hex");
  }, seconds);
  return [
    {
      name: `event hash ID (${events.length} example events, JSON-LD)`,
      unit: "events/s",
      value: hashIds,
      baselineName: "JSON.stringify+sha256",
      baselineValue: baseline,
      target: ">= 5,000 events/s",
      met: ctx.quick ? undefined : hashIds >= 5_000,
    },
  ];
};
