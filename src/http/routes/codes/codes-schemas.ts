import { Type } from "typebox";

const partyId = Type.Optional(
  Type.String({ maxLength: 64, description: "Operators name the party; enterprise keys act for their own" }),
);

export const parseQuery = Type.Object(
  {
    text: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: "Element string, Digital Link, /t/ or /p/ code, scanner output, GTIN",
    }),
  },
  { additionalProperties: false },
);

export const codeDescriptionSchema = Type.Object(
  {
    valid: Type.Boolean(),
    kind: Type.Optional(Type.String()),
    ais: Type.Optional(Type.Array(Type.Object({ ai: Type.String(), title: Type.String(), value: Type.String() }))),
    digitalLink: Type.Optional(Type.String()),
    elementString: Type.Optional(Type.String()),
    epc: Type.Optional(Type.String()),
    platformCode: Type.Optional(
      Type.Object({
        code: Type.String(),
        regionCode: Type.Optional(Type.String()),
        issuedOn: Type.Optional(Type.String()),
      }),
    ),
    url: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
    error: Type.Optional(
      Type.Object({
        code: Type.String(),
        message: Type.String(),
        position: Type.Union([Type.Integer(), Type.Null()]),
        ai: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { additionalProperties: false },
);

export const issueTraceNumbersBody = Type.Object(
  { partyId, count: Type.Integer({ minimum: 1, maximum: 10_000 }) },
  { additionalProperties: false },
);

export const issuedTraceNumbersSchema = Type.Object({
  blockId: Type.String(),
  codes: Type.Array(Type.String()),
  urls: Type.Array(Type.String()),
});

export const issueGtinsBody = Type.Object(
  { partyId, count: Type.Integer({ minimum: 1, maximum: 1000 }) },
  { additionalProperties: false },
);

export const issuedGtinsSchema = Type.Object({ blockId: Type.String(), gtins: Type.Array(Type.String()) });

export const issueSerialsBody = Type.Object(
  {
    partyId,
    gtin: Type.String({ pattern: "^(\\d{8}|\\d{12,14})$" }),
    lot: Type.Optional(Type.String({ pattern: "^[0-9A-Z-]{1,20}$" })),
    count: Type.Integer({ minimum: 1, maximum: 100_000 }),
  },
  { additionalProperties: false },
);

export const issuedSerialsSchema = Type.Object({
  blockId: Type.String(),
  gtin: Type.String(),
  lot: Type.Union([Type.String(), Type.Null()]),
  serials: Type.Array(Type.String()),
  urls: Type.Array(Type.String()),
});
