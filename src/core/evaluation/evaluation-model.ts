/**
 * The Zhejiang 2024 evaluation model (浙食链推广应用评价模型, DESIGN.md), per district and period. Field names follow
 * the formulas' letters so that a report can be checked against the plan by hand:
 *
 *   coding rate   = (1 − (a + 50·b − β·c) / N) · 100% − g + h + f
 *   scanning rate = (1 − (a + 50·b + c) / N) · 100% + f
 *
 * b (offline inspection findings), g and h (discretionary deductions and bonuses) do not come from trace data: a
 * report counts them as 0 and says so; the regulator adds them.
 */
export interface CodingInputs {
  /** Batches coded in the district in the period. */
  readonly N: number;
  /** Batches first-coded downstream although the registered upstream party in the district should have coded them. */
  readonly a: number;
  /** Batches first-coded by a district party whose registered upstream had not coded them: upstream inside (β = 1) … */
  readonly cInside: number;
  /** … and outside the district (β = 2). */
  readonly cOutside: number;
  /** Rank bonus: +2 for the top 10 districts by coded batches, +1 for ranks 11–20. */
  readonly f: number;
}

export interface ScanningInputs {
  /** Batches shipped to the district's parties in the period (what should be scanned in). */
  readonly N: number;
  /** Batches not confirmed into stock by the receiving party within 2 calendar days. */
  readonly a: number;
  /** Batches rejected by the downstream buyer. */
  readonly c: number;
  readonly f: number;
}

/** β·c of the coding formula: 1 per batch whose upstream is inside the district, 2 per batch from outside it. */
export const weightedC = (i: Pick<CodingInputs, "cInside" | "cOutside">) => i.cInside + 2 * i.cOutside;

const percent = (x: number) => Math.round(x * 100) / 100;

/** The coding rate in percent (two decimals), or null when the district coded nothing in the period. */
export function codingRate(i: CodingInputs): number | null {
  if (i.N === 0) return null;
  return percent((1 - (i.a - weightedC(i)) / i.N) * 100 + i.f);
}

/** The scanning rate in percent (two decimals), or null when nothing was shipped to the district. */
export function scanningRate(i: ScanningInputs): number | null {
  if (i.N === 0) return null;
  return percent((1 - (i.a + i.c) / i.N) * 100 + i.f);
}

/** f: +2 for ranks 1–10 by coded batches, +1 for 11–20 (ties share the better rank). */
export function rankBonus(rank: number): number {
  return rank <= 10 ? 2 : rank <= 20 ? 1 : 0;
}

/** Ranks districts by coded batches, most first; equal counts share a rank (competition ranking, 1-2-2-4). */
export function rankByCoded(counts: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...counts].filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1]);
  const out = new Map<string, number>();
  sorted.forEach(([code, n], i) => {
    const prev = sorted[i - 1];
    out.set(code, prev && prev[1] === n ? (out.get(prev[0]) as number) : i + 1);
  });
  return out;
}

/** Calendar-day number of an instant in China Standard Time (the "2 calendar days" of the model). */
export const chinaDayNumber = (epochMs: number) => Math.floor((epochMs + 8 * 3_600_000) / 86_400_000);
