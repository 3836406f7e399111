/**
 * A trace code in any of the three forms people hold it: a GS1 Digital Link URI (DL URI Syntax 1.x), a
 * bracketed element string "(01)…(10)…" (GS1 General Specifications §4.15), or the platform's own trace URL
 * "https://…/t/{CODE}" (see core/gs1/platform-code.ts). Resolved once into what each symbol and label needs.
 */
import {
  type AiElement,
  buildDigitalLink,
  formatBracketed,
  parseBracketed,
  parseDigitalLink,
  verifyPlatformCode,
} from "../../core/gs1/index.ts";
import type { CodeProblem } from "./code-problem.ts";

export interface TraceCode {
  /** What a QR code carries: the Digital Link URI, or the platform trace URL as given. */
  readonly uri: string;
  /** The GS1 element strings (key, qualifiers, attributes); empty for a platform trace number. */
  readonly elements: readonly AiElement[];
  /** Human-readable interpretation: the bracketed element string (§4.15), or the platform code itself. */
  readonly hri: string;
}

export type TraceCodeResult = { ok: true; value: TraceCode } | { ok: false; error: CodeProblem };

/** GS1's own resolver, the base of Digital Link URIs built from element strings unless the caller has one. */
export const DEFAULT_DIGITAL_LINK_BASE = "https://id.gs1.org";

const PLATFORM_URL = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/t\/([^/?#\s]*)$/i;

export function resolveTraceCode(input: string, digitalLinkBase = DEFAULT_DIGITAL_LINK_BASE): TraceCodeResult {
  const text = input.trim();
  const platform = PLATFORM_URL.exec(text);
  if (platform) {
    const code = platform[1] as string;
    if (!verifyPlatformCode(code)) {
      return fail(
        "bad-platform-code",
        `'${code}' is not a platform trace number: 16-20 characters 0-9 A-Z ending in their check pair`,
      );
    }
    return { ok: true, value: { uri: text, elements: [], hri: code } };
  }
  if (/^https?:\/\//i.test(text)) {
    const dl = parseDigitalLink(text);
    if (!dl.ok) return { ok: false, error: dl.error };
    return { ok: true, value: { uri: text, elements: dl.value.elements, hri: formatBracketed(dl.value.elements) } };
  }
  if (text.startsWith("(")) {
    const parsed = parseBracketed(text);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const uri = buildDigitalLink(digitalLinkBase, parsed.value);
    if (!uri.ok) return { ok: false, error: uri.error };
    return { ok: true, value: { uri: uri.value, elements: parsed.value, hri: formatBracketed(parsed.value) } };
  }
  return fail(
    "unrecognised-code",
    "expected a GS1 Digital Link URI (https://…/01/…), a bracketed element string ((01)…(10)…) " +
      "or a platform trace URL (https://…/t/CODE)",
  );
}

function fail(code: CodeProblem["code"], message: string): TraceCodeResult {
  return { ok: false, error: { code, message } };
}
