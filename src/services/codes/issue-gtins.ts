import { actorRef } from "../../core/auth/actor.ts";
import { composeGtin14, gtinCapacity } from "../../core/codes/gtin-issuance.ts";
import { AppError } from "../../core/errors.ts";
import { insertCodeBlock } from "../../store/code-block-store.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { actingPartyId } from "./acting-party.ts";

/**
 * Issues GTIN-14s from the operator's GS1 company prefix for a party's products that have none (possible only
 * when the operator holds a prefix: GS1_COMPANY_PREFIX). Item references come from one sequence per prefix, so
 * a GTIN is never issued twice; running out is an error, never a wrap-around.
 */
export async function issueGtins(
  ctx: ServiceContext,
  input: { partyId?: string; count: number },
): Promise<{ blockId: string; gtins: string[] }> {
  const prefix = ctx.settings.gs1CompanyPrefix;
  if (!prefix) {
    throw new AppError(
      "gtin-issuance-disabled",
      "this platform holds no GS1 company prefix (GS1_COMPANY_PREFIX); products use platform trace numbers",
    );
  }
  const partyId = actingPartyId(ctx, input.partyId);
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 1000) {
    throw new AppError("validation-failed", "count must be 1 to 1000", { pointer: "/body/count" });
  }
  return ctx.store.transaction(async (tx) => {
    if (!(await findPartyById(tx, partyId)))
      throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    const scope = `gtin:${prefix}`;
    // Item reference 0 is skipped: sequences start at 1.
    const first = await reserveSequence(tx, scope, input.count);
    if (first + input.count > gtinCapacity(prefix)) {
      throw new AppError("codes-exhausted", `the company prefix ${prefix} has no item references left`);
    }
    const blockId = ctx.newId();
    await insertCodeBlock(tx, {
      id: blockId,
      kind: "gtin",
      scope,
      firstValue: first,
      count: input.count,
      partyId,
      issuedAt: ctx.clock.now(),
      issuedBy: actorRef(ctx.actor),
    });
    const gtins = Array.from({ length: input.count }, (_, i) => composeGtin14(prefix, first + i));
    await recordAudit(tx, ctx, "codes.issue-gtins", { type: "code-block", id: blockId }, { partyId, gtins });
    return { blockId, gtins };
  });
}
