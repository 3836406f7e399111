import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * The party a request acts for: an enterprise key always acts for its own party (naming another is refused);
 * operators must name one. Regulators and the public do not issue codes.
 */
export function actingPartyId(ctx: ServiceContext, requested: string | undefined): string {
  const a = ctx.actor;
  if (a.kind === "enterprise") {
    if (requested && requested !== a.partyId) {
      throw new AppError("forbidden", "an enterprise key acts only for its own party", { pointer: "/body/partyId" });
    }
    return a.partyId;
  }
  if (isOperator(a)) {
    if (!requested)
      throw new AppError("validation-failed", "name the party (partyId) the codes are for", {
        pointer: "/body/partyId",
      });
    return requested;
  }
  throw new AppError("forbidden", "only enterprises and administrators issue codes");
}
