/**
 * Escapes text for XML character data and attribute values (XML 1.0 §2.4, §3.3.3), and drops the characters
 * XML 1.0 cannot carry at all (§2.2: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE, U+FFFF),
 * so that no label text can break or inject into the SVG.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

function isXmlChar(c: number): boolean {
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  return !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
}

export function escapeXml(text: string): string {
  let out = "";
  // Iterating by code point: a surrogate pair comes as one character, a lone surrogate as itself.
  for (const ch of text) {
    if (!isXmlChar(ch.codePointAt(0) as number)) continue;
    out += ENTITIES[ch] ?? ch;
  }
  return out;
}
