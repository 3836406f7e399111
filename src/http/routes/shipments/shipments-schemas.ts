import { Type } from "typebox";

const quantity = Type.Number({ exclusiveMinimum: 0 });
const traceCode = Type.String({
  minLength: 1,
  maxLength: 512,
  description: "As scanned: Digital Link, /t/ code or element string",
});

export const shipBody = Type.Object(
  {
    partyId: Type.Optional(Type.String({ maxLength: 64 })),
    receiver: Type.Union([
      Type.Object({ partyId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          creditCode: Type.Optional(Type.String({ maxLength: 40 })),
          province: Type.Optional(Type.String({ maxLength: 40 })),
        },
        { additionalProperties: false },
      ),
      Type.Object({ consumers: Type.Literal(true) }, { additionalProperties: false }),
    ]),
    lines: Type.Array(
      Type.Object(
        { traceCode, quantity, unit: Type.Optional(Type.String({ maxLength: 20 })) },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 1000,
      },
    ),
  },
  { additionalProperties: false },
);

const lineChoice = Type.Object(
  {
    lineNo: Type.Optional(Type.Integer({ minimum: 1 })),
    traceCode: Type.Optional(traceCode),
    quantity: Type.Optional(quantity),
  },
  { additionalProperties: false },
);

export const receiveBody = Type.Object(
  {
    voucher: Type.String({
      minLength: 1,
      maxLength: 512,
      description: "The scanned voucher (its QR) or a trace code on it",
    }),
    lines: Type.Optional(
      Type.Array(lineChoice, { maxItems: 1000, description: "Omit to receive every pending line in full" }),
    ),
  },
  { additionalProperties: false },
);

export const rejectBody = Type.Object(
  {
    voucher: Type.String({ minLength: 1, maxLength: 512 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    lines: Type.Optional(Type.Array(lineChoice, { maxItems: 1000, description: "Omit to reject the whole voucher" })),
  },
  { additionalProperties: false },
);

export const shipmentSchema = Type.Object({
  id: Type.String(),
  voucherCode: Type.String(),
  voucherUrl: Type.String({ description: "Printed as the voucher's QR code; the buyer scans it to receive" }),
  shipperPartyId: Type.String(),
  receiver: Type.Object({
    kind: Type.String(),
    partyId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    creditCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    province: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  }),
  status: Type.String(),
  shippedAt: Type.String({ format: "date-time" }),
  overdue: Type.Optional(Type.Boolean()),
  eventId: Type.String(),
  lines: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      lotId: Type.String(),
      lotCode: Type.Optional(Type.String()),
      traceCode: Type.Optional(Type.String()),
      quantity: Type.Number(),
      unit: Type.String(),
      state: Type.String(),
      received: Type.Union([Type.Number(), Type.Null()]),
      shortage: Type.Union([Type.Number(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
