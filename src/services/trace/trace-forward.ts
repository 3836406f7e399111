import { AppError } from "../../core/errors.ts";
import { documentVisible, traceScopeFor } from "../../core/trace/trace-access.ts";
import type { Trace } from "../../core/trace/trace-model.ts";
import type { ServiceContext } from "../service-context.ts";
import { resolveTraceStart, type TraceQuery } from "./trace-start.ts";
import { type ForwardRoot, walkForward } from "./walk-forward.ts";

/**
 * Forward trace (追踪, 去向可追) from a trace code, a voucher or a party's holding: every downstream holder, through
 * transformations to the output lots, with quantities shipped, received, still held, sold, destroyed, and the
 * shipments in transit. A regulator sees the whole tree; an enterprise its own shipments and products only.
 */
export async function traceForward(ctx: ServiceContext, q: TraceQuery): Promise<Trace> {
  const scope = traceScopeFor(ctx.actor);
  if (!scope) throw new AppError("forbidden", "tracing needs an enterprise or regulator key");
  const start = await resolveTraceStart(ctx, q, scope);
  let roots: ForwardRoot[];
  if (start.kind === "voucher") {
    const s = start.shipment;
    // From a voucher: what became of its goods — from the buyer on, or (for an enterprise) from itself on.
    const from = scope.kind === "own" ? scope.partyId : s.receiver.kind === "party" ? s.receiver.partyId : null;
    roots = [...new Set(s.lines.map((l) => l.lotId))].map((lotId) => ({
      lotId,
      fromPartyId: from ?? s.shipperPartyId,
    }));
  } else {
    const whole = scope.kind === "all" && q.partyId === undefined;
    roots = [{ lotId: start.lot.id, fromPartyId: whole ? null : start.partyId }];
  }
  const trace = await walkForward(ctx.store.db, roots, scope.kind === "own" ? { onlyShipper: scope.partyId } : {});
  return { ...trace, documents: trace.documents.filter((d) => documentVisible(scope, d)) };
}
