import { parseDigitalLink, verifyPlatformCode } from "../gs1/index.ts";

/**
 * What a request path on the resolver names (GS1 Digital Link URI Syntax 1.1 §4 for the GS1 forms; the
 * platform's own /t/, /p/ and /v/ codes). Pure: the look-up happens in services. Query attributes (§4.8, e.g.
 * `?17=…` or `linkType`) never change which record a path names, so only the path is read.
 */
export type ResolverTarget =
  /** A lot: `/01/{gtin}/10/{lot}` (any qualifier order the syntax allows) or `/t/{code}`; `traceKey` is the lots' key. */
  | { readonly kind: "lot"; readonly traceKey: string; readonly gtin: string | null; readonly serial: string | null }
  /** A serialised item without its lot in the path: the serial's lot is looked up (`/01/{gtin}/21/{serial}`). */
  | { readonly kind: "serial"; readonly gtin: string; readonly serial: string }
  /** A GTIN alone: the product is named, the batch is not (一品一码 needs the lot). */
  | { readonly kind: "gtin"; readonly gtin: string }
  | { readonly kind: "party"; readonly gln: string | null; readonly partyCode: string | null }
  | { readonly kind: "voucher"; readonly code: string }
  /** A valid GS1 key this resolver does not serve (an SSCC, a GRAI …). */
  | { readonly kind: "unsupported"; readonly ai: string; readonly value: string }
  | {
      readonly kind: "invalid";
      readonly error: { readonly code: string; readonly message: string; readonly ai: string | null };
    };

/** Voucher codes (电子追溯单) are 16–20 characters of 0-9 A-Z, as shipments-store issues them. */
const VOUCHER = /^[0-9A-Z]{16,20}$/;

/** Reads the path (and only the path) of a resolver request, e.g. "/01/06901234567892/10/ABC?linkType=all". */
export function resolverTarget(pathAndQuery: string, base: string): ResolverTarget {
  const q = pathAndQuery.indexOf("?");
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const own = /^\/([tpv])\/([^/]+)\/?$/.exec(path);
  if (own) return platformTarget(own[1] as "t" | "p" | "v", decodeSafe(own[2] as string).toUpperCase());
  const dl = parseDigitalLink(`${base}${path}`, { zeroSuppressedGtin: true });
  if (!dl.ok) {
    return { kind: "invalid", error: { code: dl.error.code, message: dl.error.message, ai: dl.error.ai ?? null } };
  }
  const { key, qualifiers } = dl.value;
  const q_ = (ai: string) => qualifiers.find((e) => e.ai === ai)?.value ?? null;
  if (key.ai === "01") {
    const lot = q_("10");
    const serial = q_("21");
    if (lot !== null)
      return { kind: "lot", traceKey: `01/${key.value}/10/${encodeURIComponent(lot)}`, gtin: key.value, serial };
    if (serial !== null) return { kind: "serial", gtin: key.value, serial };
    return { kind: "gtin", gtin: key.value };
  }
  // AI 414 names a physical location, AI 417 a party (GS1 GenSpecs §3.7.x); both serve as 主体码.
  if (key.ai === "414" || key.ai === "417") return { kind: "party", gln: key.value, partyCode: null };
  return { kind: "unsupported", ai: key.ai, value: key.value };
}

function platformTarget(path: "t" | "p" | "v", code: string): ResolverTarget {
  if (path === "v") {
    if (VOUCHER.test(code)) return { kind: "voucher", code };
    return invalid("voucher-code", "a trace voucher code is 16 to 20 letters and digits");
  }
  if (!/^[0-9A-Z]{16,22}$/.test(code)) {
    return invalid("platform-code", "a platform code is 16 to 22 letters and digits, starting with a region code");
  }
  if (!verifyPlatformCode(code)) {
    return invalid("check-pair", "the code's last two characters do not match: it was mistyped or misread");
  }
  return path === "t"
    ? { kind: "lot", traceKey: `t/${code}`, gtin: null, serial: null }
    : { kind: "party", gln: null, partyCode: code };
}

function invalid(code: string, message: string): ResolverTarget {
  return { kind: "invalid", error: { code, message, ai: null } };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
