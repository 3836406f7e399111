import { Type } from "typebox";
import { recallSchema } from "../recalls/recalls-schemas.ts";
import { stringEnum } from "../shared-schemas.ts";

const nullableString = Type.Union([Type.String(), Type.Null()]);
const cell = Type.String({ maxLength: 500 });

const rawRecord = Type.Object(
  {
    sampleNo: Type.String({ maxLength: 100, description: "样品编号 / 抽样单编号" }),
    productName: Type.String({ maxLength: 200, description: "样品名称 as the agency wrote it" }),
    spec: Type.Optional(cell),
    producerName: Type.Optional(cell),
    producerCreditCode: Type.Optional(Type.String({ maxLength: 40 })),
    traceCode: Type.Optional(Type.String({ maxLength: 512 })),
    lot: Type.Optional(Type.String({ maxLength: 100, description: "生产日期/批号: a date or a lot number" })),
    result: Type.String({ maxLength: 20, description: "合格/pass or 不合格/fail" }),
    failedItems: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Array(cell, { maxItems: 100 })])),
    agency: Type.String({ maxLength: 200, description: "检验机构" }),
    sampledOn: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const importBody = Type.Union([
  Type.Object({ records: Type.Array(rawRecord, { minItems: 1, maxItems: 10_000 }) }, { additionalProperties: false }),
  Type.Object(
    {
      csv: Type.String({
        minLength: 1,
        maxLength: 5_000_000,
        description: "CSV with a header row (English or Chinese headers, e.g. 样品编号, 样品名称, 检验结果)",
      }),
    },
    { additionalProperties: false },
  ),
]);

export const matchSchema = Type.Object({
  lotId: Type.String(),
  lotCode: Type.String(),
  traceCode: Type.String(),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(Type.String()),
  status: Type.String({ description: "candidate, confirmed or dismissed" }),
  decidedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  recallId: nullableString,
});

export const samplingSchema = Type.Object({
  id: Type.String(),
  sampleNo: Type.String(),
  productName: Type.String(),
  spec: nullableString,
  producerName: nullableString,
  producerCreditCode: nullableString,
  traceCode: nullableString,
  lotCode: nullableString,
  productionDate: nullableString,
  result: Type.String(),
  failedItems: Type.Array(Type.String()),
  agency: Type.String(),
  sampledOn: nullableString,
  regionCode: Type.String(),
  importedAt: Type.String({ format: "date-time" }),
  matches: Type.Array(matchSchema),
});

export const importReportSchema = Type.Object({
  rows: Type.Integer(),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  failing: Type.Array(
    Type.Object({
      id: Type.String(),
      sampleNo: Type.String(),
      matches: Type.Array(
        Type.Object({ lotId: Type.String(), score: Type.Integer(), reasons: Type.Array(Type.String()) }),
      ),
    }),
  ),
});

export const listQuery = Type.Object(
  {
    result: Type.Optional(stringEnum(["pass", "fail"] as const)),
    before: Type.Optional(Type.String({ maxLength: 64, description: "Records older than this id" })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);

export const matchParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  lotId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const confirmBody = Type.Object(
  {
    recall: Type.Optional(
      Type.Object(
        {
          level: stringEnum(["I", "II", "III"] as const, "一级/二级/三级 (食品召回管理办法 第十三条)"),
          reason: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false, description: "Order the lot's recall in the same step" },
      ),
    ),
  },
  { additionalProperties: false },
);

export const decisionSchema = Type.Object({
  status: Type.String(),
  recall: Type.Union([recallSchema, Type.Null()]),
});
