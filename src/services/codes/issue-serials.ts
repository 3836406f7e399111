import { randomBytes } from "node:crypto";
import { actorRef } from "../../core/auth/actor.ts";
import { isValidLotCode } from "../../core/codes/lot-code.ts";
import { SERIAL_LENGTH, serialFromRandom } from "../../core/codes/serial-number.ts";
import { AppError } from "../../core/errors.ts";
import { hasValidCheckDigit } from "../../core/gs1/index.ts";
import { insertCodeBlock } from "../../store/code-block-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { insertSerials, type SerialRecord } from "../../store/serial-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { actingPartyId } from "./acting-party.ts";

export const MAX_SERIALS_PER_REQUEST = 100_000;

/**
 * Issues N serial numbers for a GTIN (and lot) — 一物一码 for special foods such as infant formula. Serials are
 * random (see core/codes/serial-number.ts), unique per GTIN (primary key; a clash is simply drawn again), and
 * stored with the party and the block, all in one transaction.
 */
export async function issueSerials(
  ctx: ServiceContext,
  input: { partyId?: string; gtin: string; lot?: string; count: number },
): Promise<{ blockId: string; gtin: string; lot: string | null; serials: string[]; urls: string[] }> {
  const partyId = actingPartyId(ctx, input.partyId);
  const gtin = input.gtin.length < 14 ? input.gtin.padStart(14, "0") : input.gtin;
  if (!/^\d{14}$/.test(gtin) || !hasValidCheckDigit(gtin)) {
    throw new AppError("validation-failed", "gtin must be a GTIN-8/12/13/14 with a valid check digit", {
      pointer: "/body/gtin",
    });
  }
  if (input.lot !== undefined && !isValidLotCode(input.lot)) {
    throw new AppError("validation-failed", "lot must be 1-20 characters of 0-9, A-Z and '-'", {
      pointer: "/body/lot",
    });
  }
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_SERIALS_PER_REQUEST) {
    throw new AppError("validation-failed", `count must be 1 to ${MAX_SERIALS_PER_REQUEST}`, {
      pointer: "/body/count",
    });
  }
  return ctx.store.transaction(async (tx) => {
    if (!(await findPartyById(tx, partyId)))
      throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    const blockId = ctx.newId();
    const now = ctx.clock.now();
    await insertCodeBlock(tx, {
      id: blockId,
      kind: "serial",
      scope: `s:${gtin}`,
      firstValue: 0,
      count: input.count,
      partyId,
      issuedAt: now,
      issuedBy: actorRef(ctx.actor),
    });
    const serials: string[] = [];
    for (let attempt = 0; serials.length < input.count; attempt++) {
      if (attempt > 20)
        throw new AppError("codes-exhausted", "could not draw unique serials; the GTIN's serial space is crowded");
      const batch = drawSerials(Math.min(input.count - serials.length, 5_000));
      const rows: SerialRecord[] = batch.map((serial) => ({
        gtin,
        serial,
        lot: input.lot ?? null,
        partyId,
        blockId,
        issuedAt: now,
      }));
      const inserted = await insertSerials(tx, rows);
      serials.push(...batch.filter((s) => inserted.has(s)));
    }
    await recordAudit(
      tx,
      ctx,
      "codes.issue-serials",
      { type: "code-block", id: blockId },
      { partyId, gtin, lot: input.lot ?? null, count: input.count },
    );
    const base = ctx.settings.publicBaseUrl;
    return { blockId, gtin, lot: input.lot ?? null, serials, urls: serials.map((s) => `${base}/01/${gtin}/21/${s}`) };
  });
}

function drawSerials(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const s = serialFromRandom(randomBytes(SERIAL_LENGTH * 2));
    if (s) out.add(s);
  }
  return [...out];
}
