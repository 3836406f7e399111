/**
 * The registry of error codes (STYLE rule 9). Every error the platform reports has a stable code here, with its
 * HTTP status and a title a person can act on. HTTP maps them to RFC 9457 problem details in one place
 * (src/http/plugins/problem-details.ts); docs/errors.md is kept in sync by a test.
 */
export interface ErrorSpec {
  readonly status: number;
  /** Short, stable, human title (en). The detail of each occurrence says what exactly was wrong. */
  readonly title: string;
  /** Chinese title for zh-CN users. */
  readonly titleZh: string;
}

export const errorRegistry = {
  "validation-failed": { status: 400, title: "The request is not valid", titleZh: "请求参数不合法" },
  "invalid-credit-code": {
    status: 422,
    title: "Invalid unified social credit code",
    titleZh: "统一社会信用代码无效",
  },
  "unknown-region": { status: 422, title: "Unknown administrative region code", titleZh: "行政区划代码不存在" },
  "invalid-gln": { status: 422, title: "Invalid GLN", titleZh: "全球位置码（GLN）无效" },
  "invalid-party": { status: 422, title: "Invalid party data", titleZh: "主体信息不合法" },
  "duplicate-credit-code": {
    status: 409,
    title: "A party with this credit code is already registered",
    titleZh: "该统一社会信用代码已登记",
  },
  unauthenticated: { status: 401, title: "Missing or invalid API key", titleZh: "缺少或无效的 API 密钥" },
  forbidden: { status: 403, title: "This key may not do that", titleZh: "该密钥无权执行此操作" },
  "not-found": { status: 404, title: "Not found", titleZh: "未找到" },
  conflict: { status: 409, title: "Changed by someone else meanwhile", titleZh: "数据已被他人修改" },
  "route-not-found": { status: 404, title: "No such endpoint", titleZh: "接口不存在" },
  "method-not-allowed": { status: 405, title: "Method not allowed", titleZh: "不支持该请求方法" },
  "not-acceptable": {
    status: 406,
    title: "Cannot answer in the version or format asked for",
    titleZh: "无法按所请求的版本或格式响应",
  },
  "payload-too-large": { status: 413, title: "Request body too large", titleZh: "请求体过大" },
  "unsupported-media-type": { status: 415, title: "Unsupported content type", titleZh: "不支持的内容类型" },
  "rate-limited": { status: 429, title: "Too many requests", titleZh: "请求过于频繁" },
  "invalid-api-key-spec": { status: 422, title: "Invalid API key request", titleZh: "API 密钥参数不合法" },
  "codes-exhausted": {
    status: 503,
    title: "No more codes can be issued in this range",
    titleZh: "该范围内的编码已用尽",
  },
  "gtin-issuance-disabled": {
    status: 409,
    title: "This platform does not issue GTINs",
    titleZh: "本平台未配置 GS1 厂商识别代码，不能分配 GTIN",
  },
  "duplicate-gtin": { status: 409, title: "This GTIN is already registered", titleZh: "该 GTIN 已登记" },
  "duplicate-lot": {
    status: 409,
    title: "This lot code is already used for this product",
    titleZh: "该产品已存在相同批号",
  },
  "insufficient-stock": { status: 409, title: "Not enough stock of this lot", titleZh: "该批次库存不足" },
  "lot-expired": {
    status: 409,
    title: "The lot has expired and is blocked",
    titleZh: "该批次已过期，禁止流通（过期阻断）",
  },
  "unknown-trace-code": { status: 422, title: "No lot has this trace code", titleZh: "追溯码未找到对应批次" },
  "unit-mismatch": { status: 422, title: "Wrong unit for this lot", titleZh: "计量单位与批次不符" },
  "voucher-not-found": { status: 404, title: "No such trace voucher", titleZh: "追溯单不存在" },
  "already-settled": {
    status: 409,
    title: "This line was already received or rejected",
    titleZh: "该明细已确认收货或拒收",
  },
  "quantity-exceeds-shipment": { status: 422, title: "More than was shipped", titleZh: "数量超过发货数量" },
  "unsupported-file-type": {
    status: 415,
    title: "This kind of file is not accepted",
    titleZh: "不支持该文件类型（请上传 PDF、PNG、JPEG 或 WebP）",
  },
  "file-too-large": { status: 413, title: "The file is too large", titleZh: "文件过大" },
  "cannot-revoke": { status: 409, title: "This record can no longer be revoked", titleZh: "该记录已不能撤销" },
  "lot-revoked": { status: 409, title: "This lot's coding was revoked", titleZh: "该批次赋码已撤销" },
  "lot-recalled": {
    status: 409,
    title: "The lot is under recall and may not be shipped, sold, used or received",
    titleZh: "该批次正在召回，禁止发货、销售、使用或收货",
  },
  "recall-closed": { status: 409, title: "This recall is already closed", titleZh: "该召回已关闭" },
  "match-decided": {
    status: 409,
    title: "This sampling match was already confirmed or dismissed",
    titleZh: "该抽检匹配已确认或排除",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "This Idempotency-Key was used for a different request",
    titleZh: "幂等键已用于不同的请求",
  },
  "not-yet-logged": {
    status: 409,
    title: "The record is not in a signed checkpoint yet; retry in a second",
    titleZh: "记录尚未写入已签名的检查点，请稍后重试",
  },
  "not-yet-witnessed": {
    status: 409,
    title: "The record is logged but its checkpoint lacks the witnesses' quorum yet; retry shortly",
    titleZh: "记录已上链，但尚未获得足够见证方的联署，请稍后重试",
  },
  "invalid-proof-range": {
    status: 400,
    title: "No proof exists for these tree sizes",
    titleZh: "该树大小范围无法证明",
  },
  "epcis-validation": {
    status: 400,
    title: "The EPCIS document or event is not valid",
    titleZh: "EPCIS 文档或事件不合法",
  },
  "epcis-query-parameter": {
    status: 400,
    title: "An EPCIS query parameter is not valid",
    titleZh: "EPCIS 查询参数不合法",
  },
  "epcis-capture-limit": {
    status: 413,
    title: "Too many events in one EPCIS capture",
    titleZh: "单次 EPCIS 采集的事件过多",
  },
  "code-not-found": {
    status: 404,
    title: "The code is valid but nothing on this platform has it",
    titleZh: "该码有效，但本平台没有对应的记录",
  },
  "invalid-code": { status: 400, title: "This is not a valid code", titleZh: "该码无效" },
  "link-type-not-available": {
    status: 404,
    title: "No link of this type for this code",
    titleZh: "该码没有此类型的链接",
  },
  "complaint-rejected": {
    status: 422,
    title: "The complaint form was not filled in by a person, or is too old; reload the page",
    titleZh: "投诉表单校验未通过或已过期，请刷新页面后重新填写",
  },
  "import-failed": { status: 422, title: "The import file has invalid rows", titleZh: "导入文件存在错误行" },
  "unreadable-import-file": {
    status: 422,
    title: "The file cannot be read as CSV (UTF-8) or XLSX",
    titleZh: "无法读取导入文件（请使用 UTF-8 编码的 CSV 或 XLSX）",
  },
  "service-unavailable": { status: 503, title: "Service unavailable", titleZh: "服务暂不可用" },
  "internal-error": { status: 500, title: "Internal error", titleZh: "内部错误" },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorRegistry;

export interface FieldError {
  /** RFC 6901 JSON pointer to the field at fault, e.g. "/body/creditCode". */
  readonly pointer: string;
  readonly detail: string;
}

/** An error a caller can act on. Thrown by services, rendered by interfaces (HTTP problem+json, CLI one line). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly pointer: string | undefined;
  readonly errors: readonly FieldError[];
  /** Extra, safe-to-show members of the problem (e.g. the recall id that blocks an action). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { pointer?: string; errors?: readonly FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.status = errorRegistry[code].status;
    this.pointer = options.pointer ?? options.errors?.[0]?.pointer;
    this.errors = options.errors ?? (options.pointer ? [{ pointer: options.pointer, detail }] : []);
    this.extra = options.extra ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
