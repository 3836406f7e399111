import type { FieldError } from "../../errors.ts";
import { isEpcisTime } from "../capture/check-event.ts";
import { fieldIri, type IndexedField } from "../capture/index-event.ts";
import { normaliseCbvValue } from "../cbv-normalise.ts";
import type { CbvVocabularyKind } from "../cbv-vocabulary.ts";
import type { EpcRole } from "../event-epcs.ts";
import { canonicalGs1Uri } from "../hash/epc-canonical.ts";

/**
 * The SimpleEventQuery (EPCIS 2.0 §8.2.7.1) as the REST binding passes it (query string, lists pipe-delimited)
 * or as a named query stores it (JSON, lists as arrays), parsed into a plan the store runs. Values are brought to
 * the spelling the store indexes (CBV web URIs, canonical GS1 Digital Link URIs). A parameter this repository does
 * not know is an error (QueryParameterException), never silently ignored.
 */
export interface EpcMatch {
  readonly roles: readonly EpcRole[];
  /** Exact canonical values, or prefixes (an EPC pattern whose last component is `*`). */
  readonly values: readonly { readonly exact?: string; readonly prefix?: string }[];
}

export interface EventQuery {
  readonly eventTypes?: readonly string[];
  readonly eventIds?: readonly string[];
  readonly geEventTime?: number;
  readonly ltEventTime?: number;
  readonly geRecordTime?: number;
  readonly ltRecordTime?: number;
  readonly actions?: readonly string[];
  readonly bizSteps?: readonly string[];
  readonly dispositions?: readonly string[];
  readonly readPoints?: readonly string[];
  readonly bizLocations?: readonly string[];
  readonly epcMatches: readonly EpcMatch[];
  readonly fieldMatches: readonly { kind: IndexedField["kind"]; name?: string; values: readonly string[] }[];
  readonly orderBy: "eventTime" | "recordTime";
  readonly orderDirection: "ASC" | "DESC";
  /** eventCountLimit (EPCIS 2.0 §8.2.7.1): at most this many events in all. */
  readonly eventCountLimit?: number;
}

export type QueryParams = Readonly<Record<string, unknown>>;

const epcParams: Readonly<Record<string, readonly EpcRole[]>> = {
  MATCH_epc: ["epc", "child"],
  MATCH_parentID: ["parent"],
  MATCH_inputEPC: ["input"],
  MATCH_outputEPC: ["output"],
  MATCH_anyEPC: ["epc", "child", "parent", "input", "output"],
  MATCH_epcClass: ["class", "childClass"],
  MATCH_inputEPCClass: ["inputClass"],
  MATCH_outputEPCClass: ["outputClass"],
  MATCH_anyEPCClass: ["class", "childClass", "inputClass", "outputClass"],
};

const typedParams: Readonly<Record<string, readonly [IndexedField["kind"], CbvVocabularyKind]>> = {
  EQ_bizTransaction_: ["bizTransaction", "bizTransactionType"],
  EQ_source_: ["source", "sourceDestType"],
  EQ_destination_: ["destination", "sourceDestType"],
};

/** Parameters of the REST binding that are paging or format controls, not query parameters. */
export const pagingParams = new Set(["perPage", "nextPageToken"]);

export function parseEventQuery(
  params: QueryParams,
  prefixes: ReadonlyMap<string, string> = new Map(),
): { ok: true; query: EventQuery } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const q: {
    -readonly [K in keyof EventQuery]: EventQuery[K];
  } = { epcMatches: [], fieldMatches: [], orderBy: "recordTime", orderDirection: "ASC" };
  const epcMatches: EpcMatch[] = [];
  const fieldMatches: { kind: IndexedField["kind"]; name?: string; values: string[] }[] = [];
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined || pagingParams.has(name)) continue;
    const at = `/${name}`;
    const values = listOf(raw);
    const fail = (detail: string) => errors.push({ pointer: at, detail });
    if (values.length === 0) {
      fail("needs a value");
      continue;
    }
    const single = () => {
      if (values.length > 1) fail("takes one value");
      return values[0] as string;
    };
    const time = () => {
      const v = single();
      if (!isEpcisTime(v)) fail("is not a date and time with a time-zone offset");
      return Date.parse(v);
    };
    switch (name) {
      case "eventType":
        q.eventTypes = values;
        break;
      case "EQ_eventID":
        q.eventIds = values;
        break;
      case "GE_eventTime":
        q.geEventTime = time();
        break;
      case "LT_eventTime":
        q.ltEventTime = time();
        break;
      case "GE_recordTime":
        q.geRecordTime = time();
        break;
      case "LT_recordTime":
        q.ltRecordTime = time();
        break;
      case "EQ_action":
        if (values.some((v) => !["ADD", "OBSERVE", "DELETE"].includes(v))) fail("must be ADD, OBSERVE or DELETE");
        q.actions = values;
        break;
      case "EQ_bizStep":
        q.bizSteps = values.map((v) => normaliseCbvValue("bizStep", expand(v, prefixes)));
        break;
      case "EQ_disposition":
        q.dispositions = values.map((v) => normaliseCbvValue("disposition", expand(v, prefixes)));
        break;
      case "EQ_readPoint":
        q.readPoints = values.map(canonical);
        break;
      case "EQ_bizLocation":
        q.bizLocations = values.map(canonical);
        break;
      case "EQ_persistentDisposition_set":
      case "EQ_persistentDisposition_unset":
        fieldMatches.push({
          kind: name.endsWith("_set") ? "persistentSet" : "persistentUnset",
          name: "",
          values: values.map((v) => normaliseCbvValue("disposition", v)),
        });
        break;
      case "orderBy": {
        const v = single();
        if (v !== "eventTime" && v !== "recordTime") fail("this repository orders by eventTime or recordTime");
        else q.orderBy = v;
        break;
      }
      case "orderDirection": {
        const v = single();
        if (v !== "ASC" && v !== "DESC") fail("must be ASC or DESC");
        else q.orderDirection = v;
        break;
      }
      case "eventCountLimit":
      case "maxEventCount": {
        const n = Number(single());
        if (!Number.isInteger(n) || n < 1) fail("must be a positive integer");
        else q.eventCountLimit = n;
        break;
      }
      default: {
        const roles = epcParams[name];
        if (roles) {
          const matches = values.map(epcMatch);
          if (matches.some((m) => m === undefined))
            fail("an EPC pattern may have `*` only as its last component (e.g. urn:epc:idpat:sgtin:0614141.107346.*)");
          epcMatches.push({ roles, values: matches.filter((m) => m !== undefined) });
          break;
        }
        const typed = Object.entries(typedParams).find(([p]) => name.startsWith(p));
        if (typed) {
          const [prefix, [kind, vocab]] = typed;
          const type = normaliseCbvValue(vocab, expand(name.slice(prefix.length), prefixes));
          fieldMatches.push({ kind, name: type, values: kind === "bizTransaction" ? values : values.map(canonical) });
          break;
        }
        if (name.startsWith("EQ_ILMD_")) {
          fieldMatches.push({ kind: "ilmd", name: fieldIri(name.slice(8), prefixes), values });
          break;
        }
        fail("is not a query parameter this repository supports (EPCIS 2.0 §8.2.7.1)");
      }
    }
  }
  q.epcMatches = epcMatches;
  q.fieldMatches = fieldMatches;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, query: q };
}

/** REST binding: `a|b|c` (pipeDelimited); a named query's JSON: an array or a single value. */
function listOf(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : [raw];
  return items
    .flatMap((v) => (typeof v === "string" ? v.split("|") : typeof v === "number" ? [String(v)] : []))
    .filter((v) => v !== "");
}

function canonical(uri: string): string {
  return canonicalGs1Uri(uri) ?? uri;
}

function expand(value: string, prefixes: ReadonlyMap<string, string>): string {
  return value.includes(":") && !value.includes("://") && !value.startsWith("urn:") ? fieldIri(value, prefixes) : value;
}

/** An exact EPC, or an EPC pattern (TDS 2.0 §8) whose only wildcard is its last component: a prefix. */
function epcMatch(value: string): { exact?: string; prefix?: string } | undefined {
  if (!value.includes("*")) return { exact: canonical(value) };
  if (!/^urn:epc:idpat:[a-z]+:[^*]+\.\*$/.test(value)) return undefined;
  const base = canonicalGs1Uri(value);
  return base === undefined ? undefined : { prefix: `${base}/` };
}
