/**
 * RFC 8785 (JCS) canonical JSON of a flat object — every value null, a boolean, a finite number or a string — the
 * shape of every platform record the ledger commits (store/ledger-records.ts: one table row). It produces the same
 * text as the generic implementation (flat-json.test.ts checks that on random records) at a fraction of the cost:
 * the sorted key order (§3.2.3: by UTF-16 code units, which is what Array.prototype.sort compares) and the quoted
 * keys are worked out once per set of keys, and values are written by JSON.stringify, whose string and number
 * serialisation is the one §3.2.2.2 and §3.2.2.3 prescribe.
 */
import { isWellFormedText } from "./encoding.ts";

interface Shape {
  readonly keys: readonly string[];
  /** `{"key":` and `,"key":` for each key in sorted order. */
  readonly prefixes: readonly string[];
}

const shapes = new Map<string, Shape>();

function shapeOf(keys: readonly string[]): Shape | undefined {
  // JSON of the key list names it unambiguously (a join could not tell ["a,b"] from ["a", "b"]).
  const id = JSON.stringify(keys);
  let shape = shapes.get(id);
  if (!shape) {
    if (!keys.every((k) => isWellFormedText(k))) return undefined;
    const sorted = [...keys].sort();
    shape = { keys: sorted, prefixes: sorted.map((k, i) => `${i === 0 ? "{" : ","}${JSON.stringify(k)}:`) };
    // Records come in a handful of shapes; a flood of distinct key sets must not grow the map without bound.
    if (shapes.size > 1_000) shapes.clear();
    shapes.set(id, shape);
  }
  return shape;
}

/**
 * The canonical JSON of `record`, or undefined if it is not a flat object of JSON primitives (or holds a string
 * that is not well-formed UTF-16): the caller then takes the generic path, which also decides what to refuse.
 */
export function canonicalFlatJson(record: unknown): string | undefined {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  const proto = Object.getPrototypeOf(record);
  // A plain object only: a class instance may serialise otherwise (toJSON, a Date, bytes).
  if (proto !== Object.prototype && proto !== null) return undefined;
  const object = record as Readonly<Record<string, unknown>>;
  const shape = shapeOf(Object.keys(object));
  if (!shape) return undefined;
  if (shape.keys.length === 0) return "{}";
  let out = "";
  for (let i = 0; i < shape.keys.length; i++) {
    const v = object[shape.keys[i] as string];
    let text: string;
    if (v === null) text = "null";
    else if (typeof v === "string") {
      if (!isWellFormedText(v)) return undefined;
      text = JSON.stringify(v);
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) return undefined;
      text = JSON.stringify(v);
    } else if (typeof v === "boolean") text = v ? "true" : "false";
    else return undefined;
    out += shape.prefixes[i] + text;
  }
  return `${out}}`;
}
