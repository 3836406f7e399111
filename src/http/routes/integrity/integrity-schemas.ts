import { Type } from "typebox";
import { regionCodeSchema } from "../shared-schemas.ts";

const date = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const rate = Type.Union([Type.Number(), Type.Null()], { description: "Percent; null when N is 0" });

export const integrityQuery = Type.Object(
  {
    region: regionCodeSchema,
    from: { ...date, description: "First day of the period (China calendar day)" },
    to: { ...date, description: "Last day of the period, inclusive" },
  },
  { additionalProperties: false },
);

export const integritySchema = Type.Object({
  region: Type.String(),
  from: Type.String(),
  to: Type.String(),
  notCounted: Type.String(),
  districts: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      coding: Type.Object(
        {
          N: Type.Integer({ description: "Batches coded in the district in the period" }),
          a: Type.Integer({
            description: "Batches first-coded downstream although this district's registered upstream should have",
          }),
          c: Type.Object({
            inside: Type.Integer({ description: "First-coded here, registered upstream inside the district (β = 1)" }),
            outside: Type.Integer({
              description: "First-coded here, registered upstream outside the district (β = 2)",
            }),
            weighted: Type.Integer({ description: "β·c" }),
          }),
          f: Type.Integer({ description: "+2 for ranks 1–10 by coded batches in the province, +1 for 11–20" }),
          rank: Type.Union([Type.Integer(), Type.Null()]),
          rate,
        },
        { description: "赋码率 = (1 − (a + 50·b − β·c) / N) · 100% − g + h + f" },
      ),
      scanning: Type.Object(
        {
          N: Type.Integer({ description: "Batches shipped to the district's parties in the period" }),
          a: Type.Integer({ description: "Not confirmed into stock within 2 calendar days" }),
          c: Type.Integer({ description: "Rejected by the buyer" }),
          f: Type.Integer(),
          rate,
        },
        { description: "扫码率 = (1 − (a + 50·b + c) / N) · 100% + f" },
      ),
    }),
  ),
});
