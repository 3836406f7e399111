import { chinaDate } from "../codes/calendar-day.ts";
import { addDays } from "../lots/expiry.ts";

/**
 * A receipt is overdue when the buyer has not confirmed it within 2 calendar days of shipping (Zhejiang 2024
 * evaluation model, scanning rate term a): shipped on day D, it must be confirmed by the end of day D+2 (CST).
 */
export const RECEIPT_GRACE_DAYS = 2;

export function isReceiptOverdue(shippedAt: number, now: number): boolean {
  return chinaDate(now) > addDays(chinaDate(shippedAt), RECEIPT_GRACE_DAYS);
}
