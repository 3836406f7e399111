import type { ColumnSet } from "./import-columns.ts";

/** Product columns: the fields of POST /v1/products. */
export const productColumns: ColumnSet = {
  aliases: {
    name: ["名称", "产品名称", "品名"],
    spec: ["规格"],
    unit: ["单位", "计量单位"],
    categoryCode: ["品类", "品类代码", "category"],
    shelfLifeDays: ["保质期天数", "保质期（天）"],
    gtin: ["商品条码", "条码"],
    description: ["描述", "说明"],
  },
  required: [["name"], ["unit"], ["categoryCode"]],
};

/** Lot columns: the fields of a lot of POST /v1/lots, the product named by id, GTIN or name. */
export const lotColumns: ColumnSet = {
  aliases: {
    productId: ["产品ID", "产品编号"],
    productGtin: ["产品GTIN", "GTIN", "商品条码"],
    productName: ["产品名称", "品名", "产品"],
    lotCode: ["批号", "批次号"],
    productionDate: ["生产日期", "采收日期"],
    expiryDate: ["到期日", "保质期至", "有效期至"],
    quantity: ["数量"],
    unit: ["单位"],
    originRegion: ["originRegionCode", "产地", "产地代码", "产地行政区划代码"],
    originPlace: ["产地详址", "具体产地"],
    location: ["存放地点", "库位"],
    inputs: ["原料", "投入批次"],
  },
  required: [["productId", "productGtin", "productName"], ["productionDate"], ["quantity"]],
};

/** Shipment columns: one row per line of POST /v1/shipments; rows sharing a reference are one shipment. */
export const shipmentColumns: ColumnSet = {
  aliases: {
    reference: ["单号", "出库单号", "ref"],
    receiverPartyId: ["收货方ID", "收货主体ID"],
    receiverCreditCode: ["收货方统一社会信用代码", "收货方信用代码"],
    buyerName: ["购货方名称", "购货方"],
    buyerCreditCode: ["购货方统一社会信用代码", "购货方信用代码"],
    buyerProvince: ["购货方省份"],
    consumers: ["售予消费者", "消费者"],
    traceCode: ["追溯码"],
    quantity: ["数量"],
    unit: ["单位"],
  },
  required: [["traceCode"], ["quantity"]],
};
