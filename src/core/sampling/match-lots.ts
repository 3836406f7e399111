import { nameSimilarity, normaliseProductName } from "./product-name.ts";
import type { SamplingRecordInput } from "./sampling-record.ts";

/** A lot that may be the one sampled, as the store finds it (by trace code, or by producer and date). */
export interface CandidateLot {
  readonly lotId: string;
  readonly traceKey: string;
  readonly lotCode: string;
  readonly productName: string;
  readonly productionDate: string;
  readonly producerCreditCode: string | null;
  /** Whether the store found it by the record's trace code. */
  readonly byTraceCode: boolean;
}

export interface LotMatch {
  readonly lotId: string;
  /** 0–100: 100 is certain (the trace code), lower scores need a regulator's eye before a recall. */
  readonly score: number;
  /** Why, in the words of the evidence: "trace code", "producer credit code", "product name 0.86" … */
  readonly reasons: readonly string[];
}

/** Candidates below this score are not worth a regulator's time. */
export const MIN_MATCH_SCORE = 50;
/** Production dates this far apart (days) still count as near: lot numbers and printed dates drift by a day or two. */
export const DATE_SLACK_DAYS = 3;
/** The few best matches kept per record. */
export const MAX_MATCHES = 10;

const dayMs = 86_400_000;
const daysApart = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / dayMs;
const normLot = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s\p{P}]/gu, "")
    .toUpperCase();

/**
 * Scores each candidate lot against a failing sampling record: exactly (100) when the record's trace code names it;
 * otherwise from the evidence an agency records — the producer's credit code (the store only offers that
 * producer's lots: 20), the product name's bigram similarity (up to 50), and the production date or lot number
 * (30 for the same date or lot number, 15 within three days). Best first; weak candidates dropped.
 */
export function matchLots(record: SamplingRecordInput, candidates: readonly CandidateLot[]): LotMatch[] {
  const out: LotMatch[] = [];
  for (const c of candidates) {
    if (c.byTraceCode) {
      out.push({ lotId: c.lotId, score: 100, reasons: ["trace code"] });
      continue;
    }
    const reasons: string[] = [];
    let score = 0;
    if (record.producerCreditCode !== null && c.producerCreditCode === record.producerCreditCode) {
      score += 20;
      reasons.push("producer credit code");
    }
    const sim = nameSimilarity(record.productName, c.productName);
    score += 50 * sim;
    reasons.push(
      sim === 1
        ? "same product name"
        : `product name ${sim.toFixed(2)} (${normaliseProductName(record.productName)} ~ ${normaliseProductName(c.productName)})`,
    );
    if (record.lotCode !== null && normLot(record.lotCode) === normLot(c.lotCode)) {
      score += 30;
      reasons.push("same lot number");
    } else if (record.productionDate !== null) {
      const d = daysApart(record.productionDate, c.productionDate);
      if (d === 0) {
        score += 30;
        reasons.push("same production date");
      } else if (d <= DATE_SLACK_DAYS) {
        score += 15;
        reasons.push(`production date ${d} day${d === 1 ? "" : "s"} apart`);
      }
    }
    const rounded = Math.round(score);
    if (rounded >= MIN_MATCH_SCORE && sim >= 0.4) out.push({ lotId: c.lotId, score: rounded, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.lotId.localeCompare(b.lotId)).slice(0, MAX_MATCHES);
}
