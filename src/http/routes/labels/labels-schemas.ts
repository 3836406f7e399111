import { Type } from "typebox";
import { type BarcodeFormat, barcodeFormats, barcodeSymbologies } from "../../../services/labels/barcode-symbology.ts";
import {
  labelFormats,
  labelLayouts,
  labelLocales,
  labelSizes,
  MAX_LABELS,
} from "../../../services/labels/label-data.ts";
import { MAX_BARCODE_SCALE } from "../../../services/labels/render-barcode.ts";
import { stringEnum } from "../shared-schemas.ts";

const traceCode = Type.String({
  minLength: 1,
  maxLength: 512,
  description:
    "GS1 Digital Link URI, bracketed element string ((01)…(10)…), or platform trace URL (https://…/t/{CODE}, QR only)",
});

export const barcodeParams = Type.Object({
  symbology: stringEnum(barcodeSymbologies, "qr: GS1 Digital Link in a QR code; datamatrix: GS1 DataMatrix; gs1-128"),
});

export const barcodeQuery = Type.Object(
  {
    data: traceCode,
    format: Type.Optional(Type.Unsafe<BarcodeFormat>({ type: "string", enum: [...barcodeFormats], default: "svg" })),
    scale: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_BARCODE_SCALE, description: "Pixels per module unit (PNG); default 3" }),
    ),
  },
  { additionalProperties: false },
);

const date = (description: string) => Type.Optional(Type.String({ format: "date", description }));

const labelData = Type.Object(
  {
    traceCode,
    productName: Type.String({ minLength: 1, maxLength: 200, description: "Product name (品名)" }),
    spec: Type.Optional(Type.String({ maxLength: 100, description: "Specification (规格), e.g. 5 kg/袋" })),
    lot: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20, description: "Lot (批号); defaults to the code's (10)" }),
    ),
    productionDate: date("YYYY-MM-DD (生产日期); defaults to the code's (11)"),
    expiryDate: date("YYYY-MM-DD (保质期至); defaults to the code's (17) or (15)"),
    producerName: Type.Optional(Type.String({ maxLength: 200, description: "Producer (生产者)" })),
  },
  { additionalProperties: false },
);

export const labelsBody = Type.Object(
  {
    size: stringEnum(labelSizes, "Label size in millimetres"),
    layout: stringEnum(labelLayouts, "roll: a page per label (label printers); sheet: A4 grid (office printers)"),
    format: stringEnum(labelFormats, "pdf, or svg for a single label"),
    locale: Type.Optional(stringEnum(labelLocales, "Language of the label's captions; zh-CN by default")),
    labels: Type.Array(labelData, { minItems: 1, maxItems: MAX_LABELS }),
  },
  { additionalProperties: false },
);

/** Binary and XML bodies, for the OpenAPI document (Fastify does not serialise strings and buffers). */
export const imageResponse = {
  description: "The barcode",
  content: {
    "image/svg+xml": { schema: Type.String() },
    "image/png": { schema: Type.String({ format: "binary" }) },
  },
};

export const labelsResponse = {
  description: "The labels",
  content: {
    "application/pdf": { schema: Type.String({ format: "binary" }) },
    "image/svg+xml": { schema: Type.String() },
  },
};
