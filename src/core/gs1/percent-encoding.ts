/**
 * Percent-encoding of AI values in GS1 Digital Link URIs (DL URI Syntax §6, RFC 3986 §2.1). Only the unreserved
 * characters A–Z a–z 0–9 - . _ ~ stay as they are; a space is "%20" in the path and "+" in the query, and a "+"
 * in the query decodes to a space (application/x-www-form-urlencoded). Malformed "%" sequences stay literal.
 */

const HEX = "0123456789ABCDEF";

const UNRESERVED: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") t[c.charCodeAt(0)] = 1;
  return t;
})();

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function uriEscape(value: string, inQuery: boolean): string {
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] !== 1) break;
    i++;
  }
  if (i === n) return value; // the common case: nothing to escape
  let out = value.slice(0, i);
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 128 && UNRESERVED[c] === 1) out += value[i];
    else if (c === 32 && inQuery) out += "+";
    else if (c < 256) out += `%${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += encodeURIComponent(value[i] as string);
  }
  return out;
}

/** Decodes "%hh" to the byte value as one character (latin-1), and "+" to a space in the query. */
export function uriUnescape(value: string, inQuery: boolean): string {
  if (value.indexOf("%") < 0 && (!inQuery || value.indexOf("+") < 0)) return value;
  let out = "";
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 37 /* % */ && i + 2 < n) {
      const hi = hexValue(value.charCodeAt(i + 1));
      const lo = hexValue(value.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out += String.fromCharCode((hi << 4) | lo);
        i += 2;
        continue;
      }
    }
    out += c === 43 /* + */ && inQuery ? " " : value[i];
  }
  return out;
}
