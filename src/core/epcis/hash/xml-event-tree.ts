import { branchNode, type HashNode, leafNode, pairNode } from "./hash-node.ts";
import { parseXml, type XmlElement } from "./xml-parser.ts";

/**
 * The events of an EPCIS XML document (EPCIS 2.0 §9.4; 1.x documents too) as hash trees: elements and attributes
 * both become fields, `<extension>`/`<baseExtension>` wrappers of the 1.x schema are dropped, and
 * bizTransaction/source/destination become `type`+value pairs like in the JSON mapping (json-event-tree.ts).
 */
export interface XmlHashDocument {
  readonly events: readonly HashNode[];
  /** Expanded names listed by an `ignoreFields` header element (a repository convention the test vectors use). */
  readonly ignoreFields: readonly string[];
}

// CURIE values with the two standard prefixes are written as web URIs, as in the reference implementation.
const valuePrefixes: readonly (readonly [string, string])[] = [
  ["gs1:", "https://gs1.org/voc/"],
  ["cbv:", "https://ref.gs1.org/cbv/"],
];
const wrappers = new Set(["extension", "baseExtension"]);
const typedReferences = new Set(["bizTransaction", "source", "destination"]);

export function xmlHashDocument(xml: string): XmlHashDocument {
  const root = parseXml(xml);
  const eventList = find(root, (e) => e.localName === "EventList");
  const ignore = find(root, (e) => e.localName === "ignoreFields");
  return {
    events: eventList ? unwrapped(eventList.children).map(toNode) : [],
    ignoreFields: ignore ? ignore.children.map((c) => c.name) : [],
  };
}

function find(e: XmlElement, test: (e: XmlElement) => boolean): XmlElement | undefined {
  if (test(e)) return e;
  for (const c of e.children) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}

function unwrapped(children: readonly XmlElement[]): XmlElement[] {
  return children.flatMap((c) => (wrappers.has(c.name) ? unwrapped(c.children) : [c]));
}

function toNode(e: XmlElement): HashNode {
  const attributes = e.attributes.map(([name, value]) => leafNode(name, expandValue(value)));
  const children = [...attributes, ...unwrapped(e.children).map(toNode)];
  const text = expandValue(e.text.trim());
  if (typedReferences.has(e.name) && children.length > 0) {
    const type = children.find((c) => c.name === "type");
    return pairNode(
      e.name,
      text,
      type?.text,
      children.filter((c) => c !== type),
    );
  }
  return branchNode(e.name, children, text);
}

function expandValue(value: string): string {
  for (const [prefix, iri] of valuePrefixes) if (value.startsWith(prefix)) return value.replaceAll(prefix, iri);
  return value;
}
