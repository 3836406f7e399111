/**
 * One label's data checked against its trace code: the code must parse, the lot and dates default to those the
 * code carries and may not contradict them (a label that disagrees with its own code misleads whoever scans it),
 * and lot and expiry date must be known, since every label keeps them (GB 7718 asks for both on prepackaged food).
 */
import { AppError } from "../../core/errors.ts";
import type { AiElement } from "../../core/gs1/index.ts";
import { codeError } from "./code-problem.ts";
import { gs1DateToIso, isIsoDate } from "./gs1-date.ts";
import type { LabelData } from "./label-data.ts";
import { resolveTraceCode, type TraceCode } from "./trace-code.ts";

export interface ResolvedLabel {
  readonly code: TraceCode;
  readonly productName: string;
  readonly spec: string | undefined;
  readonly lot: string;
  readonly productionDate: string | undefined;
  readonly expiryDate: string;
  readonly producerName: string | undefined;
}

export interface ResolveOptions {
  readonly digitalLinkBase: string;
  /** The year GS1 two-digit years are read around (GenSpecs §7.12): the current one. */
  readonly referenceYear: number;
}

/** Throws AppError ("validation-failed") with a pointer below `at` (e.g. "/body/labels/3"). */
export function resolveLabel(data: LabelData, at: string, opts: ResolveOptions): ResolvedLabel {
  const code = resolveTraceCode(data.traceCode, opts.digitalLinkBase);
  if (!code.ok) throw codeError(code.error, `${at}/traceCode`);
  const elements = code.value.elements;
  const productName = data.productName.trim();
  if (productName === "") throw new AppError("validation-failed", "is empty", { pointer: `${at}/productName` });

  const lot = agree(text(data.lot), aiValue(elements, "10"), "lot", "(10)", at);
  if (lot === undefined) {
    throw new AppError("validation-failed", "is required: give it, or use a trace code that carries the lot (10)", {
      pointer: `${at}/lot`,
    });
  }
  const productionDate = agree(
    date(data.productionDate, `${at}/productionDate`),
    gs1Date(elements, ["11"], opts.referenceYear),
    "productionDate",
    "(11)",
    at,
  );
  const expiryDate = agree(
    date(data.expiryDate, `${at}/expiryDate`),
    gs1Date(elements, ["17", "15"], opts.referenceYear),
    "expiryDate",
    "(17) or (15)",
    at,
  );
  if (expiryDate === undefined) {
    throw new AppError("validation-failed", "is required: give it, or use a trace code that carries (17) or (15)", {
      pointer: `${at}/expiryDate`,
    });
  }
  return {
    code: code.value,
    productName,
    spec: text(data.spec),
    lot,
    productionDate,
    expiryDate,
    producerName: text(data.producerName),
  };
}

function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

function date(value: string | undefined, pointer: string): string | undefined {
  const t = text(value);
  if (t !== undefined && !isIsoDate(t)) {
    throw new AppError("validation-failed", "must be a calendar date written YYYY-MM-DD", { pointer });
  }
  return t;
}

function aiValue(elements: readonly AiElement[], ai: string): string | undefined {
  return elements.find((e) => e.ai === ai)?.value;
}

function gs1Date(elements: readonly AiElement[], ais: readonly string[], year: number): string | undefined {
  for (const ai of ais) {
    const v = aiValue(elements, ai);
    if (v !== undefined) return gs1DateToIso(v, year);
  }
  return undefined;
}

function agree(given: string | undefined, inCode: string | undefined, field: string, ai: string, at: string) {
  if (given !== undefined && inCode !== undefined && given !== inCode) {
    throw new AppError("validation-failed", `'${given}' differs from '${inCode}' in the trace code's ${ai}`, {
      pointer: `${at}/${field}`,
    });
  }
  return given ?? inCode;
}
