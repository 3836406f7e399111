import type { FieldError } from "../../errors.ts";
import { parseCbvValue } from "../cbv-normalise.ts";
import { type CbvVocabularyKind, cbvVocabularies } from "../cbv-vocabulary.ts";
import { epcisEventTypes } from "../epcis-types.ts";
import { canonicalDigitalLink } from "../hash/digital-link-canonical.ts";
import { canonicalGs1Uri } from "../hash/epc-canonical.ts";

/**
 * The checks of a captured event that the JSON Schema cannot make (EPCIS 2.0 §8.2.2: a capture with an invalid
 * event is refused whole): the event type is one of the five, times are real instants with an offset and the
 * offset is one of EPCIS 2.0 §7.4.1's form, EPC URIs decode (TDS 2.0 §6) and GS1 Digital Link URIs carry a
 * valid key, vocabulary values are either CBV 2.0 terms or URIs (EPCIS 2.0 §7.3.5.1: a non-standard value is
 * a URI). Every error is reported with the JSON pointer of the field at fault.
 */
type Obj = Readonly<Record<string, unknown>>;

// EPCIS 2.0 §7.4.1 / XSD dateTime with a mandatory offset; fractions of any length.
const timeRe = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
const offsetRe = /^[+-](\d{2}):(\d{2})$/;
const uriRe = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
// GS1 key schemes of EPC URIs (TDS 2.0 §6.3); others (gid, usdod, adi, bic, imovn) are checked for form only.
const gs1Schemes = new Set([
  "sgtin",
  "sscc",
  "sgln",
  "grai",
  "giai",
  "gsrn",
  "gsrnp",
  "gdti",
  "cpi",
  "sgcn",
  "ginc",
  "gsin",
  "itip",
  "upui",
  "pgln",
  "lgtin",
]);
// A path that names a GS1 key the way Digital Link does: it must then be a valid Digital Link.
const dlKeyPath = /^https?:\/\/[^/]+(\/.*)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8013|8017|8018)\/[^/]+/;

export function isEpcisTime(value: string): boolean {
  const m = timeRe.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  const sameDay = date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d;
  if (!sameDay || h! > 23 || mi! > 59 || s! > 59) return false;
  return m[8] === "Z" || isTimeZoneOffset(m[8]!);
}

/** EPCIS 2.0 §7.4.1: `±hh:mm`, from -14:00 to +14:00 (the schema's own bound). */
export function isTimeZoneOffset(value: string): boolean {
  const m = offsetRe.exec(value);
  if (!m) return false;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 14 * 60;
}

/** Why an EPC (instance or class) is broken, or undefined when it is fine. */
export function epcProblem(value: string): string | undefined {
  if (!uriRe.test(value)) return "is not a URI";
  if (value.startsWith("urn:epc:")) {
    const scheme = /^urn:epc:(id|class|idpat):([a-z]+):/.exec(value)?.[2];
    if (!scheme) return "is not an EPC URI (urn:epc:id:…, urn:epc:class:…, urn:epc:idpat:…)";
    if (gs1Schemes.has(scheme) && canonicalGs1Uri(value) === undefined)
      return `is not a valid ${scheme} EPC URI (TDS 2.0 §6)`;
    return undefined;
  }
  if (dlKeyPath.test(value) && canonicalDigitalLink(value) === undefined)
    return "is not a valid GS1 Digital Link URI (wrong key length or check digit)";
  return undefined;
}

/** A CBV term (any spelling) or a URI outside the CBV; a misspelt CBV term or a bare word is refused. */
export function vocabularyProblem(kind: CbvVocabularyKind, value: string): string | undefined {
  if (parseCbvValue(kind, value)) return undefined;
  const vocab = cbvVocabularies[kind];
  const label = vocabularyLabels[kind];
  if (value.startsWith(vocab.webPrefix) || value.startsWith(vocab.urnPrefix) || value.startsWith("cbv:"))
    return `is not a CBV 2.0 ${label}`;
  if (!value.includes(":")) return `is neither a CBV 2.0 ${label} nor a URI`;
  return uriRe.test(value) ? undefined : "is not a URI";
}

const vocabularyLabels: Readonly<Record<CbvVocabularyKind, string>> = {
  bizStep: "business step",
  disposition: "disposition",
  bizTransactionType: "business transaction type",
  sourceDestType: "source/destination type",
  errorReason: "error reason",
};

export function checkEvent(event: Obj, base: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (pointer: string, detail: string) => errors.push({ pointer: `${base}${pointer}`, detail });
  if (!epcisEventTypes.includes(event.type as never)) {
    add("/type", `unknown event type ${JSON.stringify(event.type)}; one of ${epcisEventTypes.join(", ")}`);
  }
  const time = (pointer: string, v: unknown) => {
    if (typeof v === "string" && !isEpcisTime(v))
      add(pointer, "is not a date and time with a time-zone offset (e.g. 2026-11-23T10:00:00.000+08:00)");
  };
  time("/eventTime", event.eventTime);
  time("/recordTime", event.recordTime);
  const tz = event.eventTimeZoneOffset;
  if (typeof tz === "string" && !isTimeZoneOffset(tz)) add("/eventTimeZoneOffset", "is not an offset -14:00…+14:00");

  const epc = (pointer: string, v: unknown) => {
    if (typeof v !== "string") return;
    const problem = epcProblem(v);
    if (problem) add(pointer, `${JSON.stringify(v)} ${problem}`);
  };
  for (const key of ["epcList", "childEPCs", "inputEPCList", "outputEPCList"]) {
    const values = event[key];
    if (Array.isArray(values)) for (const [i, v] of values.entries()) epc(`/${key}/${i}`, v);
  }
  epc("/parentID", event.parentID);
  for (const key of ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"]) {
    const values = event[key];
    if (Array.isArray(values))
      for (const [i, q] of values.entries()) epc(`/${key}/${i}/epcClass`, (q as Obj)?.epcClass);
  }
  for (const key of ["readPoint", "bizLocation"]) epc(`/${key}/id`, (event[key] as Obj | undefined)?.id);

  const vocab = (kind: CbvVocabularyKind, pointer: string, v: unknown) => {
    if (typeof v !== "string") return;
    const problem = vocabularyProblem(kind, v);
    if (problem) add(pointer, `${JSON.stringify(v)} ${problem}`);
  };
  vocab("bizStep", "/bizStep", event.bizStep);
  vocab("disposition", "/disposition", event.disposition);
  const pd = event.persistentDisposition as Obj | undefined;
  if (pd !== undefined && (typeof pd !== "object" || pd === null || Array.isArray(pd)))
    add("/persistentDisposition", "must be an object with set and/or unset lists");
  for (const key of ["set", "unset"]) {
    const values = pd?.[key];
    if (values !== undefined && !Array.isArray(values)) add(`/persistentDisposition/${key}`, "must be a list");
    if (Array.isArray(values))
      for (const [i, v] of values.entries()) {
        if (typeof v === "string") vocab("disposition", `/persistentDisposition/${key}/${i}`, v);
        else add(`/persistentDisposition/${key}/${i}`, "must be a disposition");
      }
  }
  const typed = (listKey: string, kind: CbvVocabularyKind, valueKey: string) => {
    const values = event[listKey];
    if (!Array.isArray(values)) return;
    values.forEach((entry, i) => {
      vocab(kind, `/${listKey}/${i}/type`, (entry as Obj)?.type);
      if (valueKey !== "bizTransaction") epc(`/${listKey}/${i}/${valueKey}`, (entry as Obj)?.[valueKey]);
    });
  };
  typed("bizTransactionList", "bizTransactionType", "bizTransaction");
  typed("sourceList", "sourceDestType", "source");
  typed("destinationList", "sourceDestType", "destination");
  const declaration = event.errorDeclaration as Obj | undefined;
  if (declaration) {
    time("/errorDeclaration/declarationTime", declaration.declarationTime);
    vocab("errorReason", "/errorDeclaration/reason", declaration.reason);
  }
  const sensors = event.sensorElementList;
  if (Array.isArray(sensors)) {
    sensors.forEach((s, i) => {
      const meta = (s as Obj)?.sensorMetadata as Obj | undefined;
      for (const k of ["time", "startTime", "endTime"]) time(`/sensorElementList/${i}/sensorMetadata/${k}`, meta?.[k]);
      const reports = (s as Obj)?.sensorReport;
      if (Array.isArray(reports))
        for (const [j, r] of reports.entries())
          time(`/sensorElementList/${i}/sensorReport/${j}/time`, (r as Obj)?.time);
    });
  }
  return errors;
}
