import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { decodeMatrix, decodePng } from "./decode-barcode.test-helper.ts";
import type { LabelData } from "./label-data.ts";
import { qrModules } from "./qr-modules.ts";
import { renderBarcode } from "./render-barcode.ts";
import { type LabelsRequest, renderLabels } from "./render-labels.ts";

const lot: LabelData = {
  traceCode: "https://trace.example.cn/01/09520123456788/10/2026A01?17=261231",
  productName: '五常有机大米 <特级> & "新米"',
  spec: "5 kg/袋",
  productionDate: "2026-01-15",
  producerName: "五常市某某米业有限公司",
};
const today = new Date("2026-03-01T00:00:00Z");

async function render(request: Partial<LabelsRequest>) {
  return renderLabels({ size: "70x50", layout: "roll", format: "pdf", labels: [lot], ...request }, { today });
}

/** The PDF as text, with its Flate streams inflated, to look for operators and objects. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let out = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index as number) + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      out += inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      // not a Flate stream (or the font file): skip
    }
  }
  return out;
}

describe("renderLabels", () => {
  it("writes an SVG label with the escaped texts, Noto Sans SC and the QR of its Digital Link", async () => {
    const svg = (await render({ format: "svg" })).body as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="70mm" height="50mm" viewBox="0 0 70 50">/);
    expect(svg).toContain("五常有机大米 &lt;特级&gt; &amp; &quot;新米&quot;");
    expect(svg).not.toContain("<特级>");
    expect(svg).toContain("'Noto Sans SC'");
    expect(svg).toContain("批号：2026A01");
    expect(svg).toContain("保质期至：2026-12-31");
    expect(svg).toContain("(01)09520123456788(10)2026A01(17)261231");
    expect(svg).toContain(`d="${qrModules(lot.traceCode).path}"`);
  });

  it("draws a QR code that scans as the label's Digital Link (same modules as bwip-js's PNG)", async () => {
    const [fromLabel] = await decodeMatrix(qrModules(lot.traceCode).rows);
    expect(fromLabel?.text).toBe(lot.traceCode);
    const png = await renderBarcode({ symbology: "qr", data: lot.traceCode, format: "png" });
    const [fromPng] = await decodePng(png.body as Buffer);
    expect(fromPng?.text).toBe(lot.traceCode);
  });

  it.each([
    ["70x50", 198.43, 141.73],
    ["50x30", 141.73, 85.04],
  ] as const)(
    "writes a %s roll PDF of N pages at the label size with Noto Sans SC embedded as a subset",
    async (size, w, h) => {
      const serials = Array.from({ length: 3 }, (_, i) => ({
        ...lot,
        traceCode: `https://trace.example.cn/01/09520123456788/21/SN${i}`,
        lot: "2026A01",
        expiryDate: "2026-12-31",
      }));
      const out = await render({ size, labels: serials });
      expect(out.contentType).toBe("application/pdf");
      const pdf = out.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = pdfText(pdf);
      expect(text.match(/\/Type \/Page\b/g)).toHaveLength(3);
      const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(boxes).toHaveLength(3);
      for (const [bw, bh] of boxes) {
        expect(bw).toBeCloseTo(w, 2);
        expect(bh).toBeCloseTo(h, 2);
      }
      expect(text).toContain("/FontFile2");
      expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
      expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold/);
      // A subset: far smaller than the 10 MB fonts.
      expect(pdf.length).toBeLessThan(200_000);
    },
  );

  it("puts labels on A4 sheets in a grid (10 of 70×50 a page)", async () => {
    const labels = Array.from({ length: 12 }, () => lot);
    const text = pdfText((await render({ layout: "sheet", labels })).body as Buffer);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain("/MediaBox [0 0 595.28 841.89]");
  });

  it("reports every bad label with its pointer", async () => {
    const labels: LabelData[] = [
      lot,
      { ...lot, traceCode: "https://id.gs1.org/01/09520123456789/10/A" },
      { ...lot, lot: "OTHER" },
      { ...lot, traceCode: "(01)09520123456788", productionDate: "2026-02-30" },
    ];
    const error = (await render({ labels }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.errors.map((e) => e.pointer)).toEqual(["/labels/1/traceCode", "/labels/2/lot", "/labels/3/lot"]);
    expect(error.pointer).toBe("/labels/1/traceCode");
    expect(error.extra).toMatchObject({ reason: "invalid-value", ai: "01" });
  });

  it.each([
    [{ labels: [] }, "/labels"],
    [{ labels: Array.from({ length: 1001 }, () => lot) }, "/labels"],
    [{ format: "svg", labels: [lot, lot] }, "/labels"],
  ] as const)("refuses %#", async (request, pointer) => {
    const error = (await render(request as Partial<LabelsRequest>).catch((e: unknown) => e)) as AppError;
    expect(error.pointer).toBe(pointer);
  });
});
