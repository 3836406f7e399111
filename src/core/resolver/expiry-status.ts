import { addDays } from "../lots/expiry.ts";

/**
 * The expiry badge of the consumer page: expired from the day after the expiry date (CST, as 过期阻断), near
 * expiry (临期) within the window SAMR's guidance on near-expiry food sets by shelf life (市场监管总局《关于
 * 规范临近保质期食品销售的指导意见》): ≥ 1 year → 45 days; 6–12 months → 20; 90 days–6 months → 15;
 * 30–90 days → 10; 16–30 days → 5; under 16 days → 2.
 */
export type ExpiryStatus = "none" | "ok" | "near" | "expired";

export function nearExpiryWindowDays(shelfLifeDays: number): number {
  if (shelfLifeDays >= 365) return 45;
  if (shelfLifeDays >= 180) return 20;
  if (shelfLifeDays >= 90) return 15;
  if (shelfLifeDays >= 30) return 10;
  if (shelfLifeDays >= 16) return 5;
  return 2;
}

export function expiryStatus(
  productionDate: string,
  expiryDate: string | null,
  today: string,
): { readonly status: ExpiryStatus; readonly daysLeft: number | null } {
  if (expiryDate === null) return { status: "none", daysLeft: null };
  const daysLeft = Math.round((Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (expiryDate < today) return { status: "expired", daysLeft };
  const shelfLife =
    Math.round((Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${productionDate}T00:00:00Z`)) / 86_400_000) + 1;
  const nearFrom = addDays(expiryDate, -(nearExpiryWindowDays(shelfLife) - 1));
  return { status: today >= nearFrom ? "near" : "ok", daysLeft };
}
