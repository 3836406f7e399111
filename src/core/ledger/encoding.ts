/**
 * Byte and text encodings shared by the C2SP formats. Base64 is the standard alphabet with padding
 * (RFC 4648 §4), decoded strictly: Node's `Buffer.from(s, "base64")` silently skips bad characters, which
 * would let two different strings name the same bytes, so we validate and insist on the canonical form.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-f]{2})*$/;
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** Canonical base64 decode; undefined when `text` is not exactly what `toBase64` would produce. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  // Non-zero padding bits decode to the same bytes as the canonical string; reject them.
  if (bytes.toString("base64") !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Lower-case hex decode; undefined on odd length or other characters. */
export function fromHex(text: string): Uint8Array | undefined {
  if (!HEX.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, "hex"));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Strict UTF-8 decode; undefined on malformed input (C2SP signed-note: notes MUST be valid UTF-8). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** True when the string has no lone surrogates, i.e. it round-trips through UTF-8. */
// String.prototype.isWellFormed (ES2024, in Node 20) is native and linear; the pattern is the fallback.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

export function isWellFormedText(text: string): boolean {
  if (nativeIsWellFormed) return nativeIsWellFormed.call(text);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Big-endian uint32 (the signed-note key ID, C2SP signed-note §Signatures). */
export function readUint32(bytes: Uint8Array, offset: number): number {
  const b = (i: number) => bytes[offset + i] as number;
  return ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0;
}

export function uint32Bytes(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, false);
  return out;
}

/** Decimal ASCII with no leading zeroes (C2SP tlog-checkpoint, tlog-witness, tlog-proof): a safe integer or undefined. */
export function parseDecimal(text: string): number | undefined {
  if (!/^(?:0|[1-9][0-9]*)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** True when `text` has an ASCII control character (below U+0020) other than those listed in `allowed`. */
export function hasControlCharacter(text: string, allowed = ""): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x20 && !allowed.includes(text[i] as string)) return true;
  }
  return false;
}
