/**
 * Every EPC and EPC class an EPCIS 2.0 event names, with the role it plays (EPCIS 2.0 §7.3: epcList,
 * quantityList, parentID/childEPCs/childQuantityList, input/output lists). The store indexes them so that
 * "all events of this lot" is one index look-up.
 */
export interface NamedEpc {
  readonly epc: string;
  readonly role: "epc" | "class" | "parent" | "child" | "input" | "output";
}

type Q = readonly { readonly epcClass: string }[] | undefined;
type E = readonly string[] | undefined;

export function eventEpcs(event: Readonly<Record<string, unknown>>): NamedEpc[] {
  const out: NamedEpc[] = [];
  const epcs = (list: unknown, role: NamedEpc["role"]) => {
    for (const epc of (list as E) ?? []) out.push({ epc, role });
  };
  const classes = (list: unknown, role: NamedEpc["role"]) => {
    for (const q of (list as Q) ?? []) out.push({ epc: q.epcClass, role });
  };
  epcs(event.epcList, "epc");
  classes(event.quantityList, "class");
  if (typeof event.parentID === "string") out.push({ epc: event.parentID, role: "parent" });
  epcs(event.childEPCs, "child");
  classes(event.childQuantityList, "child");
  epcs(event.inputEPCList, "input");
  classes(event.inputQuantityList, "input");
  epcs(event.outputEPCList, "output");
  classes(event.outputQuantityList, "output");
  return out;
}
