import { AppError, type FieldError } from "../errors.ts";

/**
 * A consumer's complaint or report (投诉举报) about a lot or a party, routed to the regulator of its region
 * (《市场监督管理投诉举报处理暂行办法》: handled by the department where the party is). Contact data is optional
 * and only what the person chooses to give.
 */
export const complaintCategories = [
  "quality",
  "expired",
  "labelling",
  "fake_code",
  "hygiene",
  "illness",
  "other",
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export interface ComplaintInput {
  readonly code: string;
  readonly category: string;
  readonly description: string;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly lang?: string;
}

export interface ComplaintDraft {
  readonly code: string;
  readonly category: ComplaintCategory;
  readonly description: string;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly lang: "zh-CN" | "en";
}

export interface Complaint extends ComplaintDraft {
  readonly id: string;
  readonly targetType: "lot" | "party";
  readonly targetId: string;
  /** The party complained about: the lot's last holder on the platform (where it was bought) or the party itself. */
  readonly partyId: string;
  /** GB/T 2260 code of the regulator the complaint goes to. */
  readonly regionCode: string;
  readonly status: "received";
  readonly createdAt: number;
}

/** Mainland mobile or fixed-line numbers, with optional +86 and separators. */
const PHONE = /^(\+?86[- ]?)?(1\d{10}|0\d{2,3}[- ]?\d{7,8})$/;

export function validateComplaint(input: ComplaintInput): ComplaintDraft {
  const errors: FieldError[] = [];
  const description = input.description.trim();
  if (!(complaintCategories as readonly string[]).includes(input.category))
    errors.push({ pointer: "/body/category", detail: `must be one of: ${complaintCategories.join(", ")}` });
  if ([...description].length < 10)
    errors.push({ pointer: "/body/description", detail: "describe the problem in at least 10 characters" });
  if ([...description].length > 2000) errors.push({ pointer: "/body/description", detail: "at most 2000 characters" });
  const phone = input.contactPhone?.trim() || null;
  if (phone !== null && !PHONE.test(phone))
    errors.push({ pointer: "/body/contactPhone", detail: "not a phone number (mobile 1xxxxxxxxxx or 0area-number)" });
  const name = input.contactName?.trim() || null;
  if (name !== null && [...name].length > 50)
    errors.push({ pointer: "/body/contactName", detail: "at most 50 characters" });
  if (errors.length > 0) {
    throw new AppError("validation-failed", errors.map((e) => `${e.pointer}: ${e.detail}`).join("; "), { errors });
  }
  return {
    code: input.code.trim(),
    category: input.category as ComplaintCategory,
    description,
    contactName: name,
    contactPhone: phone,
    lang: input.lang === "en" ? "en" : "zh-CN",
  };
}
