import {
  aiEntry,
  buildDigitalLink,
  elementsToEpcUri,
  formatBracketed,
  type Gs1Error,
  normaliseScan,
} from "../gs1/index.ts";
import { describeTraceNumber } from "./trace-number.ts";

/** What a scanned or typed code is, in every form the platform speaks (the answer of `suyuan code parse`). */
export type CodeDescription =
  | {
      readonly valid: true;
      readonly kind: "digitalLink" | "elementString" | "platformTrace" | "platformParty" | "gtinOnly" | "foreign";
      readonly ais?: readonly { readonly ai: string; readonly title: string; readonly value: string }[];
      /** The canonical GS1 Digital Link on this platform's resolver. */
      readonly digitalLink?: string;
      readonly elementString?: string;
      /** The EPC URN EPCIS uses (pure identity or class), when the key has one. */
      readonly epc?: string;
      readonly platformCode?: { readonly code: string; readonly regionCode?: string; readonly issuedOn?: string };
      readonly url?: string;
      /** A remark a person can act on, e.g. "the lot is missing". */
      readonly note?: string;
    }
  | {
      readonly valid: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly position: number | null;
        readonly ai: string | null;
      };
    };

export interface DescribeOptions {
  /** Base URL of this platform's resolver: its /t/ and /p/ codes are recognised and links are built on it. */
  readonly resolverBase: string;
  readonly companyPrefixLength?: number;
}

/** Accepts an element string (bracketed or raw), a Digital Link, our /t/ and /p/ codes, scanner output, a bare GTIN. */
export function describeCode(text: string, opts: DescribeOptions): CodeDescription {
  // Hosts are compared without port (scan-input.ts), so pass the bare hostname.
  const host = new URL(opts.resolverBase).hostname;
  const scan = normaliseScan(text.trim(), { resolverHosts: [host] });
  if (!scan.ok) return invalid(scan.error);
  const s = scan.value;
  switch (s.kind) {
    case "digitalLink":
    case "elementString": {
      const dl = buildDigitalLink(opts.resolverBase, s.elements);
      const epc = elementsToEpcUri(s.elements, { companyPrefixLength: opts.companyPrefixLength ?? 7 });
      return {
        valid: true,
        kind: s.kind,
        ais: s.elements.map((e) => ({ ai: e.ai, title: aiEntry(e.ai)?.title ?? "", value: e.value })),
        elementString: formatBracketed(s.elements),
        ...(dl.ok ? { digitalLink: dl.value } : {}),
        ...(epc.ok ? { epc: epc.value } : {}),
      };
    }
    case "platformTrace":
    case "platformParty": {
      if (!s.checkPairValid) {
        return {
          valid: false,
          error: {
            code: "check-pair",
            message: "the code's last two characters do not match: it was mistyped or misread",
            position: null,
            ai: null,
          },
        };
      }
      const parts = s.kind === "platformTrace" ? describeTraceNumber(s.code) : undefined;
      const path = s.kind === "platformTrace" ? "t" : "p";
      return {
        valid: true,
        kind: s.kind,
        platformCode: { code: s.code, ...(parts ? { regionCode: parts.regionCode, issuedOn: parts.issuedOn } : {}) },
        url: `${opts.resolverBase}/${path}/${s.code}`,
      };
    }
    case "gtinOnly":
      return {
        valid: true,
        kind: "gtinOnly",
        ais: [{ ai: "01", title: aiEntry("01")?.title ?? "GTIN", value: s.gtin }],
        note: "this identifies the product but not the batch: scan the lot code (10) too, or the QR code on the pack",
      };
    case "foreign":
      return { valid: true, kind: "foreign", url: s.url, note: "a link of another platform, kept as a foreign code" };
  }
}

function invalid(e: Gs1Error): CodeDescription {
  return { valid: false, error: { code: e.code, message: e.message, position: e.position ?? null, ai: e.ai ?? null } };
}
