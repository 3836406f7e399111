/** Dates on labels: the ISO form people read, from the YYMMDD of GS1 date AIs where the caller gave none. */

/**
 * "YYMMDD" of AI (11), (15), (17) → "YYYY-MM-DD". The century is the one that puts the year within 49 years
 * before and 50 after `referenceYear` (GS1 General Specifications §7.12); day "00" means the last day of the
 * month (the definitions of AI (15) and (17)).
 */
export function gs1DateToIso(yymmdd: string, referenceYear: number): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  const diff = yy - (referenceYear % 100);
  const century = Math.floor(referenceYear / 100) + (diff >= 51 ? -1 : diff <= -50 ? 1 : 0);
  const year = century * 100 + yy;
  if (mm < 1 || mm > 12) return undefined;
  const last = daysInMonth(year, mm);
  if (dd === 0) dd = last;
  if (dd > last) return undefined;
  return `${String(year).padStart(4, "0")}-${pad(mm)}-${pad(dd)}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
