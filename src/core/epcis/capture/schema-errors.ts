import type { FieldError } from "../../errors.ts";

/**
 * JSON Schema validation errors (the shape Ajv reports) turned into one error per field a person can act on.
 * GS1's EPCIS schema is built from anyOf/if-then combinations, so a single wrong field yields a cascade of
 * combinator errors on its ancestors; those are dropped whenever a more precise error explains them.
 */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly propertyName?: string;
}

const combinators = new Set(["if", "anyOf", "allOf", "oneOf", "not", "then", "else", "propertyNames"]);

export function schemaFieldErrors(errors: readonly SchemaError[], base = ""): FieldError[] {
  const precise = errors.filter((e) => !combinators.has(e.keyword) && e.propertyName === undefined);
  const out = new Map<string, string>();
  const put = (pointer: string, detail: string) => {
    if (!out.has(pointer)) out.set(pointer, detail);
  };
  for (const e of errors) {
    if (e.propertyName !== undefined) {
      put(`${e.instancePath}/${pointerToken(e.propertyName)}`, "is not a field of this event type (EPCIS 2.0 §7.4)");
      continue;
    }
    if (combinators.has(e.keyword)) {
      const explained = precise.some(
        (p) => p.instancePath === e.instancePath || p.instancePath.startsWith(`${e.instancePath}/`),
      );
      if (!explained) put(e.instancePath, "does not match the EPCIS 2.0 schema");
      continue;
    }
    if (e.keyword === "required")
      put(`${e.instancePath}/${pointerToken(String(e.params.missingProperty))}`, "is required");
    else if (e.keyword === "additionalProperties")
      put(`${e.instancePath}/${pointerToken(String(e.params.additionalProperty))}`, "is not a known field");
    else if (e.keyword === "enum") {
      const allowed = (e.params.allowedValues as unknown[]) ?? [];
      put(e.instancePath, `must be one of: ${allowed.slice(0, 12).join(", ")}${allowed.length > 12 ? ", …" : ""}`);
    } else if (e.keyword === "format") put(e.instancePath, `must be a ${String(e.params.format)}`);
    else put(e.instancePath, e.message ?? "is not valid");
  }
  return [...out].map(([pointer, detail]) => ({ pointer: `${base}${pointer}`, detail }));
}

/** RFC 6901 §3: `~` and `/` inside a member name. */
function pointerToken(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Schema and semantic errors together, one per field: a semantic error replaces the schema's at its pointer. */
export function mergeFieldErrors(schema: readonly FieldError[], semantic: readonly FieldError[]): FieldError[] {
  const taken = new Set(semantic.map((e) => e.pointer));
  return [...semantic, ...schema.filter((e) => !taken.has(e.pointer))].sort((a, b) =>
    a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0,
  );
}
