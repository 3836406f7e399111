/** The fixed texts of the printable receipt page, per language (zh-CN by default). */
export type ReceiptPageLang = "zh-CN" | "en";

export interface ReceiptPageTexts {
  readonly title: string;
  readonly evidenceNumber: string;
  readonly loggedAt: string;
  readonly witnessedBy: string;
  readonly integrated: string;
  readonly notWitnessed: string;
  readonly treeSize: string;
  readonly leafHash: string;
  readonly commitment: string;
  readonly record: string;
  readonly log: string;
  readonly scan: string;
  readonly howToVerify: string;
  readonly receiptText: string;
  /** The page's own check in the browser (web/assets/receipt-page.js). */
  readonly browserCheck: {
    readonly title: string;
    readonly checking: string;
    readonly ok: string;
    readonly fail: string;
    readonly recordNotChecked: string;
    readonly checks: Readonly<Record<string, string>>;
  };
  readonly kinds: Readonly<Record<string, string>>;
}

export const receiptPageTexts: Readonly<Record<ReceiptPageLang, ReceiptPageTexts>> = {
  "zh-CN": {
    title: "上链凭证",
    evidenceNumber: "存证编号",
    loggedAt: "上链时间",
    witnessedBy: "见证方联署",
    integrated: "写入日志（平台时间）",
    notWitnessed: "尚无见证方联署",
    treeSize: "日志树大小",
    leafHash: "叶子哈希",
    commitment: "记录承诺值",
    record: "存证记录",
    log: "透明日志",
    scan: "扫码获取凭证",
    howToVerify:
      "本凭证为 C2SP tlog-proof 格式，可离线核验：下载凭证与策略文件（/log/policy），运行 " +
      "suyuan verify --policy policy.txt receipt.txt；消费者页面在浏览器内核验。记录被篡改、检查点被伪造或见证方不足均会导致核验失败。",
    receiptText: "凭证原文",
    browserCheck: {
      title: "浏览器核验",
      checking: "正在本机核验凭证……",
      ok: "✔ 凭证核验通过",
      fail: "✘ 凭证核验失败",
      recordNotChecked: "无法读取记录原文，未核对记录内容",
      checks: {
        claim: "凭证指向本页记录",
        commitment: "记录内容与凭证承诺一致（SHA-256，RFC 8785）",
        signature: "检查点由平台日志密钥签名（Ed25519）",
        witnesses: "检查点经见证方联署，满足策略要求",
        inclusion: "记录包含在已签名的默克尔树中（RFC 9162）",
      },
    },
    kinds: {
      lot: "批次",
      party: "主体",
      product: "产品",
      document: "证明材料",
      "epcis-event": "追溯事件",
      recall: "召回",
      "recall-task": "召回任务",
    },
  },
  en: {
    title: "Ledger receipt",
    evidenceNumber: "Evidence number",
    loggedAt: "Logged at",
    witnessedBy: "cosigned by",
    integrated: "integrated (platform clock)",
    notWitnessed: "no witness cosignature yet",
    treeSize: "Tree size",
    leafHash: "Leaf hash",
    commitment: "Record commitment",
    record: "Record",
    log: "Transparency log",
    scan: "Scan for the receipt",
    howToVerify:
      "This receipt is a C2SP tlog-proof and can be checked offline: download it and the policy (/log/policy) and run " +
      "suyuan verify --policy policy.txt receipt.txt; the consumer page checks it in the browser. A changed record, a " +
      "forged checkpoint or too few witnesses make the check fail.",
    receiptText: "Receipt text",
    browserCheck: {
      title: "Checked in this browser",
      checking: "Checking the receipt on this device…",
      ok: "✔ The receipt verifies",
      fail: "✘ The receipt does NOT verify",
      recordNotChecked: "The record could not be read: its content was not checked",
      checks: {
        claim: "The receipt names this page's record",
        commitment: "The record matches the receipt's commitment (SHA-256, RFC 8785)",
        signature: "The checkpoint is signed by the platform's log key (Ed25519)",
        witnesses: "Witnesses cosigned the checkpoint as the policy requires",
        inclusion: "The record is included in the signed Merkle tree (RFC 9162)",
      },
    },
    kinds: {
      lot: "lot",
      party: "party",
      product: "product",
      document: "document",
      "epcis-event": "trace event",
      recall: "recall",
      "recall-task": "recall task",
    },
  },
};
