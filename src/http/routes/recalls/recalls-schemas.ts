import { Type } from "typebox";
import { stringEnum } from "../shared-schemas.ts";

const nullableString = Type.Union([Type.String(), Type.Null()]);
const date = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

export const openRecallBody = Type.Object(
  {
    level: stringEnum(["I", "II", "III"] as const, "一级/二级/三级 (食品召回管理办法 第十三条)"),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    lots: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
        minItems: 1,
        maxItems: 1000,
        description: "Trace codes of the lots recalled (any scanned form)",
      }),
    ),
    product: Type.Optional(
      Type.Object(
        { productId: Type.String({ maxLength: 64 }), producedFrom: date, producedTo: date },
        { additionalProperties: false, description: "Or: every lot of this product produced in the range" },
      ),
    ),
  },
  { additionalProperties: false },
);

export const closeRecallBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const taskSchema = Type.Object({
  id: Type.String(),
  recallId: Type.String(),
  partyId: Type.String(),
  lotId: Type.String(),
  held: Type.Number({ description: "Held at scope time" }),
  inTransit: Type.Number({ description: "On its way to this holder at scope time" }),
  returned: Type.Number(),
  destroyed: Type.Number(),
  recovered: Type.Number(),
  acknowledgedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  stopSaleAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const recallSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  level: Type.String(),
  reason: Type.String(),
  initiator: Type.Object({
    kind: Type.String(),
    partyId: Type.Optional(Type.String()),
    regionCode: Type.Optional(Type.String()),
  }),
  producerPartyId: Type.String(),
  criteria: Type.Record(Type.String(), Type.Unknown()),
  openedAt: Type.String({ format: "date-time" }),
  closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  closeNote: nullableString,
  eventId: nullableString,
});

export const recallDetailSchema = Type.Object({
  ...recallSchema.properties,
  lots: Type.Array(
    Type.Object({
      id: Type.String(),
      lotCode: Type.String(),
      traceCode: Type.String(),
      producerPartyId: Type.String(),
      named: Type.Boolean(),
    }),
  ),
  tasks: Type.Array(taskSchema),
  progress: Type.Object({
    distributed: Type.Number(),
    recovered: Type.Number(),
    holders: Type.Integer(),
    acknowledged: Type.Integer(),
    stoppedSale: Type.Integer(),
  }),
});

export const inboxItemSchema = Type.Object({
  task: taskSchema,
  recall: recallSchema,
});
