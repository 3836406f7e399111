import type { ResolverLink } from "../../core/resolver/linkset.ts";
import type { PublicRecord } from "./public-records.ts";

const PAGE_LANGS = ["zh-CN", "en"] as const;

/**
 * The links the resolver offers for a record (GS1 Web Vocabulary link types; the consumer page is the default).
 * Sections of the page are addressed by fragment, so a `?linkType=` redirect lands on the right part of it.
 */
export function publicLinks(record: PublicRecord, anchor: string, base: string): ResolverLink[] {
  const page = { type: "text/html", hreflang: PAGE_LANGS };
  if (record.type === "lot") {
    return [
      { rel: "gs1:pip", href: anchor, title: "Product information and trace", titleZh: "产品信息与追溯", ...page },
      { rel: "gs1:traceability", href: `${anchor}#chain`, title: "Chain of custody", titleZh: "流通记录", ...page },
      {
        rel: "gs1:recallStatus",
        href: `${anchor}#${record.recall ? "recall" : "product-title"}`,
        title: record.recall ? "Under recall" : "Not recalled",
        titleZh: record.recall ? "正在召回" : "未召回",
        ...page,
      },
      ...[...record.inspections, ...record.certificates].map((d) => ({
        rel: "gs1:certificationInfo",
        href: d.url,
        title: d.title,
        titleZh: d.title,
        type: "application/json",
      })),
      {
        rel: "gs1:epcis",
        href: `${base}/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(record.traceCode)}`,
        title: "EPCIS 2.0 events of this lot (API key required)",
        titleZh: "该批次的 EPCIS 2.0 事件（需 API 密钥）",
        type: "application/ld+json",
      },
      {
        rel: "gs1:verificationService",
        href: record.ledger.receiptUrl,
        title: "Ledger receipt (tamper evidence)",
        titleZh: "上链凭证（防篡改核验）",
        type: "application/json",
      },
    ];
  }
  if (record.type === "party") {
    return [
      {
        rel: "gs1:pip",
        href: anchor,
        title: `Party page: ${record.party.name}`,
        titleZh: `主体信息：${record.party.name}`,
        ...page,
      },
      {
        rel: "gs1:recallStatus",
        href: `${anchor}#recalls-title`,
        title: "Recent recalls",
        titleZh: "近期召回",
        ...page,
      },
    ];
  }
  return [{ rel: "gs1:pip", href: anchor, title: "Trace voucher", titleZh: "电子追溯单", ...page }];
}
