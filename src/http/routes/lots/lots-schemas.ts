import { Type } from "typebox";

const date = Type.String({ format: "date" });

export const codeLotsBody = Type.Object(
  {
    partyId: Type.Optional(Type.String({ maxLength: 64 })),
    lots: Type.Array(
      Type.Object(
        {
          productId: Type.String({ maxLength: 64 }),
          lotCode: Type.Optional(
            Type.String({ minLength: 1, maxLength: 20, description: "Own lot code; issued when absent" }),
          ),
          productionDate: date,
          expiryDate: Type.Optional(date),
          quantity: Type.Number({ exclusiveMinimum: 0 }),
          unit: Type.Optional(Type.String({ maxLength: 20 })),
          originRegion: Type.Optional(Type.String({ pattern: "^\\d{6}$" })),
          originPlace: Type.Optional(Type.String({ maxLength: 200 })),
          location: Type.Optional(Type.String({ maxLength: 200 })),
          inputs: Type.Optional(
            Type.Array(
              Type.Object(
                { traceCode: Type.String({ maxLength: 512 }), quantity: Type.Number({ exclusiveMinimum: 0 }) },
                { additionalProperties: false },
              ),
              {
                maxItems: 200,
              },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

const lotFields = codeLotsBody.properties.lots.items.properties;

export const firstStationBody = Type.Object(
  {
    partyId: Type.Optional(Type.String({ maxLength: 64 })),
    supplier: Type.Object(
      {
        name: Type.String({
          minLength: 1,
          maxLength: 200,
          description: "Supplier's name (a foreign name for imports)",
        }),
        creditCode: Type.Optional(Type.String({ maxLength: 40 })),
        country: Type.String({ pattern: "^[A-Za-z]{2}$", description: "ISO 3166-1 alpha-2; CN for domestic goods" }),
        province: Type.Optional(Type.String({ maxLength: 40 })),
      },
      { additionalProperties: false },
    ),
    lot: Type.Object(
      {
        productId: lotFields.productId,
        lotCode: lotFields.lotCode,
        productionDate: lotFields.productionDate,
        expiryDate: lotFields.expiryDate,
        quantity: lotFields.quantity,
        unit: lotFields.unit,
        originRegion: lotFields.originRegion,
        originPlace: lotFields.originPlace,
        location: lotFields.location,
        countryOfOrigin: Type.Optional(Type.String({ pattern: "^[A-Za-z]{2}$" })),
      },
      { additionalProperties: false },
    ),
    documents: Type.Object(
      {
        customsDeclarationNo: Type.Optional(Type.String({ maxLength: 40, description: "报关单号" })),
        quarantineCertificateNo: Type.Optional(Type.String({ maxLength: 60, description: "入境货物检验检疫证明编号" })),
        testReportNo: Type.Optional(Type.String({ maxLength: 60 })),
        salesVoucherNo: Type.Optional(Type.String({ maxLength: 60 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const lotSchema = Type.Object({
  id: Type.String(),
  traceCode: Type.String({ description: "The lot's one trace code (一品一码) as a URL: printed in the QR code" }),
  productId: Type.String(),
  partyId: Type.String(),
  lotCode: Type.String(),
  gtin: Type.Union([Type.String(), Type.Null()]),
  platformCode: Type.Union([Type.String(), Type.Null()]),
  productionDate: Type.String(),
  expiryDate: Type.Union([Type.String(), Type.Null()]),
  unit: Type.String(),
  originRegion: Type.String(),
  originPlace: Type.Union([Type.String(), Type.Null()]),
  entry: Type.String(),
  revoked: Type.Boolean({ description: "The coding was revoked as a mistake; the code may not be used" }),
  eventId: Type.String(),
  links: Type.Object({ qr: Type.String(), label: Type.String() }),
  view: Type.String(),
  quantity: Type.Optional(Type.Number()),
  location: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  firstStation: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
});
