import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { AppError } from "../../core/errors.ts";
import { insertWebhook, type Webhook } from "../../store/webhook-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Registers a party's webhook endpoint; the signing secret is returned once. The platform itself will POST to the
 * URL, so addresses inside private networks are refused unless the operator allows them (server-side request
 * forgery: a webhook must not become a way to reach the platform's own network).
 */
export async function registerWebhook(ctx: ServiceContext, input: { partyId?: string; url: string }): Promise<Webhook> {
  const partyId = actingPartyId(ctx, input.partyId);
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError("validation-failed", "not a URL", { pointer: "/body/url" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AppError("validation-failed", "use an https URL", { pointer: "/body/url" });
  if (!ctx.settings.webhookAllowPrivateNetworks && isPrivateHost(url.hostname)) {
    throw new AppError("validation-failed", "webhooks may not point into private or loopback networks", {
      pointer: "/body/url",
    });
  }
  return ctx.store.transaction(async (tx) => {
    const w: Webhook = {
      id: ctx.newId(),
      partyId,
      url: url.toString(),
      secret: randomBytes(32).toString("base64url"),
      active: true,
      createdAt: ctx.clock.now(),
    };
    await insertWebhook(tx, w);
    await recordAudit(tx, ctx, "webhook.register", { type: "webhook", id: w.id }, { partyId, url: w.url });
    return w;
  });
}

export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".internal") || h.endsWith(".local")) return true;
  if (isIP(h) === 4) {
    const [a = 0, b = 0] = h.split(".").map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(h) === 6)
    return h === "::1" || h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe80") || h === "::";
  return false;
}
