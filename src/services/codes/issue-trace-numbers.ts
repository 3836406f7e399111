import { actorRef } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { composeTraceNumber, TRACE_SEQUENCE_MAX } from "../../core/codes/trace-number.ts";
import { AppError } from "../../core/errors.ts";
import { insertCodeBlock } from "../../store/code-block-store.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { actingPartyId } from "./acting-party.ts";

export const MAX_CODES_PER_REQUEST = 10_000;

export interface IssuedTraceNumbers {
  readonly blockId: string;
  readonly codes: string[];
  /** The resolver URL of each code: {PUBLIC_BASE_URL}/t/{CODE}. */
  readonly urls: string[];
}

/**
 * Reserves platform trace numbers for a party (e.g. to pre-print a roll of labels): one block of consecutive
 * sequence values in the party's region for today, recorded with who asked, in one transaction.
 */
export async function issueTraceNumbers(
  ctx: ServiceContext,
  input: { partyId?: string; count: number },
): Promise<IssuedTraceNumbers> {
  const partyId = actingPartyId(ctx, input.partyId);
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES_PER_REQUEST) {
    throw new AppError("validation-failed", `count must be 1 to ${MAX_CODES_PER_REQUEST}`, { pointer: "/body/count" });
  }
  return ctx.store.transaction(async (tx) => {
    const party = await findPartyById(tx, partyId);
    if (!party) throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    const issued = await reserveTraceNumbers(tx, ctx, party.regionCode, partyId, input.count);
    await recordAudit(
      tx,
      ctx,
      "codes.issue-trace-numbers",
      { type: "code-block", id: issued.blockId },
      { partyId, count: input.count },
    );
    return issued;
  });
}

/** The reservation itself, for use inside other use cases' transactions (coding a lot without a GTIN). */
export async function reserveTraceNumbers(
  tx: Db,
  ctx: ServiceContext,
  regionCode: string,
  partyId: string,
  count: number,
  // Vouchers draw from the same sequence as trace numbers, so a platform code is unique whatever it names.
  kind: "trace-number" | "voucher" = "trace-number",
): Promise<IssuedTraceNumbers> {
  const now = ctx.clock.now();
  const issuedOn = chinaDate(now);
  const scope = `t:${regionCode}:${issuedOn}`;
  const first = await reserveSequence(tx, scope, count);
  if (first + count - 1 > TRACE_SEQUENCE_MAX) {
    throw new AppError("codes-exhausted", `no more trace numbers for region ${regionCode} today; try again tomorrow`);
  }
  const blockId = ctx.newId();
  await insertCodeBlock(tx, {
    id: blockId,
    kind,
    scope,
    firstValue: first,
    count,
    partyId,
    issuedAt: now,
    issuedBy: actorRef(ctx.actor),
  });
  const codes = Array.from({ length: count }, (_, i) =>
    composeTraceNumber({ regionCode, issuedOn, sequence: first + i }),
  );
  const path = kind === "voucher" ? "v" : "t";
  return { blockId, codes, urls: codes.map((c) => `${ctx.settings.publicBaseUrl}/${path}/${c}`) };
}
