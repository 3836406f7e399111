import { type Complaint, type ComplaintInput, validateComplaint } from "../../core/complaints/complaint.ts";
import { AppError } from "../../core/errors.ts";
import { resolverTarget } from "../../core/resolver/resolver-target.ts";
import { insertComplaint } from "../../store/complaint-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { resolvePublicCode } from "../public/resolve-public-code.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * A consumer's complaint (投诉举报) about the lot or party a code names, routed to the regulator of the region
 * where the goods are sold (the lot's last holder on the platform) or where the party is registered. One
 * transaction with its audit row. The form's spam checks (token, honeypot, rate) happen before, in HTTP.
 */
export async function submitComplaint(ctx: ServiceContext, input: ComplaintInput): Promise<Complaint> {
  const draft = validateComplaint(input);
  const base = ctx.settings.publicBaseUrl;
  const path = draft.code.startsWith(base) ? draft.code.slice(base.length) : draft.code;
  const record = await resolvePublicCode(ctx, resolverTarget(path.startsWith("/") ? path : `/${path}`, base));
  const target: Pick<Complaint, "targetType" | "targetId" | "partyId" | "regionCode"> =
    record.type === "lot"
      ? { targetType: "lot", targetId: record.lotId, partyId: record.producer.id, regionCode: record.scanRegion }
      : record.type === "party"
        ? {
            targetType: "party",
            targetId: record.party.id,
            partyId: record.party.id,
            regionCode: record.party.regionCode,
          }
        : invalidTarget();
  const complaint: Complaint = Object.freeze({
    ...draft,
    ...target,
    id: ctx.newId(),
    status: "received",
    createdAt: ctx.clock.now(),
  });
  await ctx.store.transaction(async (tx) => {
    await insertComplaint(tx, complaint);
    await recordAudit(
      tx,
      ctx,
      "complaint.submit",
      { type: "complaint", id: complaint.id },
      {
        targetType: complaint.targetType,
        targetId: complaint.targetId,
        regionCode: complaint.regionCode,
      },
    );
  });
  return complaint;
}

function invalidTarget(): never {
  throw new AppError("validation-failed", "a complaint names a lot (trace code) or a party (party code)", {
    pointer: "/body/code",
  });
}
