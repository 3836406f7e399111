/**
 * A small, strict-enough XML 1.0 reader for EPCIS XML documents (EPCIS 2.0 §9.4 XML binding): elements, attributes,
 * namespaces (Namespaces in XML 1.0 §6), character and entity references, CDATA; comments, processing
 * instructions and the DOCTYPE are skipped. Names come out as `{namespace}local` when namespaced, like
 * ElementTree, which the hash reference implementation uses. No I/O: the caller passes the text.
 */
export interface XmlElement {
  readonly name: string;
  readonly localName: string;
  readonly attributes: readonly (readonly [string, string])[];
  /** Character data before the first child element (ElementTree's `text`). */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export class XmlSyntaxError extends Error {}

const entities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const nameRe = /[^\s/>=]+/y;
const attrRe = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

export function parseXml(xml: string): XmlElement {
  let pos = 0;
  const skipMisc = () => {
    for (;;) {
      while (pos < xml.length && /\s/.test(xml[pos]!)) pos++;
      if (xml.startsWith("<?", pos)) pos = after("?>");
      else if (xml.startsWith("<!--", pos)) pos = after("-->");
      else if (xml.startsWith("<!DOCTYPE", pos)) pos = after(">");
      else return;
    }
  };
  const after = (end: string) => {
    const i = xml.indexOf(end, pos);
    if (i < 0) throw new XmlSyntaxError(`unterminated markup at ${pos}`);
    return i + end.length;
  };

  function element(scope: ReadonlyMap<string, string>): XmlElement {
    pos++; // "<"
    nameRe.lastIndex = pos;
    const qname = nameRe.exec(xml)?.[0];
    if (!qname) throw new XmlSyntaxError(`element name expected at ${pos}`);
    pos += qname.length;
    const raw: [string, string][] = [];
    for (;;) {
      attrRe.lastIndex = pos;
      const m = attrRe.exec(xml);
      if (!m) break;
      raw.push([m[1]!, decode(m[2] ?? m[3] ?? "").replace(/[\t\n\r]/g, " ")]);
      pos = attrRe.lastIndex;
    }
    while (/\s/.test(xml[pos] ?? "")) pos++;
    const ns = new Map(scope);
    for (const [n, v] of raw) {
      if (n === "xmlns") ns.set("", v);
      else if (n.startsWith("xmlns:")) ns.set(n.slice(6), v);
    }
    const attributes = raw
      .filter(([n]) => n !== "xmlns" && !n.startsWith("xmlns:"))
      .map(([n, v]) => [n.includes(":") ? expand(n, ns, false) : n, v] as const);
    const [name, localName] = [expand(qname, ns, true), qname.slice(qname.indexOf(":") + 1)];
    if (xml.startsWith("/>", pos)) {
      pos += 2;
      return { name, localName, attributes, text: "", children: [] };
    }
    if (xml[pos] !== ">") throw new XmlSyntaxError(`">" expected at ${pos}`);
    pos++;
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      const lt = xml.indexOf("<", pos);
      if (lt < 0) throw new XmlSyntaxError(`unclosed <${qname}>`);
      if (children.length === 0) text += decode(xml.slice(pos, lt));
      pos = lt;
      if (xml.startsWith("</", pos)) {
        pos = after(">");
        return { name, localName, attributes, text, children };
      }
      if (xml.startsWith("<!--", pos)) pos = after("-->");
      else if (xml.startsWith("<?", pos)) pos = after("?>");
      else if (xml.startsWith("<![CDATA[", pos)) {
        const end = xml.indexOf("]]>", pos);
        if (end < 0) throw new XmlSyntaxError("unterminated CDATA");
        if (children.length === 0) text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else children.push(element(ns));
    }
  }

  skipMisc();
  if (xml[pos] !== "<") throw new XmlSyntaxError("no root element");
  return element(new Map());
}

function expand(qname: string, ns: ReadonlyMap<string, string>, isElement: boolean): string {
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? (isElement ? "" : undefined) : qname.slice(0, colon);
  if (prefix === undefined) return qname;
  if (prefix === "xml") return `{http://www.w3.org/XML/1998/namespace}${qname.slice(colon + 1)}`;
  const uri = ns.get(prefix);
  if (uri === undefined) {
    if (prefix === "") return qname;
    throw new XmlSyntaxError(`undeclared namespace prefix "${prefix}"`);
  }
  return uri === "" ? qname.slice(colon + 1) : `{${uri}}${qname.slice(colon + 1)}`;
}

function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    return entities[ref] ?? whole;
  });
}
