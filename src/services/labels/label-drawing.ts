/**
 * Drawing instructions for one label, in millimetres from its top-left corner: what the layout decides and the
 * SVG and PDF writers draw, so that both outputs show the same thing and the layout can be tested alone.
 */
import type { FontWeight } from "./text-fit.ts";

export interface TextItem {
  readonly kind: "text";
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly sizePt: number;
  readonly weight: FontWeight;
  readonly text: string;
}

export interface QrItem {
  readonly kind: "qr";
  readonly x: number;
  readonly y: number;
  /** Side of the square, quiet zone included (the writers leave 4 modules free inside it). */
  readonly size: number;
  readonly uri: string;
}

export type DrawItem = TextItem | QrItem;

export interface LabelDrawing {
  readonly widthMm: number;
  readonly heightMm: number;
  /** For document titles and accessible names. */
  readonly title: string;
  readonly items: readonly DrawItem[];
}
