import { cbvShortName } from "../cbv-normalise.ts";
import { canonicalEpc } from "../event-epcs.ts";

/**
 * FSMA 204 (21 CFR 1.1455(c)(3)(ii)): on the FDA's request, the traceability records "in an electronic sortable
 * spreadsheet", one row per lot and critical tracking event with its key data elements. The columns follow the
 * FDA's sortable-spreadsheet template: the CTE, its date, the traceability lot code and its source, the product,
 * quantity and unit, where the event happened, where the food came from and went, and the reference document.
 * EPCIS is the source: a shipping/receiving/commissioning/transformation event is a CTE (21 CFR 1.1310–1.1350).
 */
export const fsmaColumns = [
  "Critical Tracking Event",
  "Event Date",
  "Event Time (UTC offset)",
  "Traceability Lot Code",
  "Product Description",
  "Quantity",
  "Unit of Measure",
  "Location Description",
  "Ship-From Location",
  "Ship-To Location",
  "Traceability Lot Code Source",
  "Reference Document Type",
  "Reference Document Number",
  "EPCIS Event ID",
] as const;

export type FsmaRow = Readonly<Record<(typeof fsmaColumns)[number], string | number>>;

export interface FsmaLookups {
  /** Product description and TLC source of a lot, by its canonical class URI. */
  lot(canonicalClass: string): { readonly product: string; readonly source: string } | undefined;
  /** A place or party, described for a person (name and address), by the URI an event names it with. */
  place(uri: string): string;
}

type Obj = Readonly<Record<string, unknown>>;

/** The CTE an event is (21 CFR 1.1310 ff.), or undefined when it is not one. */
export function cteOf(event: Obj): string | undefined {
  if (event.type === "TransformationEvent") return "Transformation";
  const step = typeof event.bizStep === "string" ? cbvShortName("bizStep", event.bizStep) : undefined;
  if (step === "shipping" && event.disposition !== "returned") return "Shipping";
  if (step === "receiving") return "Receiving";
  if (step === "commissioning") return "Initial Packing";
  return undefined;
}

export function fsmaRows(events: readonly Obj[], look: FsmaLookups): FsmaRow[] {
  const rows: FsmaRow[] = [];
  const byTime = [...events].sort((a, b) => Date.parse(String(a.eventTime)) - Date.parse(String(b.eventTime)));
  for (const e of byTime) {
    const cte = cteOf(e);
    if (!cte) continue;
    const time = String(e.eventTime);
    const local = localTime(time, String(e.eventTimeZoneOffset ?? "Z"));
    const first = (list: unknown, key: string) =>
      ((Array.isArray(list) ? list : []) as Obj[]).map((x) => x[key]).find((v): v is string => typeof v === "string");
    const where = (e.bizLocation as Obj | undefined)?.id ?? (e.readPoint as Obj | undefined)?.id;
    const doc = (Array.isArray(e.bizTransactionList) ? (e.bizTransactionList as Obj[]) : [])[0];
    const lists = e.type === "TransformationEvent" ? [e.outputQuantityList, e.inputQuantityList] : [e.quantityList];
    for (const list of lists) {
      for (const q of (Array.isArray(list) ? list : []) as Obj[]) {
        // One spelling per lot (URN and Digital Link forms of the same lot meet), so rows sort by lot.
        const cls = canonicalEpc(String(q.epcClass));
        const lot = look.lot(cls);
        const from = first(e.sourceList, "source");
        const to = first(e.destinationList, "destination");
        rows.push({
          "Critical Tracking Event": list === e.inputQuantityList ? "Transformation (input)" : cte,
          "Event Date": local.slice(0, 10),
          "Event Time (UTC offset)": `${local.slice(11, 16)} ${String(e.eventTimeZoneOffset ?? "")}`.trim(),
          "Traceability Lot Code": cls,
          "Product Description": lot?.product ?? "",
          Quantity: typeof q.quantity === "number" ? q.quantity : "",
          "Unit of Measure": typeof q.uom === "string" ? q.uom : "EA",
          "Location Description": typeof where === "string" ? look.place(where) : "",
          "Ship-From Location": from ? look.place(from) : "",
          "Ship-To Location": to ? look.place(to) : "",
          "Traceability Lot Code Source": lot?.source ?? "",
          "Reference Document Type":
            doc && typeof doc.type === "string" ? cbvShortName("bizTransactionType", doc.type) : "",
          "Reference Document Number": doc && typeof doc.bizTransaction === "string" ? doc.bizTransaction : "",
          "EPCIS Event ID": String(e.eventID ?? ""),
        });
      }
    }
  }
  // By lot, then in the order the events happened (a stable sort keeps the time order within a lot).
  return rows.sort((a, b) => String(a["Traceability Lot Code"]).localeCompare(String(b["Traceability Lot Code"])));
}

/** The event's time on its own clock (EPCIS 2.0 §7.4.1 eventTimeZoneOffset), as `YYYY-MM-DDTHH:MM`. */
function localTime(eventTime: string, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const ms = Date.parse(eventTime);
  if (!m || Number.isNaN(ms)) return eventTime;
  const shift = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return new Date(ms + shift).toISOString().slice(0, 16);
}

/** RFC 4180 CSV, with a UTF-8 byte-order mark so that spreadsheet programs read Chinese names right. */
export function fsmaCsv(rows: readonly FsmaRow[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [fsmaColumns.map(cell).join(","), ...rows.map((r) => fsmaColumns.map((c) => cell(r[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
