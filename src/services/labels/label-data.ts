/** What a caller asks a label to show, and the choices of size, sheet layout, file format and language. */

export const labelSizes = ["70x50", "50x30"] as const;
export type LabelSize = (typeof labelSizes)[number];

/** "roll": one label per page at the label's size (label printers); "sheet": a grid on A4 (office printers). */
export const labelLayouts = ["roll", "sheet"] as const;
export type LabelLayout = (typeof labelLayouts)[number];

export const labelFormats = ["pdf", "svg"] as const;
export type LabelFormat = (typeof labelFormats)[number];

export const labelLocales = ["zh-CN", "en"] as const;
export type LabelLocale = (typeof labelLocales)[number];

/** Most labels one request may render (one lot's labels, or one per serial of a batch). */
export const MAX_LABELS = 1000;

export interface LabelData {
  /** Digital Link URI, bracketed element string, or platform trace URL (https://…/t/{CODE}). */
  readonly traceCode: string;
  readonly productName: string;
  readonly spec?: string | undefined;
  /** Defaults to the lot (10) of the trace code; when both are given they must agree. */
  readonly lot?: string | undefined;
  /** YYYY-MM-DD; defaults to the production date (11) of the trace code. */
  readonly productionDate?: string | undefined;
  /** YYYY-MM-DD; defaults to the expiration (17) or best-before (15) date of the trace code. */
  readonly expiryDate?: string | undefined;
  readonly producerName?: string | undefined;
}
