import { AppError } from "../../core/errors.ts";
import { documentVisible, traceScopeFor } from "../../core/trace/trace-access.ts";
import type { Trace } from "../../core/trace/trace-model.ts";
import { shipmentLinesOf } from "../../store/trace-store.ts";
import type { ServiceContext } from "../service-context.ts";
import { resolveTraceStart, type TraceQuery } from "./trace-start.ts";
import { walkBackward } from "./walk-backward.ts";

/**
 * Backward trace (溯源, 源头可溯) from a trace code, a voucher or a party's holding: every hop upstream — who held
 * it, from whom, when, how much — through transformations to every input lot and its own upstream, up to the
 * farms, producers and first-station entries, with the documents at each hop. A read: no transaction, no audit.
 */
export async function traceBackward(ctx: ServiceContext, q: TraceQuery): Promise<Trace> {
  const scope = traceScopeFor(ctx.actor);
  if (!scope) throw new AppError("forbidden", "tracing needs an enterprise or regulator key");
  const start = await resolveTraceStart(ctx, q, scope);
  const db = ctx.store.db;
  const trace =
    start.kind === "holding"
      ? await walkBackward(db, [{ lotId: start.lot.id, partyId: start.partyId }])
      : await (async () => {
          const seedHops = await shipmentLinesOf(db, start.shipment.id);
          return walkBackward(
            db,
            seedHops.map((h) => ({ lotId: h.lotId, partyId: h.fromPartyId })),
            { seedHops },
          );
        })();
  return { ...trace, documents: trace.documents.filter((d) => documentVisible(scope, d)) };
}
