import { describeTraceNumber } from "../codes/trace-number.ts";
import { type Gs1PrefixInfo, gs1PrefixOf } from "./gs1-prefix.ts";
import type { ResolverTarget } from "./resolver-target.ts";

/**
 * What a person is told when a code leads nowhere: whether the code itself is valid, what it is, where it was
 * issued, and what to do next (GS1-Conformant Resolver Standard 1.1 §6.7: a resolver that cannot resolve a
 * valid request answers 404 with a helpful page, never an empty error). Text in both languages, from facts.
 */
export interface CodeHelp {
  readonly valid: boolean;
  readonly reason:
    | "invalid"
    | "unknown-lot"
    | "unknown-serial"
    | "gtin-only"
    | "unknown-party"
    | "unknown-voucher"
    | "unsupported-key"
    | "revoked";
  readonly detail: string;
  readonly detailZh: string;
  readonly advice: readonly string[];
  readonly adviceZh: readonly string[];
  readonly gs1Prefix?: Gs1PrefixInfo;
  /** A party on this platform that uses the GTIN's company prefix, if one does. */
  readonly producer?: { readonly partyId: string; readonly partyName: string };
  /** For a platform trace number: the region and day it was issued for. */
  readonly issued?: { readonly regionCode: string; readonly issuedOn: string };
}

const ADVICE = [
  "Check the code printed under the QR code against what you typed or scanned.",
  "Ask the seller for the product's trace voucher (追溯凭证).",
  "If you suspect a fake code, report it to the market regulator: 12315.",
];
const ADVICE_ZH = [
  "核对二维码下方印刷的追溯码与您输入或扫描的内容是否一致。",
  "向销售者索取该产品的追溯凭证。",
  "如怀疑为假冒追溯码，请向市场监管部门举报：12315。",
];

export function codeHelp(
  target: ResolverTarget,
  facts: { readonly producer?: { partyId: string; partyName: string }; readonly revoked?: boolean } = {},
): CodeHelp {
  const base = { advice: ADVICE, adviceZh: ADVICE_ZH };
  switch (target.kind) {
    case "invalid":
      return {
        ...base,
        valid: false,
        reason: "invalid",
        detail: `This is not a valid code: ${target.error.message}${target.error.ai ? ` (AI ${target.error.ai})` : ""}.`,
        detailZh: `该码无效：${target.error.message}${target.error.ai ? `（应用标识符 ${target.error.ai}）` : ""}。`,
      };
    case "lot":
    case "serial":
    case "gtin": {
      if (facts.revoked) {
        return {
          ...base,
          valid: true,
          reason: "revoked",
          detail: "The coding of this lot was revoked by its producer as a mistake; this code may not be used.",
          detailZh: "该批次的赋码已被生产者作为错误撤销，此追溯码不应再使用。",
        };
      }
      const gtin = target.kind === "lot" ? target.gtin : target.gtin;
      if (gtin === null) return platformTraceHelp(target.kind === "lot" ? target.traceKey.slice(2) : "");
      const prefix = gs1PrefixOf(gtin);
      const where = `Its GS1 prefix ${prefix.prefix} was issued by ${prefix.organisation}.`;
      const whereZh = `其 GS1 前缀码 ${prefix.prefix} 由${prefix.organisationZh}分配。`;
      const who = facts.producer
        ? ` Products with this company prefix are registered here by ${facts.producer.partyName}.`
        : " No producer on this platform uses its company prefix.";
      const whoZh = facts.producer
        ? `本平台上使用该厂商识别代码的生产者：${facts.producer.partyName}。`
        : "本平台上没有使用该厂商识别代码的生产者。";
      const producer = facts.producer ? { producer: facts.producer } : {};
      if (target.kind === "gtin") {
        return {
          ...base,
          ...producer,
          valid: true,
          reason: "gtin-only",
          gs1Prefix: prefix,
          detail: `The GTIN ${gtin} is valid but names the product, not the lot: scan the QR code on the pack, which carries the lot. ${where}${who}`,
          detailZh: `GTIN ${gtin} 有效，但只标识产品而不标识批次：请扫描包装上的追溯二维码（含批号）。${whereZh}${whoZh}`,
        };
      }
      const what = target.kind === "serial" ? `serial ${target.serial}` : "lot";
      return {
        ...base,
        ...producer,
        valid: true,
        reason: target.kind === "serial" ? "unknown-serial" : "unknown-lot",
        gs1Prefix: prefix,
        detail: `The code is valid (GTIN ${gtin}), but no ${what} with it is recorded on this platform. ${where}${who}`,
        detailZh: `该码格式有效（GTIN ${gtin}），但本平台没有该${target.kind === "serial" ? `序列号 ${target.serial}` : "批次"}的记录。${whereZh}${whoZh}`,
      };
    }
    case "party":
      return {
        ...base,
        valid: true,
        reason: "unknown-party",
        detail: `The party code is valid, but no party with ${target.gln ? `GLN ${target.gln}` : `code ${target.partyCode}`} is registered on this platform.`,
        detailZh: `主体码格式有效，但本平台未登记${target.gln ? `全球位置码为 ${target.gln}` : `主体码为 ${target.partyCode}`}的主体。`,
      };
    case "voucher":
      return {
        ...base,
        valid: true,
        reason: "unknown-voucher",
        detail: `No trace voucher ${target.code} exists on this platform.`,
        detailZh: `本平台不存在追溯单 ${target.code}。`,
      };
    case "unsupported":
      return {
        ...base,
        valid: true,
        reason: "unsupported-key",
        detail: `This is a valid GS1 key (AI ${target.ai}), but this platform resolves trace codes (01 with 10), party codes (414) and its own codes only.`,
        detailZh: `这是有效的 GS1 标识（应用标识符 ${target.ai}），但本平台只解析追溯码（01 与 10）、主体码（414）和平台自有编码。`,
      };
  }
}

function platformTraceHelp(code: string): CodeHelp {
  const parts = describeTraceNumber(code);
  const issued = parts ? { issued: { regionCode: parts.regionCode, issuedOn: parts.issuedOn } } : {};
  const when = parts ? ` It was issued for region ${parts.regionCode} on ${parts.issuedOn}.` : "";
  const whenZh = parts ? `该码于 ${parts.issuedOn} 为行政区划 ${parts.regionCode} 签发。` : "";
  return {
    advice: ADVICE,
    adviceZh: ADVICE_ZH,
    ...issued,
    valid: true,
    reason: "unknown-lot",
    detail: `The trace number ${code} is valid, but no lot has been coded with it yet.${when}`,
    detailZh: `追溯码 ${code} 格式有效，但尚未赋给任何批次。${whenZh}`,
  };
}
