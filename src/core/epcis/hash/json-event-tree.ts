import { branchNode, type HashNode, leafNode, pairNode } from "./hash-node.ts";
import type { ActiveContext } from "./jsonld-context.ts";

/**
 * An EPCIS 2.0 JSON-LD event mapped onto the XML-shaped hash tree (EPCIS 2.0 §9 gives the JSON/XML correspondence),
 * so that both bindings of one event hash alike (CBV 2.0 §8.9.2):
 * - `xxxList: [...]` becomes an `xxxList` node of `xxx` entries, `childEPCs` a node of `epc` entries,
 *   `inputEPC`/`outputEPC` entries are `epc`, quantity entries are `quantityElement`;
 * - bizTransaction/source/destination entries become `type`+value pairs;
 * - bare vocabulary values are expanded through the JSON-LD context (`shipping` → `…/BizStep-shipping`);
 * - names `prefix:local` become `{namespace}local` with the prefixes the document itself declares.
 */
export interface JsonTreeContext {
  readonly active: ActiveContext;
  /** Prefixes declared inline in the document's @context (the reference implementation expands only these). */
  readonly prefixes: ReadonlyMap<string, string>;
}

// Only CBV and GS1 web vocabulary is expanded from bare values, as in the reference implementation.
const vocabularyBases = ["https://ref.gs1.org/", "https://gs1.org/"];
const notFields = new Set(["#text", "rdfs:comment", "comment", "@context"]);

export function jsonEventToTree(event: Readonly<Record<string, unknown>>, ctx: JsonTreeContext): HashNode {
  return branchNode(String(event.type ?? ""), fields(event, ctx.active, ctx));
}

function fields(obj: Readonly<Record<string, unknown>>, active: ActiveContext, ctx: JsonTreeContext): HashNode[] {
  const out: HashNode[] = [];
  for (const key in obj) {
    const value = obj[key];
    if (value === null || value === undefined || notFields.has(key) || key.startsWith("@xmlns")) continue;
    const name = expandName(key, ctx.prefixes);
    const nodes = valueNodes(name, key, value, active, ctx);
    // Any `…List` is a wrapper of `…` entries, user extensions included, as in the reference implementation.
    if (name.endsWith("List")) out.push(wrapper(name, nodes, name.slice(0, -4)));
    else if (name === "childEPCs") out.push(wrapper(name, nodes, "epc"));
    else for (const n of nodes) out.push(corrected(n));
  }
  return out;
}

function wrapper(name: string, entries: readonly HashNode[], entryName: string): HashNode {
  return branchNode(
    name,
    entries.map((n) => corrected(rename(n, entryName))),
  );
}

function valueNodes(name: string, key: string, v: unknown, active: ActiveContext, ctx: JsonTreeContext): HashNode[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) {
    const out: HashNode[] = [];
    for (const item of v) for (const n of valueNodes(name, key, item, active, ctx)) out.push(n);
    return out;
  }
  if (typeof v === "object") {
    const obj = v as Readonly<Record<string, unknown>>;
    const text = typeof obj["#text"] === "string" ? obj["#text"] : "";
    return [branchNode(name, fields(obj, active.inside(key), ctx), text)];
  }
  if (typeof v === "string") return [leafNode(name, stringValue(key, v, active, ctx.prefixes))];
  // The reference implementation writes JSON booleans as Python does (`True`); its test vectors pin that.
  if (typeof v === "boolean") return [leafNode(name, v ? "True" : "False")];
  return [leafNode(name, String(v))];
}

function stringValue(key: string, v: string, active: ActiveContext, prefixes: ReadonlyMap<string, string>): string {
  const iri = active.vocabularyValue(key, v);
  if (iri !== undefined && isGs1Vocabulary(iri)) return iri;
  // A CURIE value is expanded when the document itself declares its prefix (`gs1:Angle` with
  // `{"gs1": "https://gs1.org/voc/"}`); prefixes known only from remote contexts are not, as in the reference.
  const colon = v.indexOf(":");
  const ns = colon > 0 ? prefixes.get(v.slice(0, colon)) : undefined;
  return ns === undefined ? v : ns + v.slice(colon + 1);
}

function isGs1Vocabulary(iri: string): boolean {
  return vocabularyBases.some((b) => iri.startsWith(b));
}

/** `prefix:local` → `{namespace}local` when the document declares the prefix (XML-style expanded name). */
export function expandName(key: string, prefixes: ReadonlyMap<string, string>): string {
  const colon = key.indexOf(":");
  if (colon < 0) return key;
  const ns = prefixes.get(key.slice(0, colon));
  return ns === undefined ? key : `{${ns}}${key.slice(colon + 1)}`;
}

function rename(node: HashNode, name: string): HashNode {
  return { ...node, name };
}

/** The JSON names that differ from the XML binding (EPCIS 2.0 §9.3) and the pair shape of typed references. */
function corrected(node: HashNode): HashNode {
  switch (node.name) {
    case "inputEPC":
    case "outputEPC":
      return rename(node, "epc");
    case "inputQuantity":
    case "outputQuantity":
    case "childQuantity":
      return rename(node, "quantityElement");
    case "quantity":
      return node.children.length > 0 ? rename(node, "quantityElement") : node;
    case "bizTransaction":
    case "source":
    case "destination":
      return typedReference(node);
    default:
      return node;
  }
}

function typedReference(node: HashNode): HashNode {
  const value = node.children.find((c) => c.name === node.name);
  if (!value) return node;
  const type = node.children.find((c) => c.name === "type");
  const extra = node.children.filter((c) => c !== value && c !== type);
  return pairNode(node.name, value.text, type?.text, extra);
}
