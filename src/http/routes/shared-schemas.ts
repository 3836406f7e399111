import { Type } from "typebox";

/** RFC 9457 problem details as this API sends them (extension members: pointer, errors, requestId). */
export const problemSchema = Type.Object(
  {
    type: Type.String({ description: "Stable error type; resolvable at /problems/{code}" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    pointer: Type.Optional(Type.String({ description: "RFC 6901 JSON pointer of the field at fault" })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String(),
          detail: Type.String(),
          row: Type.Optional(Type.Integer({ description: "Imports: the row of the file (header = 1)" })),
          column: Type.Optional(Type.String({ description: "Imports: the column, by its API field name" })),
          reason: Type.Optional(Type.String({ description: "Imports: the same as detail" })),
        }),
      ),
    ),
    requestId: Type.String(),
  },
  { $id: "Problem", additionalProperties: true },
);

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const problemResponses = {
  400: Type.Ref("Problem"),
  401: Type.Ref("Problem"),
  403: Type.Ref("Problem"),
  404: Type.Ref("Problem"),
  409: Type.Ref("Problem"),
  422: Type.Ref("Problem"),
} as const;

export const regionCodeSchema = Type.String({
  pattern: "^\\d{6}$",
  description: "GB/T 2260 administrative region code",
});

export const pageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 64, description: "From `next` of the previous page" })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
};

export const idParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A string enum as plain JSON Schema `enum` (one clear validation error, one OpenAPI enum). */
export function stringEnum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...(description ? { description } : {}) });
}
