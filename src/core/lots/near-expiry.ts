/**
 * Near-expiry warnings (临期预警) on ILMD itemExpirationDate. A rule says how early a holder is warned:
 * - "days:N" — N days or fewer left;
 * - "fraction:F" — F or less of the shelf life left (shelf life counted from the production date, GB 7718 §3);
 * - "table" — the graded windows of 《超市食品安全操作规范（试行）》(商务部, 2012): 45 days before expiry for a shelf
 *   life of a year or more, 20 for six months to a year, 15 for 90 days to six months, 10 for 30 to 90 days, 5 for
 *   16 to 30 days, and (1–4 days for shorter ones) 2 days.
 * Days are calendar days in China Standard Time; a lot is good through its expiry date (expiry.ts).
 */
export type NearExpiryRule =
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "fraction"; readonly fraction: number }
  | { readonly kind: "table" };

/** The platform's rule and the rules of some categories (a category's own, else its parent's, else the default). */
export interface NearExpiryPolicy {
  readonly default: NearExpiryRule;
  readonly byCategory: Readonly<Record<string, NearExpiryRule>>;
}

export const defaultNearExpiryPolicy: NearExpiryPolicy = Object.freeze({
  default: Object.freeze({ kind: "table" as const }),
  byCategory: Object.freeze({}),
});

/** Reads "days:7", "fraction:0.2" or "table"; undefined when it is none of them. */
export function parseNearExpiryRule(text: string): NearExpiryRule | undefined {
  const t = text.trim().toLowerCase();
  if (t === "table") return { kind: "table" };
  const days = /^days:(\d{1,4})$/.exec(t);
  if (days) return { kind: "days", days: Number(days[1]) };
  const frac = /^fraction:(0?\.\d+|1(?:\.0+)?)$/.exec(t);
  if (frac && Number(frac[1]) > 0) return { kind: "fraction", fraction: Number(frac[1]) };
  return undefined;
}

/** Reads "dairy=days:3,meat=fraction:0.3" (category code = rule, comma-separated); an error says which entry. */
export function parseCategoryRules(text: string): Record<string, NearExpiryRule> | string {
  const out: Record<string, NearExpiryRule> = {};
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [code, rule] = entry.split("=").map((s) => s?.trim() ?? "");
    const parsed = rule ? parseNearExpiryRule(rule) : undefined;
    if (!code || !parsed) return `'${entry}' is not category=rule (rule: days:N, fraction:F or table)`;
    out[code] = parsed;
  }
  return out;
}

/** The stable name of a rule, which makes a notice unique per (holder, lot, rule). */
export function ruleKey(rule: NearExpiryRule): string {
  return rule.kind === "table" ? "table" : rule.kind === "days" ? `days:${rule.days}` : `fraction:${rule.fraction}`;
}

export function ruleFor(policy: NearExpiryPolicy, categoryCode: string | null, parentCode: string | null) {
  return (
    (categoryCode ? policy.byCategory[categoryCode] : undefined) ??
    (parentCode ? policy.byCategory[parentCode] : undefined) ??
    policy.default
  );
}

const dayMs = 86_400_000;
const dayNo = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);

/** Whole days from today to the expiry date: 0 on the last good day, negative once expired. */
export function daysLeft(expiryDate: string, today: string): number {
  return dayNo(expiryDate) - dayNo(today);
}

/** The shelf life in days, counting the production day (GB 7718 §3). */
export function shelfLifeDays(productionDate: string, expiryDate: string): number {
  return dayNo(expiryDate) - dayNo(productionDate) + 1;
}

/** How many days before expiry the warning starts, for a lot of this shelf life. */
export function warningDays(rule: NearExpiryRule, shelfLife: number): number {
  if (rule.kind === "days") return rule.days;
  if (rule.kind === "fraction") return Math.ceil(rule.fraction * shelfLife);
  if (shelfLife >= 365) return 45;
  if (shelfLife >= 180) return 20;
  if (shelfLife >= 90) return 15;
  if (shelfLife >= 30) return 10;
  if (shelfLife >= 16) return 5;
  return 2;
}

/** The longest warning window a policy can give (the expiry job looks no further ahead); shelf lives up to 3 years. */
export function policyHorizonDays(policy: NearExpiryPolicy): number {
  const rules = [policy.default, ...Object.values(policy.byCategory)];
  return Math.max(...rules.map((r) => warningDays(r, 3 * 365)));
}

export type ExpiryStatus = "expired" | "near-expiry" | "ok";

/** A lot's status today under a rule; lots without an expiry date never expire. */
export function expiryStatus(
  lot: { readonly productionDate: string; readonly expiryDate: string | null },
  today: string,
  rule: NearExpiryRule,
): { readonly status: ExpiryStatus; readonly daysLeft: number | null } {
  if (lot.expiryDate === null) return { status: "ok", daysLeft: null };
  const left = daysLeft(lot.expiryDate, today);
  if (left < 0) return { status: "expired", daysLeft: left };
  // "N days before expiry": the last N days up to and including the expiry date itself.
  const near = left < warningDays(rule, shelfLifeDays(lot.productionDate, lot.expiryDate));
  return { status: near ? "near-expiry" : "ok", daysLeft: left };
}
