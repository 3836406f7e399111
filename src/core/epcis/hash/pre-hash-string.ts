import { type HashNode, isUserExtensionName } from "./hash-node.ts";
import { eventPropertyOrder, fieldsNeverHashed, type PropertyOrder } from "./hash-property-order.ts";
import { normaliseHashTimestamp } from "./hash-timestamp.ts";
import { canonicalHashValue } from "./hash-value.ts";

/**
 * The canonical pre-hash string of one event (CBV 2.0 §8.9.2, steps 1–3): `eventType=…`, then the fields of the
 * canonical property order, each `name=value` (a repeated field sorted by its strings, a nested field followed by
 * its own children in their order), then every remaining field — user extensions, ilmd, bizTransactionList,
 * sourceList, destinationList … — written generically and sorted. Joined without separators.
 *
 * The details that are not spelled out by the standard follow the reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator, the source of the test vectors in conformance/epcis/hash/), so
 * that hash IDs agree with it: which names count as user extensions inside a standard field, and that a field
 * left with unordered children is written again among the remaining fields under its full path.
 */
export function preHashFromTree(event: HashNode, ignoredFields: readonly string[] = []): string {
  const { text, rest } = inOrder(event.children, eventPropertyOrder);
  const skip = new Set([...fieldsNeverHashed, ...ignoredFields]);
  return `eventType=${event.name}${text}${generic(rest.filter((n) => !skip.has(n.name)))}`;
}

interface Consumed {
  readonly text: string;
  /** The nodes not (fully) written: fields outside the order, and ordered fields that kept unordered children. */
  readonly rest: readonly HashNode[];
}

function inOrder(children: readonly HashNode[], order: PropertyOrder): Consumed {
  const extensions = innerUserExtensions(children);
  const positions = positionsOf(order);
  const values: (string[] | undefined)[] = new Array(order.length);
  const rest: HashNode[] = [];
  for (const child of children) {
    if (extensions.length > 0 && extensions.includes(child)) continue;
    const at = positions.get(child.name);
    if (at === undefined) {
      rest.push(child);
      continue;
    }
    const { text, left } = fieldText(child, order[at]!.children);
    if (text !== "") {
      const same = values[at];
      if (same) same.push(text);
      else values[at] = [text];
    }
    // A field is written off only once nothing of it is left unwritten.
    if (left.children.length > 0) rest.push(left);
  }
  let text = "";
  for (const v of values) if (v) text += v.length > 1 ? v.sort(byCodeUnits).join("") : v[0];
  return { text: text + generic(extensions), rest };
}

const positionCache = new WeakMap<PropertyOrder, ReadonlyMap<string, number>>();
function positionsOf(order: PropertyOrder): ReadonlyMap<string, number> {
  let positions = positionCache.get(order);
  if (!positions) {
    positions = new Map(order.map((entry, i) => [entry.name, i]));
    positionCache.set(order, positions);
  }
  return positions;
}

/**
 * User extensions inside a standard field (readPoint, sensorMetadata, sensorReport …) are written right after that
 * field's ordered children, sorted. Not at the event's top level, where they are among the remaining fields; the
 * reference recognises the top level by a child whose name contains `eventTime` or `action`.
 */
function innerUserExtensions(children: readonly HashNode[]): readonly HashNode[] {
  if (children.length <= 1) return [];
  if (children.some((c) => c.name.includes("eventTime") || c.name.includes("action"))) return [];
  return children.filter((c) => isUserExtensionName(c.name));
}

function fieldText(node: HashNode, order: PropertyOrder | undefined): { text: string; left: HashNode } {
  const nested = order ? inOrder(node.children, order) : { text: "", rest: node.children };
  const raw = node.text.trim();
  let value = "";
  if (raw !== "") {
    const lower = node.name.toLowerCase();
    // Fields named …time… are timestamps (eventTime, time, startTime, endTime) — but not eventTimeZoneOffset.
    const isTime = lower.includes("time") && !lower.includes("offset");
    value = isTime ? (normaliseHashTimestamp(raw) ?? raw) : canonicalHashValue(raw);
  }
  const text = value !== "" || nested.text !== "" ? node.name + (value !== "" ? `=${value}` : "") + nested.text : "";
  return { text, left: { ...node, children: nested.rest } };
}

/**
 * Fields outside the property order: `name=value` followed by the children, siblings sorted as strings — except
 * the two halves of a bizTransaction/source/destination entry, which keep their `type` first.
 */
function generic(nodes: readonly HashNode[]): string {
  const parts = nodes.map((n) => {
    const raw = n.text.trim();
    return n.name + (raw !== "" ? `=${canonicalHashValue(raw)}` : "") + generic(n.children);
  });
  if (parts.length > 1 && !nodes.some((n) => pairHalves.has(n.name))) parts.sort(byCodeUnits);
  return parts.join("");
}

const pairHalves = new Set(["bizTransaction", "source", "destination"]);

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
