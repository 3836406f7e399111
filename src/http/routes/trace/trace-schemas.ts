import { Type } from "typebox";
import { stringEnum } from "../shared-schemas.ts";

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const traceQuery = Type.Object(
  {
    code: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: "A trace code in any scanned form (Digital Link, /t/ code, element string) or a voucher code",
      }),
    ),
    lotId: Type.Optional(Type.String({ maxLength: 64 })),
    partyId: Type.Optional(Type.String({ maxLength: 64, description: "Trace from this party's holding of the lot" })),
    format: Type.Optional(stringEnum(["json", "graph"] as const, "graph: {nodes, edges} for drawing")),
  },
  { additionalProperties: false },
);

export const reportQuery = Type.Object(
  {
    code: traceQuery.properties.code,
    lotId: traceQuery.properties.lotId,
    partyId: traceQuery.properties.partyId,
    direction: stringEnum(["backward", "forward"] as const),
    lang: Type.Optional(stringEnum(["zh-CN", "en"] as const)),
  },
  { additionalProperties: false },
);

const stats = Type.Union([
  Type.Object({
    produced: Type.Number(),
    received: Type.Number(),
    shipped: Type.Number(),
    inTransit: Type.Number(),
    returned: Type.Number(),
    sold: Type.Number(),
    used: Type.Number(),
    consumed: Type.Number(),
    destroyed: Type.Number(),
    lost: Type.Number(),
    held: Type.Number(),
  }),
  Type.Null(),
]);

export const traceSchema = Type.Object({
  direction: Type.String(),
  start: Type.Array(Type.String()),
  depth: Type.Integer(),
  truncated: Type.Boolean(),
  lots: Type.Array(
    Type.Object({
      id: Type.String(),
      lotCode: Type.String(),
      traceCode: Type.String(),
      productId: Type.String(),
      producerPartyId: Type.String(),
      productionDate: Type.String(),
      expiryDate: nullableString,
      quantity: Type.Number(),
      unit: Type.String(),
      originRegion: Type.String(),
      originPlace: nullableString,
      entry: Type.String(),
      entryDetails: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
      codedAt: Type.String({ format: "date-time" }),
      revoked: Type.Boolean(),
    }),
  ),
  parties: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      regionCode: Type.String(),
      creditCode: nullableString,
    }),
  ),
  holdings: Type.Array(
    Type.Object({
      key: Type.String(),
      lotId: Type.String(),
      partyId: Type.String(),
      depth: Type.Integer(),
      origin: nullableString,
      stats,
    }),
  ),
  shipments: Type.Array(
    Type.Object({
      shipmentId: Type.String(),
      voucherCode: Type.String(),
      lineNo: Type.Integer(),
      lotId: Type.String(),
      fromPartyId: Type.String(),
      to: Type.Object({
        kind: Type.String(),
        partyId: Type.Optional(Type.String()),
        name: Type.Optional(Type.String()),
      }),
      shippedAt: Type.String({ format: "date-time" }),
      settledAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
      state: Type.String(),
      shipped: Type.Number(),
      received: nullableNumber,
      shortage: nullableNumber,
      reason: nullableString,
    }),
  ),
  transformations: Type.Array(
    Type.Object({
      inputLotId: Type.String(),
      outputLotId: Type.String(),
      partyId: Type.String(),
      quantity: Type.Number(),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      title: Type.String(),
      issuedOn: nullableString,
      issuer: nullableString,
      public: Type.Boolean(),
      target: Type.Object({ type: Type.String(), id: Type.String() }),
    }),
  ),
  cycles: Type.Array(Type.Object({ kind: Type.String(), nodes: Type.Array(Type.String()) })),
});

export const graphSchema = Type.Object({
  direction: Type.String(),
  cycles: Type.Array(Type.Object({ kind: Type.String(), nodes: Type.Array(Type.String()) })),
  truncated: Type.Boolean(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      label: Type.String(),
      lotId: nullableString,
      partyId: nullableString,
      depth: Type.Integer(),
      origin: nullableString,
      stats,
      inCycle: Type.Boolean(),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      from: Type.String(),
      to: Type.String(),
      quantity: Type.Number(),
      received: nullableNumber,
      state: nullableString,
      at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
      shipmentId: nullableString,
    }),
  ),
});
