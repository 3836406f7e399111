import { normaliseCbvValue } from "../cbv-normalise.ts";
import { canonicalEpc, eventEpcs, type NamedEpc } from "../event-epcs.ts";

/**
 * What the repository indexes of one event so that every SimpleEventQuery parameter (EPCIS 2.0 §8.2.7.1) is an
 * index look-up: scalar columns, the EPCs with their roles, and the repeated fields (bizTransaction, source and
 * destination by type, ILMD fields by full name, persistent dispositions). Vocabulary values are stored in one
 * spelling (CBV 2.0 web URIs, CBV 2.0 §6.4), identifiers in canonical form, so that any spelling of a query finds them.
 */
export interface IndexedField {
  readonly kind: "bizTransaction" | "source" | "destination" | "ilmd" | "persistentSet" | "persistentUnset";
  readonly name: string;
  readonly value: string;
}

export interface EventIndex {
  readonly eventType: string;
  readonly eventTime: number;
  readonly action: string | null;
  readonly bizStep: string | null;
  readonly disposition: string | null;
  readonly readPoint: string | null;
  readonly bizLocation: string | null;
  readonly epcs: readonly NamedEpc[];
  readonly fields: readonly IndexedField[];
}

/** Prefixes of the standard EPCIS 2.0 context (EPCIS 2.0 §8.2.4.1) that name ILMD and extension fields. */
export const standardPrefixes: ReadonlyMap<string, string> = new Map([
  ["cbvmda", "urn:epcglobal:cbv:mda:"],
  ["gs1", "https://gs1.org/voc/"],
  ["cbv", "https://ref.gs1.org/cbv/"],
  ["epcis", "https://ref.gs1.org/epcis/"],
]);

/** A field's full name: `prefix:local` expanded with the prefixes in force; a name without a known prefix as is. */
export function fieldIri(name: string, prefixes: ReadonlyMap<string, string>): string {
  const colon = name.indexOf(":");
  if (colon <= 0) return name;
  const ns = prefixes.get(name.slice(0, colon)) ?? standardPrefixes.get(name.slice(0, colon));
  return ns === undefined ? name : ns + name.slice(colon + 1);
}

type Obj = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): readonly Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

export function indexEvent(event: Obj, prefixes: ReadonlyMap<string, string> = new Map()): EventIndex {
  const fields: IndexedField[] = [];
  for (const t of list(event.bizTransactionList)) {
    if (typeof t.bizTransaction !== "string") continue;
    fields.push({ kind: "bizTransaction", name: typeName("bizTransactionType", t.type), value: t.bizTransaction });
  }
  for (const s of list(event.sourceList))
    if (typeof s.source === "string")
      fields.push({ kind: "source", name: typeName("sourceDestType", s.type), value: canonicalEpc(s.source) });
  for (const d of list(event.destinationList))
    if (typeof d.destination === "string")
      fields.push({
        kind: "destination",
        name: typeName("sourceDestType", d.type),
        value: canonicalEpc(d.destination),
      });
  const ilmd = event.ilmd;
  if (ilmd && typeof ilmd === "object") {
    for (const [k, v] of Object.entries(ilmd as Obj)) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
        fields.push({ kind: "ilmd", name: fieldIri(k, prefixes), value: String(v) });
    }
  }
  const pd = event.persistentDisposition as { set?: unknown; unset?: unknown } | undefined;
  for (const [kind, values] of [
    ["persistentSet", pd?.set],
    ["persistentUnset", pd?.unset],
  ] as const) {
    for (const v of Array.isArray(values) ? values : [])
      if (typeof v === "string") fields.push({ kind, name: "", value: normaliseCbvValue("disposition", v) });
  }
  const bizStep = str(event.bizStep);
  const disposition = str(event.disposition);
  const readPoint = str((event.readPoint as Obj | undefined)?.id);
  const bizLocation = str((event.bizLocation as Obj | undefined)?.id);
  return {
    eventType: String(event.type),
    eventTime: Date.parse(String(event.eventTime)),
    action: str(event.action),
    bizStep: bizStep === null ? null : normaliseCbvValue("bizStep", bizStep),
    disposition: disposition === null ? null : normaliseCbvValue("disposition", disposition),
    readPoint: readPoint === null ? null : canonicalEpc(readPoint),
    bizLocation: bizLocation === null ? null : canonicalEpc(bizLocation),
    epcs: dedupe(eventEpcs(event)),
    fields: dedupeFields(fields),
  };
}

function typeName(kind: "bizTransactionType" | "sourceDestType", type: unknown): string {
  return typeof type === "string" ? normaliseCbvValue(kind, type) : "";
}

function dedupe(epcs: readonly NamedEpc[]): NamedEpc[] {
  return [...new Map(epcs.map((e) => [`${e.role} ${e.epc}`, e])).values()];
}

function dedupeFields(fields: readonly IndexedField[]): IndexedField[] {
  return [...new Map(fields.map((f) => [`${f.kind}\u0000${f.name}\u0000${f.value}`, f])).values()];
}
