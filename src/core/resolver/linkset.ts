/**
 * The resolver's links (GS1 Web Vocabulary link types; GS1-Conformant Resolver Standard 1.1 §6) and their
 * linkset document (RFC 9264 §4.2: `{"linkset":[{"anchor":…, "<relation type URI>":[target objects]}]}`).
 */
export const GS1_VOC = "https://gs1.org/voc/";

export interface ResolverLink {
  /** Compact GS1 link type, e.g. "gs1:pip". */
  readonly rel: string;
  readonly href: string;
  readonly title: string;
  readonly titleZh: string;
  readonly type: string;
  readonly hreflang?: readonly string[];
}

/** "gs1:pip" or "https://gs1.org/voc/pip" → "gs1:pip"; anything else as given. */
export function compactLinkType(linkType: string): string {
  return linkType.startsWith(GS1_VOC) ? `gs1:${linkType.slice(GS1_VOC.length)}` : linkType;
}

export function linkTypeUri(rel: string): string {
  return rel.startsWith("gs1:") ? `${GS1_VOC}${rel.slice(4)}` : rel;
}

/**
 * The linkset: one context object for the anchor, each link type a relation (RFC 9264 §4.2.2), with the English
 * title and the Chinese one as an internationalised `title*` (§4.2.4.2). The first link is also the default
 * (gs1:defaultLink) unless one is named.
 */
export function buildLinkset(anchor: string, links: readonly ResolverLink[], itemDescription: string) {
  const context: Record<string, unknown> = { anchor, itemDescription };
  const all =
    links.some((l) => l.rel === "gs1:defaultLink") || links.length === 0
      ? links
      : [{ ...(links[0] as ResolverLink), rel: "gs1:defaultLink" }, ...links];
  for (const l of all) {
    const key = linkTypeUri(l.rel);
    const target = {
      href: l.href,
      title: l.title,
      "title*": [{ value: l.titleZh, language: "zh-CN" }],
      type: l.type,
      ...(l.hreflang ? { hreflang: l.hreflang } : {}),
    };
    const list = (context[key] as unknown[] | undefined) ?? [];
    list.push(target);
    context[key] = list;
  }
  return { linkset: [context] };
}

/**
 * The link a `?linkType=` asks for (Resolver Standard §6.5): the first of that type, or undefined. "all" is
 * answered with the linkset itself by the caller.
 */
export function findLink(links: readonly ResolverLink[], linkType: string): ResolverLink | undefined {
  const want = compactLinkType(linkType);
  if (want === "gs1:defaultLink") return links.find((l) => l.rel === want) ?? links[0];
  return links.find((l) => l.rel === want);
}

/** RFC 9264 §6 / RFC 8288: tells any client where the linkset of this anchor is. */
export function linksetHeader(anchor: string): string {
  const sep = anchor.includes("?") ? "&" : "?";
  return `<${anchor}${sep}linkType=all>; rel="linkset"; type="application/linkset+json"`;
}
