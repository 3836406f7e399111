/**
 * Calendar days as the platform's users count them: China Standard Time (UTC+08:00, no daylight saving). Issue
 * dates inside codes and rules such as "confirmed within 2 calendar days" use this day, not the server's.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of an instant (epoch ms) in China Standard Time. */
export function chinaDate(epochMs: number): string {
  return new Date(epochMs + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYMMDD" as GS1 writes dates (General Specifications §7.12). */
export function yymmdd(isoDate: string): string {
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}
