import { normaliseCreditCode } from "../../core/ids/credit-code.ts";
import {
  parseLooseDate,
  parseResult,
  type SamplingRecordInput,
  splitFailedItems,
} from "../../core/sampling/sampling-record.ts";

/**
 * Accepted fields of a sampling record, with the headers agencies use in their published tables (食品安全监督抽检
 * 结果公告): English as in the API, or the Chinese column names.
 */
const aliases: Record<string, keyof RawSamplingRecord> = {
  sampleno: "sampleNo",
  样品编号: "sampleNo",
  抽样编号: "sampleNo",
  抽样单编号: "sampleNo",
  productname: "productName",
  样品名称: "productName",
  食品名称: "productName",
  产品名称: "productName",
  spec: "spec",
  规格型号: "spec",
  规格: "spec",
  producername: "producerName",
  标称生产企业名称: "producerName",
  生产企业名称: "producerName",
  生产者名称: "producerName",
  producercreditcode: "producerCreditCode",
  统一社会信用代码: "producerCreditCode",
  生产企业统一社会信用代码: "producerCreditCode",
  tracecode: "traceCode",
  追溯码: "traceCode",
  lot: "lot",
  lotorproductiondate: "lot",
  "生产日期/批号": "lot",
  生产日期批号: "lot",
  批号: "lot",
  productiondate: "lot",
  生产日期: "lot",
  result: "result",
  检验结果: "result",
  结果: "result",
  判定结论: "result",
  faileditems: "failedItems",
  不合格项目: "failedItems",
  不合格项目名称: "failedItems",
  agency: "agency",
  检验机构: "agency",
  承检机构: "agency",
  抽检机构: "agency",
  sampledon: "sampledOn",
  抽样日期: "sampledOn",
};

/** A record as it arrives (CSV cells or JSON strings), before parsing. */
export interface RawSamplingRecord {
  sampleNo?: string;
  productName?: string;
  spec?: string;
  producerName?: string;
  producerCreditCode?: string;
  traceCode?: string;
  /** A production date or a lot number: agencies put either in one column. */
  lot?: string;
  result?: string;
  failedItems?: string | string[];
  agency?: string;
  sampledOn?: string;
}

export function canonicalSamplingColumn(header: string): keyof RawSamplingRecord | undefined {
  const h = header
    .normalize("NFKC")
    .trim()
    .replace(/^\uFEFF/, "");
  return aliases[h] ?? aliases[h.toLowerCase().replace(/[\s_\-()（）]/g, "")];
}

export interface FieldProblem {
  readonly field: string;
  readonly detail: string;
}

/** Parses one raw record; the problems name the field at fault. */
export function parseRawSamplingRecord(raw: RawSamplingRecord): SamplingRecordInput | FieldProblem[] {
  const v = (s: string | undefined) => s?.normalize("NFKC").trim() || null;
  const problems: FieldProblem[] = [];
  const result = parseResult(raw.result ?? "");
  if (!result) problems.push({ field: "result", detail: "the result is 合格/pass or 不合格/fail" });
  const lot = v(raw.lot);
  const productionDate = lot ? (parseLooseDate(lot) ?? null) : null;
  const sampledRaw = v(raw.sampledOn);
  const sampledOn = sampledRaw ? parseLooseDate(sampledRaw) : null;
  if (sampledRaw && !sampledOn) problems.push({ field: "sampledOn", detail: `not a date: ${sampledRaw}` });
  const credit = v(raw.producerCreditCode);
  const failedItems = Array.isArray(raw.failedItems)
    ? raw.failedItems.map((s) => s.trim()).filter(Boolean)
    : splitFailedItems(raw.failedItems ?? "");
  if (problems.length > 0) return problems;
  return {
    sampleNo: v(raw.sampleNo) ?? "",
    productName: raw.productName?.trim() ?? "",
    spec: v(raw.spec),
    producerName: v(raw.producerName),
    producerCreditCode: credit ? normaliseCreditCode(credit) : null,
    traceCode: v(raw.traceCode),
    lotCode: lot && !productionDate ? lot : null,
    productionDate,
    result: result as SamplingRecordInput["result"],
    failedItems: result === "fail" ? failedItems : [],
    agency: v(raw.agency) ?? "",
    sampledOn: sampledOn ?? null,
  };
}
