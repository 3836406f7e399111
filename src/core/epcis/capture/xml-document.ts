import { cbvShortName } from "../cbv-normalise.ts";
import type { CbvVocabularyKind } from "../cbv-vocabulary.ts";
import { epcisEventTypes } from "../epcis-types.ts";
import { parseXml, type XmlElement, XmlSyntaxError } from "../hash/xml-parser.ts";
import { EPCIS_CONTEXT_URL } from "../platform/platform-context.ts";

/**
 * An EPCIS XML document (EPCIS 2.0 §9.4 XML binding; 1.x documents too) read into the JSON-LD model (EPCIS 2.0
 * §9.3), so that both bindings are stored as one model: lists of `<epc>` become arrays, `<bizTransaction
 * type="…">` becomes `{type, bizTransaction}`, sensor attributes become members with numbers and booleans typed,
 * standard CBV URIs become the JSON-LD short names, and extension elements become `prefix:local` members with the
 * document's own prefixes declared in the @context (standard namespaces keep their standard prefixes).
 */
export class EpcisXmlError extends Error {}

type Obj = Record<string, unknown>;
const standardNamespaces: Readonly<Record<string, string>> = {
  "urn:epcglobal:cbv:mda": "cbvmda",
  "urn:epcglobal:cbv:mda:": "cbvmda",
  "https://gs1.org/voc/": "gs1",
  "https://ref.gs1.org/cbv/": "cbv",
};
const ignoredNamespaces = new Set([
  "http://www.w3.org/2001/XMLSchema-instance",
  "http://www.w3.org/2001/XMLSchema",
  "http://www.w3.org/XML/1998/namespace",
]);
const wrappers = new Set(["extension", "baseExtension"]);
const epcLists = new Set(["epcList", "childEPCs", "inputEPCList", "outputEPCList"]);
const quantityLists = new Set(["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"]);
const numericSensorFields = new Set(["value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue"]);
const vocabularyFields: Readonly<Record<string, CbvVocabularyKind>> = {
  bizStep: "bizStep",
  disposition: "disposition",
};

export function xmlToEpcisDocument(xml: string): Obj {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    throw new EpcisXmlError(e instanceof XmlSyntaxError ? e.message : "not well-formed XML");
  }
  if (root.localName !== "EPCISDocument" && root.localName !== "EPCISQueryDocument")
    throw new EpcisXmlError(`the root element is ${root.localName}, not EPCISDocument`);
  const prefixes = declaredPrefixes(xml);
  const used = new Map<string, string>();
  const names = { prefixes, used };
  const attr = (e: XmlElement, n: string) => e.attributes.find(([k]) => k === n)?.[1];
  const body = child(root, "EPCISBody");
  const eventList = body ? find(body, "EventList") : undefined;
  const events = eventList
    ? unwrapped(eventList.children)
        .filter(isEvent)
        .map((e) => toEvent(e, names))
    : [];
  const header = {
    schemaVersion: attr(root, "schemaVersion") ?? "2.0",
    creationDate: attr(root, "creationDate") ?? "",
  };
  const context = [EPCIS_CONTEXT_URL, ...[...used].map(([prefix, ns]) => ({ [prefix]: ns }))];
  if (root.localName === "EPCISQueryDocument") {
    const queryName = body ? find(body, "queryName")?.text.trim() : undefined;
    return {
      "@context": context,
      type: "EPCISQueryDocument",
      ...header,
      epcisBody: { queryResults: { queryName: queryName ?? "SimpleEventQuery", resultsBody: { eventList: events } } },
    };
  }
  return { "@context": context, type: "EPCISDocument", ...header, epcisBody: { eventList: events } };
}

interface Names {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly used: Map<string, string>;
}

function declaredPrefixes(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g))
    if (!out.has(m[2] as string)) out.set(m[2] as string, m[1] as string);
  return out;
}

function isEvent(e: XmlElement): boolean {
  return epcisEventTypes.includes(e.name as never) || /^\{[^}]*\}\w+Event$/.test(e.name);
}

function child(e: XmlElement, localName: string): XmlElement | undefined {
  return e.children.find((c) => c.localName === localName);
}

function find(e: XmlElement, localName: string): XmlElement | undefined {
  if (e.localName === localName) return e;
  for (const c of e.children) {
    const hit = find(c, localName);
    if (hit) return hit;
  }
  return undefined;
}

function unwrapped(children: readonly XmlElement[]): XmlElement[] {
  return children.flatMap((c) => (wrappers.has(c.name) ? unwrapped(c.children) : [c]));
}

/** `{ns}local` → `prefix:local` (declaring the prefix), or a plain name as is. */
function jsonName(name: string, names: Names): string | undefined {
  const m = /^\{([^}]*)\}(.*)$/.exec(name);
  if (!m) return name;
  const [ns, local] = [m[1] as string, m[2] as string];
  if (ignoredNamespaces.has(ns)) return undefined;
  const standard = standardNamespaces[ns];
  if (standard) return `${standard}:${local}`;
  let prefix = names.prefixes.get(ns);
  if (prefix === undefined || standardNamespaces[ns] !== undefined) prefix = `ns${names.used.size + 1}`;
  names.used.set(prefix, ns);
  return `${prefix}:${local}`;
}

const text = (e: XmlElement) => e.text.trim();
const shortName = (kind: CbvVocabularyKind, v: string) => cbvShortName(kind, v);

function toEvent(e: XmlElement, names: Names): Obj {
  const out: Obj = { type: e.localName };
  for (const c of unwrapped(e.children)) {
    const name = c.name;
    if (epcLists.has(name)) out[name] = c.children.map(text);
    else if (quantityLists.has(name)) out[name] = c.children.map(quantityElement);
    else if (name === "readPoint" || name === "bizLocation") out[name] = location(c, names);
    else if (name === "bizTransactionList")
      out[name] = c.children.map((t) => typed(t, "bizTransaction", "bizTransactionType"));
    else if (name === "sourceList") out[name] = c.children.map((t) => typed(t, "source", "sourceDestType"));
    else if (name === "destinationList") out[name] = c.children.map((t) => typed(t, "destination", "sourceDestType"));
    else if (name === "sensorElementList") out[name] = c.children.map((s) => sensorElement(s, names));
    else if (name === "persistentDisposition") out[name] = persistent(c);
    else if (name === "ilmd") out[name] = extensionObject(unwrapped(c.children), names);
    else if (name === "errorDeclaration") out[name] = errorDeclaration(c, names);
    else if (name === "certificationInfo") appendValue(out, name, text(c));
    else if (vocabularyFields[name]) out[name] = shortName(vocabularyFields[name] as CbvVocabularyKind, text(c));
    else if (!name.startsWith("{")) out[name] = text(c);
    else {
      const key = jsonName(name, names);
      if (key) appendValue(out, key, extensionValue(c, names));
    }
  }
  return out;
}

function appendValue(out: Obj, key: string, value: unknown) {
  const prior = out[key];
  out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
}

function quantityElement(q: XmlElement): Obj {
  const out: Obj = {};
  for (const c of q.children) out[c.name] = c.name === "quantity" ? Number(text(c)) : text(c);
  return out;
}

function location(e: XmlElement, names: Names): Obj {
  const out: Obj = {};
  for (const c of unwrapped(e.children)) {
    if (c.name === "id") out.id = text(c);
    else {
      const key = jsonName(c.name, names);
      if (key) appendValue(out, key, extensionValue(c, names));
    }
  }
  return out;
}

function typed(e: XmlElement, valueName: string, kind: CbvVocabularyKind): Obj {
  const type = e.attributes.find(([k]) => k === "type")?.[1];
  return { ...(type !== undefined ? { type: shortName(kind, type) } : {}), [valueName]: text(e) };
}

function sensorElement(e: XmlElement, names: Names): Obj {
  const out: Obj = {};
  const reports: Obj[] = [];
  for (const c of unwrapped(e.children)) {
    if (c.name === "sensorMetadata") out.sensorMetadata = attributesOf(c, names);
    else if (c.name === "sensorReport") reports.push(attributesOf(c, names));
    else {
      const key = jsonName(c.name, names);
      if (key) appendValue(out, key, extensionValue(c, names));
    }
  }
  out.sensorReport = reports;
  return out;
}

function attributesOf(e: XmlElement, names: Names): Obj {
  const out: Obj = {};
  for (const [k, v] of e.attributes) {
    const key = jsonName(k, names);
    if (!key) continue;
    if (numericSensorFields.has(k)) out[key] = Number(v);
    else if (k === "booleanValue") out[key] = v === "true" || v === "1";
    else out[key] = v;
  }
  for (const c of unwrapped(e.children)) {
    const key = jsonName(c.name, names);
    if (key) appendValue(out, key, extensionValue(c, names));
  }
  return out;
}

function persistent(e: XmlElement): Obj {
  const out: { set?: string[]; unset?: string[] } = {};
  for (const c of e.children) {
    if (c.name !== "set" && c.name !== "unset") continue;
    const list = out[c.name] ?? [];
    list.push(shortName("disposition", text(c)));
    out[c.name] = list;
  }
  return out;
}

function errorDeclaration(e: XmlElement, names: Names): Obj {
  const out: Obj = {};
  for (const c of unwrapped(e.children)) {
    if (c.name === "declarationTime") out.declarationTime = text(c);
    else if (c.name === "reason") out.reason = shortName("errorReason", text(c));
    else if (c.name === "correctiveEventIDs") out.correctiveEventIDs = c.children.map(text);
    else {
      const key = jsonName(c.name, names);
      if (key) appendValue(out, key, extensionValue(c, names));
    }
  }
  return out;
}

/** An extension element: its text, or an object of its children (repeated names become arrays). */
function extensionValue(e: XmlElement, names: Names): unknown {
  const children = unwrapped(e.children);
  if (children.length === 0) return text(e);
  return extensionObject(children, names);
}

function extensionObject(children: readonly XmlElement[], names: Names): Obj {
  const out: Obj = {};
  for (const c of children) {
    const key = jsonName(c.name, names);
    if (key) appendValue(out, key, extensionValue(c, names));
  }
  return out;
}
