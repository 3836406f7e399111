import { Type } from "typebox";
import { stringEnum } from "../shared-schemas.ts";

export const csvMediaType = "text/csv";
export const xlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const importParams = Type.Object({
  kind: stringEnum(["products", "lots", "shipments"] as const, "What the rows are"),
});

export const importQuery = Type.Object(
  {
    partyId: Type.Optional(
      Type.String({
        maxLength: 64,
        description: "The party the records are for (administrators; a key acts for its own)",
      }),
    ),
    skipBadRows: Type.Boolean({
      default: false,
      description: "Write the good rows and report the bad ones; by default a file with a bad row writes nothing",
    }),
  },
  { additionalProperties: false },
);

/**
 * The body is the file itself, streamed to the importer (never parsed by the framework): described for OpenAPI
 * 3.1 by its media type (contentMediaType, JSON Schema 2020-12 §8.4); no `type`, so nothing is validated here.
 */
const file = (mediaType: string, description: string) =>
  Type.Unsafe<unknown>({ contentMediaType: mediaType, description });

export const importBody = {
  content: {
    [csvMediaType]: {
      schema: file(csvMediaType, "CSV, UTF-8 (a BOM is fine), header row first; English or Chinese headers"),
    },
    [xlsxMediaType]: { schema: file(xlsxMediaType, "XLSX workbook: the first worksheet, header row first") },
  },
};

export const rowErrorSchema = Type.Object({
  row: Type.Integer({ description: "Row in the file as a spreadsheet shows it; the header is row 1" }),
  column: Type.String({ description: "The column at fault by its API field name; empty for the whole row" }),
  reason: Type.String(),
});

export const importReportSchema = Type.Object({
  rows: Type.Integer({ description: "Rows read, header excluded" }),
  imported: Type.Integer({ description: "Rows written" }),
  errors: Type.Array(rowErrorSchema),
});
