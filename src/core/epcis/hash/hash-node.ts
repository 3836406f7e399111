/**
 * The neutral tree the event hash algorithm works on (CBV 2.0 §8.9.2). Both EPCIS bindings are mapped onto it:
 * the XML binding almost as it is (elements and attributes become nodes), the JSON-LD binding through
 * `json-event-tree.ts`, so that the same event gives the same pre-hash string whichever binding carried it.
 */
export interface HashNode {
  /** Field name; user extensions are named `{namespace}localName`. Empty for an unnamed group (see `pairNode`). */
  readonly name: string;
  /** Simple content, as found (trimmed and canonicalised only when the pre-hash string is built). */
  readonly text: string;
  readonly children: readonly HashNode[];
}

export function leafNode(name: string, text: string): HashNode {
  return { name, text, children: [] };
}

export function branchNode(name: string, children: readonly HashNode[], text = ""): HashNode {
  return { name, text, children };
}

/**
 * A bizTransaction, source or destination entry: its `type` and its value stay together, type first, in that order
 * (CBV 2.0 §8.9.2 writes them as `type=…bizTransaction=…`). The group has no name of its own, so the entries of one
 * list are sorted as whole strings while the two halves of an entry are not.
 */
export function pairNode(valueName: string, value: string, type: string | undefined, extra: readonly HashNode[] = []) {
  const typeNodes = type === undefined ? [] : [leafNode("type", type)];
  return branchNode("", [...typeNodes, ...extra, leafNode(valueName, value)]);
}

/** Names the CBV treats as user extensions: a namespace in braces whose IRI ends with "/" (see pre-hash-string.ts). */
export function isUserExtensionName(name: string): boolean {
  return name.includes("{") && name.includes("/}");
}
