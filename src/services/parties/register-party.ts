import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import { mayRegisterParty } from "../../core/parties/party-access.ts";
import { type PartyInput, validateParty } from "../../core/parties/validate-party.ts";
import { findPartyByCreditCode, insertParty } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { issuePartyCode } from "../codes/issue-party-code.ts";
import type { ServiceContext } from "../service-context.ts";

/** Registers a party in the e-archive: one transaction with its audit row. */
export async function registerParty(ctx: ServiceContext, input: PartyInput, pointerBase = ""): Promise<Party> {
  const draft = checkedDraft(ctx, input, pointerBase);
  try {
    return await ctx.store.transaction((tx) => insertCheckedParty(tx, ctx, draft, pointerBase));
  } catch (e) {
    // Two concurrent registrations of one credit code: the unique index decides, the loser gets a clear 409.
    if (ctx.store.engine.isUniqueViolation(e)) throw duplicate(draft.creditCode, pointerBase);
    throw e;
  }
}

/** Validation and authorisation without I/O, shared with the bulk import. */
export function checkedDraft(ctx: ServiceContext, input: PartyInput, pointerBase: string) {
  const v = validateParty(input, ctx.regions, { homePlatform: ctx.settings.platformId }, pointerBase);
  if (!v.ok) throw new AppError("invalid-party", v.errors.map((e) => e.detail).join("; "), { errors: v.errors });
  if (!mayRegisterParty(ctx.actor, v.value.regionCode)) {
    throw new AppError(
      "forbidden",
      ctx.actor.kind === "regulator"
        ? `this regulator key may register parties only inside region ${ctx.actor.regionCode}`
        : "only administrators and regulators may register parties",
      { pointer: `${pointerBase}/regionCode` },
    );
  }
  if (v.value.keyParty && !(isOperator(ctx.actor) || ctx.actor.kind === "regulator")) {
    throw new AppError("forbidden", "only regulators may flag key parties", { pointer: `${pointerBase}/keyParty` });
  }
  return v.value;
}

export async function insertCheckedParty(
  tx: Db,
  ctx: ServiceContext,
  draft: ReturnType<typeof checkedDraft>,
  pointerBase: string,
): Promise<Party> {
  if (draft.creditCode && (await findPartyByCreditCode(tx, draft.creditCode))) {
    throw duplicate(draft.creditCode, pointerBase);
  }
  const now = ctx.clock.now();
  const partyCode = draft.gln ? null : await issuePartyCode(tx, draft.regionCode);
  const party: Party = Object.freeze({
    ...draft,
    id: ctx.newId(),
    partyCode,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await insertParty(tx, party);
  await recordAudit(tx, ctx, "party.register", { type: "party", id: party.id }, { creditCode: party.creditCode });
  return party;
}

function duplicate(creditCode: string | null, pointerBase: string): AppError {
  return new AppError("duplicate-credit-code", `a party with credit code ${creditCode} is already registered`, {
    pointer: `${pointerBase}/creditCode`,
  });
}
