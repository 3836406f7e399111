/**
 * Which GS1 Member Organisation issued the prefix of a GTIN (GS1 General Specifications §1.4.2, "GS1 prefixes"),
 * so that a consumer whose code is unknown here learns where the product was registered. The first three digits
 * of the GTIN-13 inside a GTIN-14 (after the indicator digit) are the GS1 prefix.
 */
const RANGES: readonly (readonly [number, number, string, string])[] = [
  [0, 19, "GS1 US", "美国"],
  [20, 29, "restricted circulation (in-store numbers)", "店内码（限域流通）"],
  [30, 39, "GS1 US", "美国"],
  [40, 49, "restricted circulation (in-store numbers)", "店内码（限域流通）"],
  [60, 139, "GS1 US", "美国"],
  [200, 299, "restricted circulation (in-store numbers)", "店内码（限域流通）"],
  [300, 379, "GS1 France", "法国"],
  [400, 440, "GS1 Germany", "德国"],
  [450, 459, "GS1 Japan", "日本"],
  [460, 469, "GS1 Russia", "俄罗斯"],
  [471, 471, "GS1 Chinese Taipei", "中国台湾"],
  [489, 489, "GS1 Hong Kong, China", "中国香港"],
  [490, 499, "GS1 Japan", "日本"],
  [500, 509, "GS1 UK", "英国"],
  [540, 549, "GS1 Belgium & Luxembourg", "比利时和卢森堡"],
  [570, 579, "GS1 Denmark", "丹麦"],
  [690, 699, "GS1 China", "中国（中国物品编码中心）"],
  [700, 709, "GS1 Norway", "挪威"],
  [730, 739, "GS1 Sweden", "瑞典"],
  [760, 769, "GS1 Switzerland", "瑞士"],
  [789, 790, "GS1 Brasil", "巴西"],
  [800, 839, "GS1 Italy", "意大利"],
  [840, 849, "GS1 Spain", "西班牙"],
  [870, 879, "GS1 Netherlands", "荷兰"],
  [880, 880, "GS1 Korea", "韩国"],
  [885, 885, "GS1 Thailand", "泰国"],
  [888, 888, "GS1 Singapore", "新加坡"],
  [890, 890, "GS1 India", "印度"],
  [893, 893, "GS1 Vietnam", "越南"],
  [899, 899, "GS1 Indonesia", "印度尼西亚"],
  [930, 939, "GS1 Australia", "澳大利亚"],
  [940, 949, "GS1 New Zealand", "新西兰"],
  [955, 955, "GS1 Malaysia", "马来西亚"],
  [958, 958, "GS1 Macau, China", "中国澳门"],
];

export interface Gs1PrefixInfo {
  readonly prefix: string;
  readonly organisation: string;
  readonly organisationZh: string;
}

export function gs1PrefixOf(gtin14: string): Gs1PrefixInfo {
  const prefix = gtin14.slice(1, 4);
  const n = Number(prefix);
  const hit = RANGES.find(([lo, hi]) => n >= lo && n <= hi);
  return {
    prefix,
    organisation: hit?.[2] ?? "a GS1 Member Organisation",
    organisationZh: hit?.[3] ?? "GS1 成员组织",
  };
}
