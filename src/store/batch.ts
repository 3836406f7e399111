/**
 * Splits rows for multi-row statements. Both engines cap bound parameters per statement (SQLite 32,766 since 3.32;
 * PostgreSQL 65,535), so a chunk holds at most `maxParameters / columns` rows.
 */
export function chunked<T>(rows: readonly T[], columns: number, maxParameters = 30_000): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
