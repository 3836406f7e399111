import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { type Party, regulatedPartyFields } from "../../core/parties/party.ts";
import { mayUpdateParty } from "../../core/parties/party-access.ts";
import { type PartyInput, validateParty } from "../../core/parties/validate-party.ts";
import { findPartyByCreditCode, findPartyById, updateParty } from "../../store/party-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { issuePartyCode } from "../codes/issue-party-code.ts";
import type { ServiceContext } from "../service-context.ts";

export type PartyPatch = Partial<PartyInput>;

/**
 * Changes a party's record. Fields left out keep their value. An enterprise edits its own contact data and
 * licences; the regulated fields (name, credit code, kind, region, key-party flag, home platform) are the
 * regulator's. Optimistic concurrency: a concurrent edit makes this one fail with 409 rather than be lost.
 */
export async function updatePartyRecord(ctx: ServiceContext, id: string, patch: PartyPatch): Promise<Party> {
  return ctx.store.transaction(async (tx) => {
    const current = await findPartyById(tx, id);
    if (!current) throw new AppError("not-found", `no party with id ${id}`, { pointer: "/params/id" });

    const merged: PartyInput = { ...toInput(current), ...stripUndefined(patch) };
    if (!mayUpdateParty(ctx.actor, current, merged.regionCode)) {
      throw new AppError("forbidden", "this key may not change this party", { pointer: "/params/id" });
    }
    if (!isOperator(ctx.actor) && ctx.actor.kind !== "regulator") {
      const touched = regulatedPartyFields.filter((f) => f in patch && patch[f] !== undefined);
      const changed = touched.filter((f) => JSON.stringify(patch[f]) !== JSON.stringify(toInput(current)[f]));
      if (changed.length > 0) {
        throw new AppError("forbidden", `only a regulator may change ${changed.join(", ")}`, {
          errors: changed.map((f) => ({ pointer: `/body/${f}`, detail: `only a regulator may change ${f}` })),
        });
      }
    }
    const v = validateParty(merged, ctx.regions, { homePlatform: ctx.settings.platformId }, "/body");
    if (!v.ok) throw new AppError("invalid-party", v.errors.map((e) => e.detail).join("; "), { errors: v.errors });

    if (v.value.creditCode && v.value.creditCode !== current.creditCode) {
      const other = await findPartyByCreditCode(tx, v.value.creditCode);
      if (other) {
        throw new AppError("duplicate-credit-code", `credit code ${v.value.creditCode} belongs to another party`, {
          pointer: "/body/creditCode",
        });
      }
    }
    // Printed codes never die: a party keeps its platform code; one that loses its GLN gets one.
    const partyCode = current.partyCode ?? (v.value.gln ? null : await issuePartyCode(tx, v.value.regionCode));
    const next: Party = Object.freeze({
      ...v.value,
      id,
      partyCode,
      createdAt: current.createdAt,
      updatedAt: ctx.clock.now(),
      version: current.version + 1,
    });
    if (!(await updateParty(tx, next, current.version))) {
      throw new AppError("conflict", "the party was changed by someone else meanwhile; reload and try again");
    }
    await recordAudit(tx, ctx, "party.update", { type: "party", id }, { fields: Object.keys(stripUndefined(patch)) });
    return next;
  });
}

function toInput(p: Party): PartyInput {
  return {
    name: p.name,
    creditCode: p.creditCode,
    kind: p.kind,
    regionCode: p.regionCode,
    address: p.address,
    contact: p.contact,
    licences: p.licences,
    gln: p.gln,
    keyParty: p.keyParty,
    homePlatform: p.homePlatform,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
