/** The fixed texts of the printable trace report, per language (zh-CN by default). */
export type ReportLang = "zh-CN" | "en";

export interface ReportTexts {
  readonly title: Record<"backward" | "forward", string>;
  readonly generated: string;
  readonly start: string;
  readonly lots: string;
  readonly hops: string;
  readonly holders: string;
  readonly transformations: string;
  readonly documents: string;
  readonly cycles: string;
  readonly cyclesNote: string;
  readonly truncated: string;
  readonly none: string;
  readonly col: Readonly<Record<string, string>>;
  readonly entry: Readonly<Record<string, string>>;
  readonly state: Readonly<Record<string, string>>;
  readonly consumers: string;
}

export const reportTexts: Readonly<Record<ReportLang, ReportTexts>> = {
  "zh-CN": {
    title: { backward: "反向溯源报告", forward: "正向追踪报告" },
    generated: "生成时间",
    start: "起点",
    lots: "批次",
    hops: "流转环节",
    holders: "持有主体与数量",
    transformations: "加工（原料批次 → 产品批次）",
    documents: "证明材料",
    cycles: "数据中的环路",
    cyclesNote: "以下节点构成环路，追溯在此终止，请核查数据。",
    truncated: "追溯层级超过上限，结果已截断。",
    none: "无",
    col: {
      lotCode: "批号",
      traceCode: "追溯码",
      producer: "生产/赋码主体",
      productionDate: "生产日期",
      expiryDate: "保质期至",
      quantity: "数量",
      origin: "产地",
      entry: "来源",
      date: "日期",
      from: "发货方",
      to: "收货方",
      voucher: "追溯单",
      shipped: "发货量",
      received: "收货量",
      state: "状态",
      party: "主体",
      region: "行政区划",
      depth: "层级",
      receivedIn: "收货",
      shippedOut: "发货",
      inTransit: "在途",
      held: "库存",
      sold: "销售",
      used: "使用",
      consumed: "加工投料",
      destroyed: "销毁",
      lost: "损耗",
      input: "原料批次",
      output: "产品批次",
      kind: "类别",
      titleCol: "名称",
      issuer: "出具单位",
      target: "关联对象",
    },
    entry: { coded: "源头赋码", transformation: "加工", first_station: "首站报备" },
    state: { pending: "在途", received: "已收货", rejected: "已拒收", revoked: "已撤销" },
    consumers: "消费者",
  },
  en: {
    title: { backward: "Backward trace report", forward: "Forward trace report" },
    generated: "Generated",
    start: "Start",
    lots: "Lots",
    hops: "Hops",
    holders: "Holders and quantities",
    transformations: "Transformations (input lot → output lot)",
    documents: "Documents",
    cycles: "Cycles in the data",
    cyclesNote: "These nodes form a cycle; the trace stops there. Check the data.",
    truncated: "The trace went deeper than the limit and was cut off.",
    none: "none",
    col: {
      lotCode: "Lot",
      traceCode: "Trace code",
      producer: "Producer",
      productionDate: "Produced",
      expiryDate: "Expires",
      quantity: "Quantity",
      origin: "Origin",
      entry: "Entry",
      date: "Date",
      from: "From",
      to: "To",
      voucher: "Voucher",
      shipped: "Shipped",
      received: "Received",
      state: "State",
      party: "Party",
      region: "Region",
      depth: "Depth",
      receivedIn: "Received",
      shippedOut: "Shipped",
      inTransit: "In transit",
      held: "Held",
      sold: "Sold",
      used: "Used",
      consumed: "Consumed",
      destroyed: "Destroyed",
      lost: "Lost",
      input: "Input lot",
      output: "Output lot",
      kind: "Kind",
      titleCol: "Title",
      issuer: "Issuer",
      target: "Linked to",
    },
    entry: { coded: "coded at source", transformation: "made from inputs", first_station: "first-station entry" },
    state: { pending: "in transit", received: "received", rejected: "rejected", revoked: "revoked" },
    consumers: "consumers",
  },
};
