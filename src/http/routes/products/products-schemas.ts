import { Type } from "typebox";
import { units } from "../../../core/units.ts";
import { stringEnum } from "../shared-schemas.ts";

export const registerProductBody = Type.Object(
  {
    partyId: Type.Optional(Type.String({ maxLength: 64 })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    spec: Type.Optional(Type.String({ maxLength: 100 })),
    unit: stringEnum(units),
    categoryCode: Type.String({ maxLength: 80 }),
    shelfLifeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 36500 })),
    gtin: Type.Optional(Type.String({ pattern: "^(\\d{8}|\\d{12,14})$" })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
