import type { PartyInput } from "../../core/parties/validate-party.ts";

/**
 * A small, realistic demo province: Fujian, mostly Fuzhou, with one party each in Xiamen and Quanzhou so that
 * regional views have something to hide. Every name is invented. Credit codes are derived from the name by
 * demo-credit-code.ts (category 91 company, 92 individual business, 93 cooperative, 12 public institution).
 */
export interface DemoParty extends PartyInput {
  /** Registration category: the first two characters of the credit code, or null for a natural person. */
  readonly category: "91" | "92" | "93" | "12" | null;
}

const licence = (type: string, number: string, validUntil: string) => [{ type, number, validUntil }];

export const demoParties: readonly DemoParty[] = [
  {
    category: "93",
    name: "闽侯县绿源果蔬种植专业合作社",
    kind: "farm",
    regionCode: "350121",
    address: "闽侯县南屿镇绿源村",
    licences: [],
  },
  {
    category: null,
    name: "陈阿明（连江县海带养殖户）",
    kind: "farm",
    regionCode: "350122",
    address: "连江县筱埕镇",
    licences: [],
  },
  {
    category: "91",
    name: "福州闽江乳业有限公司",
    kind: "producer",
    regionCode: "350111",
    address: "晋安区鼓山镇工业路 8 号",
    licences: licence("food_production", "SC10535011100123", "2028-06-30"),
    gln: "6901234000016",
    keyParty: true,
  },
  {
    category: "91",
    name: "福州海峡食品加工有限公司",
    kind: "processor",
    regionCode: "350104",
    address: "仓山区建新镇食品园 3 号",
    licences: licence("food_production", "SC11135010400456", "2027-12-31"),
  },
  {
    category: "91",
    name: "福建榕城进口食品贸易有限公司",
    kind: "importer",
    regionCode: "350105",
    address: "马尾区江滨东大道 100 号",
    licences: licence("food_business", "JY13501050000789", "2029-03-31"),
    keyParty: true,
  },
  {
    category: "91",
    name: "福州海峡农副产品批发市场有限公司",
    kind: "market_operator",
    regionCode: "350111",
    address: "晋安区福飞北路 1 号",
    licences: licence("food_business", "JY13501110000111", "2028-09-30"),
  },
  {
    category: "91",
    name: "福州鼓楼鲜果批发有限公司",
    kind: "wholesaler",
    regionCode: "350102",
    address: "鼓楼区五四路 1 号",
    licences: licence("food_business", "JY13501020000222", "2029-12-31"),
  },
  {
    category: "92",
    name: "台江区三保菜市场陈记蔬菜摊",
    kind: "market_vendor",
    regionCode: "350103",
    address: "台江区三保菜市场 A12 摊位",
    licences: licence("food_vendor", "FJ-TJ-2025-0333", "2026-12-31"),
  },
  {
    category: "91",
    name: "榕城连锁超市有限公司",
    kind: "chain_hq",
    regionCode: "350102",
    address: "鼓楼区东街 66 号",
    licences: licence("food_business", "JY13501020000444", "2028-01-31"),
  },
  {
    category: "91",
    name: "榕城超市有限公司仓山万达店",
    kind: "retailer",
    regionCode: "350104",
    address: "仓山区浦上大道 272 号",
    licences: licence("food_business", "JY13501040000555", "2027-05-31"),
  },
  {
    category: "12",
    name: "福州市第一中学食堂",
    kind: "canteen",
    regionCode: "350102",
    address: "鼓楼区南门兜 1 号",
    licences: licence("food_business", "JY33501020000666", "2028-08-31"),
  },
  {
    category: "91",
    name: "福州闽味餐饮管理有限公司",
    kind: "restaurant",
    regionCode: "350103",
    address: "台江区上下杭 18 号",
    licences: licence("food_business", "JY25501030000777", "2025-10-31"),
  },
  {
    category: "91",
    name: "福州海港冷链物流有限公司",
    kind: "cold_store",
    regionCode: "350105",
    address: "马尾区快安冷链园 2 号",
    licences: licence("food_business", "JY13501050000888", "2029-07-31"),
  },
  {
    category: "91",
    name: "厦门鹭岛生鲜超市有限公司",
    kind: "retailer",
    regionCode: "350203",
    address: "思明区中山路 9 号",
    licences: licence("food_business", "JY13502030000999", "2028-11-30"),
  },
  {
    category: "91",
    name: "泉州安溪铁观音茶业有限公司",
    kind: "producer",
    regionCode: "350524",
    address: "安溪县城厢镇茶都路 5 号",
    licences: licence("food_production", "SC11435052400321", "2029-02-28"),
  },
];
