import { toBase36 } from "./base36.ts";
import { yymmdd } from "./calendar-day.ts";

/**
 * Lot codes (批号). Whatever a party brings must fit AI 10: at most 20 characters of CSET 82 (General
 * Specifications §3.4.3) — and we keep issued and accepted codes to [0-9A-Z-], which survives every scanner,
 * keyboard and URL without escaping (no Chinese characters, no spaces).
 */
export const LOT_CODE_PATTERN = /^[0-9A-Z-]{1,20}$/;

export function isValidLotCode(lot: string): boolean {
  return LOT_CODE_PATTERN.test(lot);
}

/** An issued lot code: production date and a per-party daily sequence, e.g. "261123-001". */
export function composeLotCode(productionDate: string, sequence: number): string {
  return `${yymmdd(productionDate)}-${toBase36(sequence, 3)}`;
}
