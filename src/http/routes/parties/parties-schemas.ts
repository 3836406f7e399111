import { Type } from "typebox";
import { licenceTypes, partyKinds } from "../../../core/parties/party.ts";
import { pageQuery, regionCodeSchema, stringEnum } from "../shared-schemas.ts";

const licence = Type.Object(
  {
    type: stringEnum(licenceTypes),
    number: Type.String({ minLength: 1, maxLength: 64 }),
    validUntil: Type.Optional(Type.Union([Type.String({ format: "date" }), Type.Null()])),
  },
  { additionalProperties: false },
);

const contact = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: "email", maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const kind = stringEnum(partyKinds, "Kind of party");

const partyFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: "Registered name (名称)" }),
  creditCode: Type.Optional(
    Type.Union([
      Type.String({ minLength: 1, maxLength: 40, description: "Unified social credit code, GB 32100" }),
      Type.Null(),
    ]),
  ),
  kind,
  regionCode: regionCodeSchema,
  address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  contact: Type.Optional(Type.Union([contact, Type.Null()])),
  licences: Type.Optional(Type.Array(licence, { maxItems: 50 })),
  gln: Type.Optional(Type.Union([Type.String({ pattern: "^\\d{13}$" }), Type.Null()])),
  keyParty: Type.Optional(Type.Boolean({ description: "Key party (重点主体), set by regulators" })),
  homePlatform: Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,31}$" })),
};

export const createPartyBody = Type.Object(partyFields, { additionalProperties: false });

export const updatePartyBody = Type.Partial(Type.Object(partyFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const listPartiesQuery = Type.Object(
  {
    regionCode: Type.Optional(regionCodeSchema),
    kind: Type.Optional(kind),
    keyParty: Type.Optional(Type.Boolean()),
    ...pageQuery,
  },
  { additionalProperties: false },
);

/** What a caller may see; private members appear only in the full view (see parties-presenter.ts). */
export const partySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  kind,
  regionCode: Type.String(),
  regionName: Type.String({ description: "Full name of the region, province first" }),
  address: Type.Union([Type.String(), Type.Null()]),
  licences: Type.Array(
    Type.Object({
      type: Type.String(),
      number: Type.String(),
      validUntil: Type.Union([Type.String(), Type.Null()]),
      expired: Type.Boolean(),
    }),
  ),
  gln: Type.Union([Type.String(), Type.Null()]),
  homePlatform: Type.String(),
  partyCode: Type.Union([Type.String(), Type.Null()], {
    description: "Platform party code, for parties without a GLN",
  }),
  codeUrl: Type.String({ description: "The party code (主体码) as a URL: /414/{GLN} or /p/{partyCode}" }),
  view: Type.Union([Type.Literal("full"), Type.Literal("public")]),
  contact: Type.Optional(Type.Union([contact, Type.Null()])),
  keyParty: Type.Optional(Type.Boolean()),
  createdAt: Type.Optional(Type.String({ format: "date-time" })),
  updatedAt: Type.Optional(Type.String({ format: "date-time" })),
  version: Type.Optional(Type.Integer()),
});

export const partyPageSchema = Type.Object({
  items: Type.Array(partySchema),
  next: Type.Union([Type.String(), Type.Null()], { description: "URL of the next page, null on the last" }),
});
