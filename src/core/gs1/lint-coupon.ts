/**
 * Coupon linters: AI 8110 (coupon code identification for use in North America) and AI 8112 (paperless coupon
 * code identification), per the GS1 US "North American Coupon Application Guideline Using GS1 DataBar Expanded
 * Symbols" field layout: variable-length indicators (VLI) followed by their fields, then optional data fields
 * introduced by indicators 1, 2, 3, 4, 5, 6 and 9, each at most once and in that order.
 */
import { CouponReader } from "./coupon-reader.ts";
import { lintYymmdd } from "./lint-dates.ts";
import { fail, firstNonDigit, type LintContext, type LintResult } from "./lint-result.ts";

const oneToFive = (d: number) => d >= 1 && d <= 5;
const zeroToSix = (d: number) => d <= 6;
const requirementCode = (d: number) => d <= 4 || d === 9;

/** A purchase requirement (VLI, value, code, family code), as in the mandatory part and fields 1 and 2. */
function purchaseRequirement(r: CouponReader, nth: "1st" | "2nd" | "3rd"): void {
  const vli = r.digit(
    `coupon-missing-${nth}-purchase-requirement-vli`,
    `coupon-invalid-${nth}-purchase-requirement-length`,
    oneToFive,
  );
  if (vli !== undefined) r.field(vli, `coupon-truncated-${nth}-purchase-requirement`);
  r.digit(
    `coupon-missing-${nth}-purchase-requirement-code`,
    `coupon-invalid-${nth}-purchase-requirement-code`,
    requirementCode,
  );
  r.field(3, `coupon-truncated-${nth}-purchase-family-code`);
}

/** GCP of an additional purchase: VLI 0-6 gives 6-12 digits, 9 means "same as the first GCP" (no digits). */
function purchaseGcp(r: CouponReader, nth: "2nd" | "3rd"): void {
  const vli = r.digit(
    `coupon-missing-${nth}-purchase-gcp-vli`,
    `coupon-invalid-${nth}-purchase-gcp-length`,
    (d) => d <= 6 || d === 9,
  );
  if (vli !== undefined && vli !== 9) r.gcp(6 + vli, `coupon-truncated-${nth}-purchase-gcp`);
}

function date(r: CouponReader, tooShort: string, invalid: string): string | undefined {
  const start = r.pos;
  const value = r.field(6, tooShort);
  if (value !== undefined && lintYymmdd(value)) r.failWith(invalid, start, 6);
  return value;
}

export function lintCouponCode(data: string, ctx?: LintContext): LintResult {
  if (data.length === 0) return fail("coupon-missing-gcp-vli", 0, 0);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  const r = new CouponReader(data, ctx?.gcpLookup);
  const gcpVli = r.digit("coupon-missing-gcp-vli", "coupon-invalid-gcp-length", zeroToSix);
  const gcpAt = r.pos;
  // The primary GCP is looked up last, once the structure is known to be sound (as the reference linter does).
  if (gcpVli !== undefined) r.field(6 + gcpVli, "coupon-truncated-gcp");
  r.field(6, "coupon-truncated-offer-code");
  const saveVli = r.digit("coupon-missing-save-value-vli", "coupon-invalid-save-value-length", oneToFive);
  if (saveVli !== undefined) r.field(saveVli, "coupon-truncated-save-value");
  purchaseRequirement(r, "1st");

  if (!r.done && r.peek() === 1) {
    r.pos++;
    r.digit(
      "coupon-missing-additional-purchase-rules-code",
      "coupon-invalid-additional-purchase-rules-code",
      (d) => d <= 3,
    );
    purchaseRequirement(r, "2nd");
    purchaseGcp(r, "2nd");
  }
  if (!r.done && r.peek() === 2) {
    r.pos++;
    purchaseRequirement(r, "3rd");
    purchaseGcp(r, "3rd");
  }
  let expiry: string | undefined;
  const expiryField = r.pos;
  if (!r.done && r.peek() === 3) {
    r.pos++;
    expiry = date(r, "coupon-too-short-for-expiration-date", "coupon-invalid-exipiration-date");
  }
  if (!r.done && r.peek() === 4) {
    r.pos++;
    const start = date(r, "coupon-too-short-for-start-date", "coupon-invalid-start-date");
    if (!r.done && expiry !== undefined && start !== undefined && expiry < start) {
      r.failWith("coupon-expiration-before-start", expiryField, r.pos - expiryField);
    }
  }
  if (!r.done && r.peek() === 5) {
    r.pos++;
    const vli = r.digit("coupon-missing-serial-number-vli");
    if (vli !== undefined) r.field(6 + vli, "coupon-truncated-serial-number");
  }
  if (!r.done && r.peek() === 6) {
    r.pos++;
    const vli = r.digit(
      "coupon-missing-retailer-gcp-or-gln-vli",
      "coupon-invalid-retailer-gcp-or-gln-length",
      (d) => d >= 1 && d <= 7,
    );
    if (vli !== undefined) r.gcp(6 + vli, "coupon-truncated-retailer-gcp-or-gln");
  }
  if (!r.done && r.peek() === 9) {
    r.pos++;
    r.digit("coupon-missing-save-value-code", "coupon-invalid-save-value-code", (d) => d <= 2 || d === 5 || d === 6);
    r.digit("coupon-missing-save-value-applies-to-item", "coupon-invalid-save-value-applies-to-item", (d) => d <= 2);
    r.digit("coupon-missing-store-coupon-flag");
    r.digit("coupon-missing-dont-multiply-flag", "coupon-invalid-dont-multiply-flag", (d) => d <= 1);
  }
  const failure = r.finish();
  if (failure || gcpVli === undefined) return failure;
  r.pos = gcpAt;
  r.gcp(6 + gcpVli, "coupon-truncated-gcp");
  return r.failure;
}

/** AI 8112: format code (0 or 1), funder GCP, offer code, serial number. */
export function lintCouponPosOffer(data: string, ctx?: LintContext): LintResult {
  if (data.length === 0) return fail("coupon-missing-format-code", 0, 0);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  const r = new CouponReader(data, ctx?.gcpLookup);
  r.digit("coupon-missing-format-code", "coupon-invalid-format-code", (d) => d <= 1);
  const funderVli = r.digit("coupon-missing-funder-vli", "coupon-invalid-funder-length", zeroToSix);
  if (funderVli !== undefined) r.gcp(6 + funderVli, "coupon-truncated-funder");
  r.field(6, "coupon-truncated-offer-code");
  const serialVli = r.digit("coupon-missing-serial-number-vli");
  if (serialVli !== undefined) r.field(6 + serialVli, "coupon-truncated-serial-number");
  return r.finish();
}
