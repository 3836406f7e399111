/**
 * The lexical level of http(s) URIs as the GS1 Digital Link parser reads them (RFC 3986 §2, §3.1, §3.2.2; GS1
 * Digital Link URI Syntax 1.x §4.1): the characters allowed in a URI and in its host, and the scheme, which the
 * DL syntax allows in all-lower or all-upper case only ("https://", "HTTPS://").
 */

/** Characters allowed in a URI (RFC 3986 §2): unreserved, reserved and "%". */
export const URI_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
})();

/** Host characters the GS1 parser accepts: registered names, IPv4, bracketed IPv6 (no zone ids), ports. */
export const HOST_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:[]") t[c.charCodeAt(0)] = 1;
  return t;
})();

/** A copy of a character table without some characters. */
export function charsExcept(table: Uint8Array, except: string): Uint8Array {
  const t = table.slice();
  for (let i = 0; i < except.length; i++) t[except.charCodeAt(i)] = 0;
  return t;
}

export function allIn(table: Uint8Array, s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] !== 1) return false;
  }
  return true;
}

const NO_MATCH = 0;
const EXACT = 1;
const ANY_CASE = 2;

/** How uri starts with `word` (lower case): not at all, all-lower or all-upper (EXACT), or in mixed case. */
function prefixCase(uri: string, word: string): number {
  if (uri.length < word.length) return NO_MATCH;
  let lower = true;
  let upper = true;
  for (let i = 0; i < word.length; i++) {
    const w = word.charCodeAt(i);
    const c = uri.charCodeAt(i);
    if (c === w) upper = upper && w < 97;
    else if (w >= 97 && c === w - 32) lower = false;
    else return NO_MATCH;
  }
  return lower || upper ? EXACT : ANY_CASE;
}

/** Length of the scheme and "://" (7 or 8), or 0 when it is not http(s). */
export function schemeLength(uri: string, anyCase: boolean): number {
  const s = prefixCase(uri, "https://");
  if (s === EXACT || (s === ANY_CASE && anyCase)) return 8;
  const h = prefixCase(uri, "http://");
  return h === EXACT || (h === ANY_CASE && anyCase) ? 7 : 0;
}

/**
 * Position of the last "/" at or before `from`, or -1: lastIndexOf for the path walks, as a loop because V8
 * runs String.prototype.lastIndexOf out of line (a runtime call that costs more than the short scan).
 */
export function lastSlash(s: string, from: number): number {
  let i = from;
  while (i >= 0 && s.charCodeAt(i) !== 47 /* / */) i--;
  return i;
}
