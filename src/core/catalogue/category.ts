/**
 * The trace catalogue (追溯目录): categories and, below them, varieties. Key varieties (重点品种) are those the
 * provincial plans require to be traced first (meat, aquatic products, infant formula …).
 */
export interface Category {
  readonly code: string;
  /** null for a top-level category; the category's code for a variety. */
  readonly parentCode: string | null;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly keyVariety: boolean;
  readonly sort: number;
}
