import { systemActor } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { addDays } from "../../core/lots/expiry.ts";
import {
  defaultNearExpiryPolicy,
  expiryStatus,
  policyHorizonDays,
  ruleFor,
  ruleKey,
} from "../../core/lots/near-expiry.ts";
import { fromMilli } from "../../core/quantity.ts";
import { type ExpiryNotice, holdingsExpiringBetween, insertExpiryNotices } from "../../store/expiry-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Platform } from "../platform.ts";
import { contextFor, type ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";

/** Lots that expired this many days ago and are still held get their one "expired" notice (a job missed a week). */
const EXPIRED_LOOKBACK_DAYS = 30;

export interface ExpiryRun {
  readonly today: string;
  /** Holdings looked at (expiring within the policy's horizon or recently expired). */
  readonly checked: number;
  readonly nearExpiry: number;
  readonly expired: number;
  /** Notices written by this run (the rest were given before). */
  readonly notices: number;
}

/**
 * The daily expiry job (临期预警, 过期阻断): each holder of stock that is near expiry under its category's rule gets
 * one notice per (holder, lot, rule) — in its inbox and to its webhooks (topic lot.near-expiry) — and each holder of
 * expired stock one "expired" notice (lot.expired); shipping and sale of expired lots are refused at the take itself
 * (take-stock.ts). Idempotent: the notices' unique key makes a second run the same day write nothing. ONE transaction.
 */
export async function warnNearExpiry(ctx: ServiceContext): Promise<ExpiryRun> {
  const policy = ctx.settings.nearExpiry ?? defaultNearExpiryPolicy;
  const now = ctx.clock.now();
  const today = chinaDate(now);
  return ctx.store.transaction(async (tx) => {
    const held = await holdingsExpiringBetween(
      tx,
      addDays(today, -EXPIRED_LOOKBACK_DAYS),
      addDays(today, policyHorizonDays(policy)),
    );
    const due: (ExpiryNotice & { status: "near-expiry" | "expired"; h: (typeof held)[number] })[] = [];
    for (const h of held) {
      const rule = ruleFor(policy, h.categoryCode, h.parentCategoryCode);
      const s = expiryStatus(h, today, rule);
      if (s.status === "ok") continue;
      due.push({
        id: ctx.newId(),
        partyId: h.partyId,
        lotId: h.lotId,
        rule: s.status === "expired" ? "expired" : ruleKey(rule),
        expiryDate: h.expiryDate,
        daysLeft: s.daysLeft as number,
        quantityMilli: h.quantityMilli,
        createdAt: now,
        status: s.status,
        h,
      });
    }
    const fresh = new Set(
      (
        await insertExpiryNotices(
          tx,
          due.map(({ status: _s, h: _h, ...n }) => n),
        )
      ).map((n) => n.id),
    );
    const written = due.filter((d) => fresh.has(d.id));
    const byParty = new Map<string, typeof written>();
    for (const d of written) byParty.set(d.partyId, [...(byParty.get(d.partyId) ?? []), d]);
    for (const [partyId, own] of byParty) {
      for (const status of ["near-expiry", "expired"] as const) {
        const lots = own.filter((d) => d.status === status);
        if (lots.length === 0) continue;
        await notifyParty(tx, ctx, partyId, status === "expired" ? "lot.expired" : "lot.near-expiry", {
          lots: lots.map((d) => ({
            noticeId: d.id,
            lotId: d.lotId,
            lotCode: d.h.lotCode,
            traceCode: `${ctx.settings.publicBaseUrl}/${d.h.traceKey}`,
            expiryDate: d.expiryDate,
            daysLeft: d.daysLeft,
            quantity: fromMilli(d.quantityMilli),
            unit: d.h.unit,
            rule: d.rule,
          })),
        });
      }
    }
    const run: ExpiryRun = {
      today,
      checked: held.length,
      nearExpiry: due.filter((d) => d.status === "near-expiry").length,
      expired: due.filter((d) => d.status === "expired").length,
      notices: written.length,
    };
    await recordAudit(tx, ctx, "expiry.warn", { type: "platform", id: null }, { ...run });
    return run;
  });
}

/**
 * The expiry job inside `serve`: a pass at start and then whenever the China calendar day has changed since the
 * last successful pass (checked every `intervalMs`), so it runs once a day, shortly after midnight CST.
 */
export function startExpiryWorker(platform: Platform, intervalMs = 10 * 60_000): { stop(): Promise<void> } {
  const ctx = contextFor(platform, systemActor("expiry-job"), { source: "worker", requestId: null, userAgent: null });
  let lastDay = "";
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    if (stopped || chinaDate(platform.clock.now()) === lastDay) return;
    running = running
      .then(() => warnNearExpiry(ctx))
      .then((run) => {
        lastDay = run.today;
        platform.logger.info({ ...run }, "expiry job done");
      })
      .catch((e) => platform.logger.error({ err: e }, "expiry job failed"));
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
