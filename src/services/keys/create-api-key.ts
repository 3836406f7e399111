import { actorRef, isOperator, type Role, roles } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { type ApiKeyRecord, insertApiKey } from "../../store/api-key-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { hashApiKeySecret, newApiKeySecret } from "./api-key-secret.ts";

export interface CreateApiKeyInput {
  readonly role: string;
  readonly partyId?: string | undefined;
  readonly regionCode?: string | undefined;
  readonly name?: string | undefined;
}

/** Issues a key. The secret is returned here once and never again; only its hash is stored. */
export async function createApiKey(
  ctx: ServiceContext,
  input: CreateApiKeyInput,
): Promise<{ key: ApiKeyRecord; secret: string }> {
  if (!isOperator(ctx.actor)) throw new AppError("forbidden", "only administrators may issue API keys");
  const role = input.role as Role;
  const bad = (pointer: string, detail: string) => new AppError("invalid-api-key-spec", detail, { pointer });
  if (!roles.includes(role)) throw bad("/role", `role must be one of ${roles.join(", ")}`);
  if (role === "enterprise" && !input.partyId) throw bad("/partyId", "an enterprise key needs --party <party id>");
  if (role !== "enterprise" && input.partyId) throw bad("/partyId", "only enterprise keys act for a party");
  if (role === "regulator" && !input.regionCode) throw bad("/regionCode", "a regulator key needs --region <code>");
  if (role !== "regulator" && input.regionCode) throw bad("/regionCode", "only regulator keys have a region");
  if (input.regionCode && !ctx.regions.get(input.regionCode)) {
    throw bad("/regionCode", `'${input.regionCode}' is not a GB/T 2260 region code in force`);
  }

  return ctx.store.transaction(async (tx) => {
    if (input.partyId && !(await findPartyById(tx, input.partyId))) {
      throw bad("/partyId", `no party with id ${input.partyId}`);
    }
    const secret = newApiKeySecret();
    const key: ApiKeyRecord = Object.freeze({
      id: ctx.newId(),
      name: input.name?.trim() || `${role} key`,
      role,
      partyId: input.partyId ?? null,
      regionCode: input.regionCode ?? null,
      createdAt: ctx.clock.now(),
      createdBy: actorRef(ctx.actor),
      revokedAt: null,
      lastUsedAt: null,
    });
    await insertApiKey(tx, key, hashApiKeySecret(secret));
    await recordAudit(
      tx,
      ctx,
      "api-key.create",
      { type: "api-key", id: key.id },
      { role, partyId: key.partyId, regionCode: key.regionCode },
    );
    return { key, secret };
  });
}
