import { canonicalGs1Uri } from "./hash/epc-canonical.ts";

/**
 * Every EPC and EPC class an EPCIS 2.0 event names, with the role it plays (EPCIS 2.0 §7.3: epcList,
 * quantityList, parentID/childEPCs/childQuantityList, input/output lists). The store indexes them so that
 * "all events of this lot" is one index look-up. Roles keep instances apart from classes because the query
 * parameters do (EPCIS 2.0 §8.2.7.1: MATCH_epc reads epcList and childEPCs, MATCH_epcClass the quantity lists).
 */
export type EpcRole =
  | "epc"
  | "class"
  | "parent"
  | "child"
  | "childClass"
  | "input"
  | "inputClass"
  | "output"
  | "outputClass";

export interface NamedEpc {
  /** Canonical form (GS1 keys as canonical Digital Link URIs, CBV 2.0 §8.9.2), so URN and DL spellings meet. */
  readonly epc: string;
  readonly role: EpcRole;
}

type Q = readonly { readonly epcClass: string }[] | undefined;
type E = readonly string[] | undefined;

/** The one form an EPC is stored and looked up in: GS1 keys canonicalised, anything else as written. */
export function canonicalEpc(uri: string): string {
  return canonicalGs1Uri(uri) ?? uri;
}

export function eventEpcs(event: Readonly<Record<string, unknown>>): NamedEpc[] {
  const out: NamedEpc[] = [];
  const epcs = (list: unknown, role: EpcRole) => {
    for (const epc of (list as E) ?? []) if (typeof epc === "string") out.push({ epc: canonicalEpc(epc), role });
  };
  const classes = (list: unknown, role: EpcRole) => {
    for (const q of (list as Q) ?? [])
      if (typeof q?.epcClass === "string") out.push({ epc: canonicalEpc(q.epcClass), role });
  };
  epcs(event.epcList, "epc");
  classes(event.quantityList, "class");
  if (typeof event.parentID === "string") out.push({ epc: canonicalEpc(event.parentID), role: "parent" });
  epcs(event.childEPCs, "child");
  classes(event.childQuantityList, "childClass");
  epcs(event.inputEPCList, "input");
  classes(event.inputQuantityList, "inputClass");
  epcs(event.outputEPCList, "output");
  classes(event.outputQuantityList, "outputClass");
  return out;
}
