/**
 * The geometry of each label size, in millimetres and points. The QR square sits in the top-right corner and
 * holds its own quiet zone, so it needs little margin; the human-readable code runs along the bottom edge at
 * full width, where a long element string fits (GS1 General Specifications §4.15 lets 2D symbols place it
 * near the symbol rather than strictly below).
 */
import type { LabelSize } from "./label-data.ts";

/** The optional fields of a label, in the order they are printed; lot and expiryDate are never dropped. */
export type LabelField = "spec" | "lot" | "productionDate" | "expiryDate" | "producer";

export interface LabelTemplate {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly marginMm: number;
  /** QR square (quiet zone included) and its distance from the top and right edges. */
  readonly qrMm: number;
  readonly qrInsetMm: number;
  readonly nameSizePt: number;
  readonly nameMaxLines: number;
  readonly fieldSizePt: number;
  readonly hriSizePt: number;
  /** Smallest size the human-readable code may shrink to before it is truncated. */
  readonly hriMinSizePt: number;
  /** Line height as a multiple of the font size. */
  readonly leading: number;
  /** Fields this size prints, in order. */
  readonly fields: readonly LabelField[];
  /** Optional fields dropped first when the text does not fit. */
  readonly dropOrder: readonly LabelField[];
}

export const labelTemplates: Readonly<Record<LabelSize, LabelTemplate>> = {
  "70x50": {
    widthMm: 70,
    heightMm: 50,
    marginMm: 3,
    qrMm: 26,
    qrInsetMm: 1.5,
    nameSizePt: 12,
    nameMaxLines: 2,
    fieldSizePt: 8,
    hriSizePt: 7,
    hriMinSizePt: 5,
    leading: 1.3,
    fields: ["spec", "lot", "productionDate", "expiryDate", "producer"],
    dropOrder: ["producer", "productionDate", "spec"],
  },
  // The small label keeps QR, name, lot and expiry; the producer and production date are one scan away.
  "50x30": {
    widthMm: 50,
    heightMm: 30,
    marginMm: 2,
    qrMm: 21,
    qrInsetMm: 1,
    nameSizePt: 9,
    nameMaxLines: 2,
    fieldSizePt: 7,
    hriSizePt: 5.5,
    hriMinSizePt: 4,
    leading: 1.25,
    fields: ["spec", "lot", "expiryDate"],
    dropOrder: ["spec"],
  },
};
