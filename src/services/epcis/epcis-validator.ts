import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { checkEvent } from "../../core/epcis/capture/check-event.ts";
import { epcisJsonSchema } from "../../core/epcis/capture/epcis-json-schema.generated.ts";
import { mergeFieldErrors, schemaFieldErrors } from "../../core/epcis/capture/schema-errors.ts";
import { flattenEpcisDocument } from "../../core/epcis/epcis-document-events.ts";
import type { AnyEpcisDocument } from "../../core/epcis/epcis-types.ts";
import type { FieldError } from "../../core/errors.ts";

/**
 * GS1's EPCIS 2.0 JSON Schema, compiled once (about 0.3 s) — the HTTP layer asks for it at start-up — plus the
 * semantic checks of core/epcis/capture/check-event.ts. Draft-07, non-strict: the schema uses keywords Ajv's
 * strict mode refuses, as GS1 publishes it.
 */
let compiled: ValidateFunction | undefined;

export function epcisSchema(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    compiled = ajv.compile(epcisJsonSchema);
  }
  return compiled;
}

/** Every error of a capture document, with JSON pointers under `base` (e.g. "/body"). Empty when it is valid. */
export function documentErrors(doc: unknown, base: string): FieldError[] {
  const validate = epcisSchema();
  const schema = validate(relaxed(doc))
    ? []
    : schemaFieldErrors(validate.errors ?? [], base).filter(
        (e) => !optionalSensorType(doc, e.pointer.slice(base.length), e.detail),
      );
  const type = (doc as { type?: unknown } | null)?.type;
  if (type !== "EPCISDocument" && type !== "EPCISQueryDocument")
    return mergeFieldErrors(schema, [{ pointer: `${base}/type`, detail: "must be EPCISDocument" }]);
  let events: readonly unknown[];
  try {
    events = flattenEpcisDocument(doc as AnyEpcisDocument).events;
  } catch {
    return schema.length > 0 ? schema : [{ pointer: `${base}/epcisBody`, detail: "has no event list" }];
  }
  const body = (doc as { epcisBody?: Record<string, unknown> }).epcisBody ?? {};
  const listBase =
    type === "EPCISQueryDocument"
      ? `${base}/epcisBody/queryResults/resultsBody/eventList`
      : "event" in body
        ? `${base}/epcisBody/event`
        : `${base}/epcisBody/eventList`;
  const semantic = events.flatMap((e, i) =>
    e && typeof e === "object"
      ? checkEvent(e as Record<string, unknown>, listBase.endsWith("/event") ? listBase : `${listBase}/${i}`)
      : [],
  );
  return mergeFieldErrors(schema, semantic);
}

/**
 * Where GS1's 2022 schema is stricter than EPCIS 2.0.1 itself, the standard wins (conformance README): a
 * persistentDisposition may be carried by every event type (EPCIS 2.0.1 §7.4.1; the schema allows it on
 * ObjectEvent only), so it is checked by check-event.ts and left out of the schema's view.
 */
function relaxed(doc: unknown): unknown {
  if (!doc || typeof doc !== "object") return doc;
  const d = doc as Record<string, unknown>;
  const body = d.epcisBody as Record<string, unknown> | undefined;
  const strip = (e: unknown) => {
    if (!e || typeof e !== "object" || !("persistentDisposition" in e)) return e;
    const { persistentDisposition: _checkedElsewhere, ...rest } = e as Record<string, unknown>;
    return rest;
  };
  if (Array.isArray(body?.eventList)) return { ...d, epcisBody: { ...body, eventList: body.eventList.map(strip) } };
  if (body && "event" in body) return { ...d, epcisBody: { ...body, event: strip(body.event) } };
  return doc;
}

/** EPCIS 2.0.1 §7.3.8: a sensorReport that reports an exception needs no measurement type. */
function optionalSensorType(doc: unknown, pointer: string, detail: string): boolean {
  const m = /^(.*\/sensorReport\/\d+)\/type$/.exec(pointer);
  if (!m || detail !== "is required") return false;
  let node: unknown = doc;
  for (const part of (m[1] as string).split("/").slice(1)) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof (node as Record<string, unknown> | undefined)?.exception === "string";
}
