/**
 * Printable labels for a list of trace codes (all labels of a lot, or one per serial of a batch): each label's
 * data is checked against its code, laid out for the size, and written as one SVG or one PDF. Every bad label is
 * reported (up to MAX_REPORTED), each with its pointer, so a batch is fixed in one round.
 */
import { AppError, type FieldError } from "../../core/errors.ts";
import {
  type LabelData,
  type LabelFormat,
  type LabelLayout,
  type LabelLocale,
  type LabelSize,
  MAX_LABELS,
} from "./label-data.ts";
import { layoutLabel } from "./label-layout.ts";
import { labelTemplates } from "./label-templates.ts";
import { labelTexts } from "./label-texts.ts";
import { labelsPdf } from "./pdf-label-writer.ts";
import { type ResolvedLabel, resolveLabel } from "./resolve-label.ts";
import { labelSvg } from "./svg-label-writer.ts";
import { DEFAULT_DIGITAL_LINK_BASE } from "./trace-code.ts";

export interface LabelsRequest {
  readonly size: LabelSize;
  readonly layout: LabelLayout;
  readonly format: LabelFormat;
  readonly locale?: LabelLocale | undefined;
  readonly labels: readonly LabelData[];
}

export interface RenderedLabels {
  readonly contentType: "application/pdf" | "image/svg+xml";
  readonly body: Buffer | string;
  readonly count: number;
}

export interface LabelsRenderOptions {
  /** JSON pointer of the request, for errors ("/body" over HTTP). */
  readonly pointer?: string;
  readonly digitalLinkBase?: string;
  /** Today (for reading GS1 two-digit years); the real date unless a test fixes it. */
  readonly today?: Date;
}

const MAX_REPORTED = 20;

export async function renderLabels(request: LabelsRequest, opts: LabelsRenderOptions = {}): Promise<RenderedLabels> {
  const base = opts.pointer ?? "";
  const n = request.labels.length;
  if (n === 0 || n > MAX_LABELS) {
    throw new AppError("validation-failed", `must hold 1 to ${MAX_LABELS} labels, not ${n}`, {
      pointer: `${base}/labels`,
    });
  }
  if (request.format === "svg" && n !== 1) {
    throw new AppError("validation-failed", `an SVG holds one label, not ${n}: ask for a PDF`, {
      pointer: `${base}/labels`,
    });
  }
  const resolved = resolveAll(request.labels, `${base}/labels`, {
    digitalLinkBase: opts.digitalLinkBase ?? DEFAULT_DIGITAL_LINK_BASE,
    referenceYear: (opts.today ?? new Date()).getUTCFullYear(),
  });
  const template = labelTemplates[request.size];
  const texts = labelTexts(request.locale);
  const drawings = resolved.map((label) => layoutLabel(label, template, texts));
  if (request.format === "svg") {
    return { contentType: "image/svg+xml", body: labelSvg(drawings[0]!), count: 1 };
  }
  const title = n === 1 ? drawings[0]!.title : `${drawings[0]!.title} (${n})`;
  return { contentType: "application/pdf", body: await labelsPdf(drawings, request.layout, title), count: n };
}

function resolveAll(labels: readonly LabelData[], at: string, opts: Parameters<typeof resolveLabel>[2]) {
  const resolved: ResolvedLabel[] = [];
  const errors: FieldError[] = [];
  let first: AppError | undefined;
  let bad = 0;
  labels.forEach((data, i) => {
    try {
      resolved.push(resolveLabel(data, `${at}/${i}`, opts));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      first ??= e;
      bad++;
      if (errors.length < MAX_REPORTED) errors.push({ pointer: e.pointer ?? `${at}/${i}`, detail: e.message });
    }
  });
  if (first) {
    const detail =
      bad === 1
        ? `${first.pointer}: ${first.message}`
        : `${bad} labels are not valid; first ${first.pointer}: ${first.message}`;
    throw new AppError(first.code, detail, { errors, extra: { ...first.extra } });
  }
  return resolved;
}
