import type { TSchema } from "typebox";
import { Compile } from "typebox/compile";
import type { ShapeCheck, ShapePart } from "../../../services/imports/import-kind.ts";
import { codeLotsBody } from "../lots/lots-schemas.ts";
import { registerProductBody } from "../products/products-schemas.ts";
import { shipBody } from "../shipments/shipments-schemas.ts";

const [receiverParty, receiverBuyer] = shipBody.properties.receiver.anyOf as unknown as [TSchema, TSchema];

/** The request-body schemas of POST /v1/products, /v1/lots and /v1/shipments, part by part. */
const schemas: Record<ShapePart, TSchema> = {
  product: registerProductBody,
  lot: codeLotsBody.properties.lots.items,
  shipmentLine: shipBody.properties.lines.items,
  shipmentReceiverParty: receiverParty,
  shipmentReceiverBuyer: receiverBuyer,
};
/** Compiled on first use (console commands that import nothing should not pay for it). */
const validators = new Map<ShapePart, ReturnType<typeof Compile>>();

/**
 * Import rows are checked against the very schemas that validate API requests (STYLE rule 4: a route's schema
 * is the single source of its validation), so a row is accepted exactly when the same data sent to the API is.
 */
export const importShapeCheck: ShapeCheck = (part, value) => {
  let v = validators.get(part);
  if (!v) {
    v = Compile(schemas[part]);
    validators.set(part, v);
  }
  if (v.Check(value)) return [];
  return [...v.Errors(value)].flatMap((e) => {
    if (e.keyword === "required") {
      const missing = (e.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      return missing.map((p) => ({ path: `${e.instancePath}/${p}`, message: "is required" }));
    }
    if (e.keyword === "enum") {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      return [{ path: e.instancePath, message: `must be one of: ${allowed.join(", ")}` }];
    }
    return [{ path: e.instancePath, message: e.message }];
  });
};
