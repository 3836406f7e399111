import type { Lang } from "./messages.ts";

export const partyKindNames: Record<Lang, Record<string, string>> = {
  "zh-CN": {
    farm: "种植养殖者", producer: "食品生产企业", processor: "加工企业", importer: "进口商", wholesaler: "批发商",
    market_operator: "市场开办方", market_vendor: "市场经营户", retailer: "零售商", chain_hq: "连锁总部",
    restaurant: "餐饮服务", canteen: "单位食堂", central_kitchen: "中央厨房", cold_store: "冷库", logistics: "物流", other: "其他",
  },
  en: {
    farm: "Farm", producer: "Food producer", processor: "Processor", importer: "Importer", wholesaler: "Wholesaler",
    market_operator: "Market operator", market_vendor: "Market vendor", retailer: "Retailer", chain_hq: "Chain headquarters",
    restaurant: "Restaurant", canteen: "Canteen", central_kitchen: "Central kitchen", cold_store: "Cold store", logistics: "Logistics", other: "Other",
  },
};
