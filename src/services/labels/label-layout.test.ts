import { describe, expect, it } from "vitest";
import type { LabelData, LabelSize } from "./label-data.ts";
import type { LabelDrawing, QrItem, TextItem } from "./label-drawing.ts";
import { layoutLabel } from "./label-layout.ts";
import { labelTemplates } from "./label-templates.ts";
import { labelTexts } from "./label-texts.ts";
import { resolveLabel } from "./resolve-label.ts";
import { textWidthMm } from "./text-fit.ts";

const full: LabelData = {
  traceCode: "https://trace.example.cn/01/09520123456788/10/2026A01?17=261231",
  productName: "五常有机大米（稻花香2号）",
  spec: "5 kg/袋",
  productionDate: "2026-01-15",
  producerName: "黑龙江省五常市某某米业有限公司",
};

function layout(data: LabelData, size: LabelSize, locale: "zh-CN" | "en" = "zh-CN"): LabelDrawing {
  const label = resolveLabel(data, "", { digitalLinkBase: "https://id.gs1.org", referenceYear: 2026 });
  return layoutLabel(label, labelTemplates[size], labelTexts(locale));
}

const texts = (d: LabelDrawing) => d.items.filter((i): i is TextItem => i.kind === "text");
const qrOf = (d: LabelDrawing) => d.items.find((i): i is QrItem => i.kind === "qr")!;

describe("layoutLabel", () => {
  it.each(["70x50", "50x30"] as const)(
    "keeps every text of a %s label inside the label and clear of the QR",
    (size) => {
      const t = labelTemplates[size];
      const d = layout(full, size);
      const qr = qrOf(d);
      expect(qr.x + qr.size).toBeLessThanOrEqual(t.widthMm);
      for (const item of texts(d)) {
        const right = item.x + textWidthMm(item.text, item.sizePt, item.weight);
        const besideQr = item.y - item.sizePt * 0.353 < qr.y + qr.size;
        expect(item.x).toBeGreaterThanOrEqual(t.marginMm);
        expect(right).toBeLessThanOrEqual(besideQr ? qr.x : t.widthMm - t.marginMm);
        expect(item.y).toBeLessThanOrEqual(t.heightMm - t.marginMm);
      }
    },
  );

  it("prints all fields on 70×50 with zh-CN captions, the QR of the Digital Link and the bracketed code", () => {
    const lines = texts(layout(full, "70x50")).map((t) => t.text);
    expect(lines).toEqual([
      "五常有机大米（稻花",
      "香2号）",
      "规格：5 kg/袋",
      "批号：2026A01",
      "生产日期：2026-01-15",
      "保质期至：2026-12-31",
      "生产者：黑龙江省五常市某某米业有限公司",
      "(01)09520123456788(10)2026A01(17)261231",
    ]);
    expect(qrOf(layout(full, "70x50")).uri).toBe(full.traceCode);
  });

  it("keeps QR, name, lot and expiry on 50×30 and drops the producer and production date", () => {
    const lines = texts(layout(full, "50x30")).map((t) => t.text);
    expect(lines).toEqual([
      "五常有机大米（稻",
      "花香2号）",
      "规格：5 kg/袋",
      "批号：2026A01",
      "保质期至：2026-12-31",
      "(01)09520123456788(10)2026A01(17)261231",
    ]);
  });

  it("uses English captions on request", () => {
    const lines = texts(layout({ ...full, productName: "Organic rice" }, "70x50", "en")).map((t) => t.text);
    expect(lines.slice(0, 5)).toEqual([
      "Organic rice",
      "Spec: 5 kg/袋",
      "Lot: 2026A01",
      "Production date: 2026-01-15",
      "Best before: 2026-12-31",
    ]);
  });

  it("cuts a long name to its lines with an ellipsis and still keeps lot and expiry", () => {
    const name = "特级五常有机大米稻花香二号当季新米真空包装家庭装礼盒装".repeat(3);
    for (const size of ["70x50", "50x30"] as const) {
      const lines = texts(layout({ ...full, productName: name }, size)).map((t) => t.text);
      expect(lines[1]?.endsWith("…")).toBe(true);
      expect(lines).toContain("批号：2026A01");
      expect(lines).toContain("保质期至：2026-12-31");
    }
  });

  it("prints the code itself for a platform trace number", () => {
    const d = layout(
      { ...full, traceCode: "https://trace.example.cn/t/ABC123DEF456GHX5", lot: "L1", expiryDate: "2026-06-30" },
      "50x30",
    );
    expect(texts(d).at(-1)?.text).toBe("ABC123DEF456GHX5");
    expect(qrOf(d).uri).toBe("https://trace.example.cn/t/ABC123DEF456GHX5");
  });
});
