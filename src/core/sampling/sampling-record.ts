import { checkCreditCode, describeCreditCodeProblem } from "../ids/credit-code.ts";

/**
 * An official sampling result (抽检, 食品安全抽样检验管理办法): what the agency sampled, from whom, and whether it
 * passed. Only failing records (不合格) are matched to lots: they may lead to a recall (第四十一条: the producer
 * stops production and sale and recalls the food once told of a failed result).
 */
export type SamplingResult = "pass" | "fail";

export interface SamplingRecordInput {
  readonly sampleNo: string;
  readonly productName: string;
  readonly spec: string | null;
  readonly producerName: string | null;
  readonly producerCreditCode: string | null;
  /** A trace code printed on the sampled pack, when the agency recorded it. */
  readonly traceCode: string | null;
  /** The lot number as printed, when it is not a date. */
  readonly lotCode: string | null;
  /** ISO date. */
  readonly productionDate: string | null;
  readonly result: SamplingResult;
  readonly failedItems: readonly string[];
  readonly agency: string;
  /** ISO date the sample was taken. */
  readonly sampledOn: string | null;
}

export interface SamplingRecord extends SamplingRecordInput {
  readonly id: string;
  /** The importing regulator's region (GB/T 2260): regulators see records of their region. */
  readonly regionCode: string;
  readonly importedAt: number;
  readonly importedBy: string;
}

const passWords = new Set(["pass", "passed", "ok", "合格", "符合", "1"]);
const failWords = new Set(["fail", "failed", "不合格", "不符合", "0"]);

export function parseResult(text: string): SamplingResult | undefined {
  const t = text.normalize("NFKC").trim().toLowerCase();
  return passWords.has(t) ? "pass" : failWords.has(t) ? "fail" : undefined;
}

/**
 * Dates as agencies write them: 2026-11-01, 2026/11/1, 2026.11.01, 20261101, 2026年11月1日 (full-width digits too).
 * Returns the ISO date, or undefined when the text is not a valid calendar date.
 */
export function parseLooseDate(text: string): string | undefined {
  const t = text.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (t.length === 8 && !/^\d{8}$/.test(t)) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Failed items as one cell lists them: separated by ；;、,， or line breaks. */
export function splitFailedItems(text: string): string[] {
  return text
    .split(/[；;、,，\n]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface RecordProblem {
  readonly field: string;
  readonly detail: string;
}

/** Checks a record before it is stored; a failing record needs the failed items and something to match on. */
export function checkSamplingRecord(r: SamplingRecordInput): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!r.sampleNo.trim()) out.push({ field: "sampleNo", detail: "the sample number is required" });
  if (!r.productName.trim()) out.push({ field: "productName", detail: "the product name is required" });
  if (!r.agency.trim()) out.push({ field: "agency", detail: "the sampling agency is required" });
  const bad = r.producerCreditCode === null ? undefined : checkCreditCode(r.producerCreditCode);
  if (bad) out.push({ field: "producerCreditCode", detail: describeCreditCodeProblem(bad) });
  if (r.result === "fail") {
    if (r.failedItems.length === 0)
      out.push({ field: "failedItems", detail: "a failing record names its failed items" });
    if (r.traceCode === null && r.producerCreditCode === null)
      out.push({
        field: "producerCreditCode",
        detail: "a failing record needs a trace code or the producer's credit code to be matched to lots",
      });
  }
  return out;
}
