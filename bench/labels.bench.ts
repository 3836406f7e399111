/**
 * Barcode and label throughput: QR codes rendered per second as SVG and PNG through renderBarcode (baseline:
 * bwip-js alone on the same URIs, so the GS1 validation's share shows), and label PDF pages per second on a
 * roll of serialized items (font subsetting included; the fonts are loaded before timing).
 */
import bwipjs from "bwip-js";
import { renderBarcode } from "../src/services/labels/render-barcode.ts";
import { renderLabels } from "../src/services/labels/render-labels.ts";
import type { BenchRun } from "./harness.ts";

const uri = (i: number) => `https://trace.example.cn/01/09520123456788/21/SN${String(i).padStart(6, "0")}?17=261231`;

/** Like opsPerSecond, for async work: runs `fn` one call after another for about `seconds`. */
async function asyncOpsPerSecond(fn: (i: number) => Promise<unknown>, seconds: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let ops = 0;
  while (performance.now() < deadline) await fn(ops++);
  return ops / ((performance.now() - start) / 1000);
}

export const run: BenchRun = async (ctx) => {
  const seconds = ctx.quick ? 0.3 : 3;
  // Alternate the two and keep the best of each: on a shared machine a single run of either can be starved.
  let svg = 0;
  let bare = 0;
  for (let round = 0; round < 2; round++) {
    svg = Math.max(
      svg,
      await asyncOpsPerSecond((i) => renderBarcode({ symbology: "qr", data: uri(i), format: "svg" }), seconds),
    );
    bare = Math.max(
      bare,
      await asyncOpsPerSecond(
        async (i) => bwipjs.toSVG({ bcid: "qrcode", text: uri(i), eclevel: "M", padding: 8 } as bwipjs.RenderOptions),
        seconds,
      ),
    );
  }
  const png = await asyncOpsPerSecond((i) => renderBarcode({ symbology: "qr", data: uri(i), format: "png" }), seconds);

  const pages = ctx.quick ? 20 : 500;
  const labels = Array.from({ length: pages }, (_, i) => ({
    traceCode: uri(i),
    productName: "五常有机大米（稻花香2号）",
    spec: "5 kg/袋",
    lot: "2026A01",
    productionDate: "2026-01-15",
    producerName: "黑龙江省五常市某某米业有限公司",
  }));
  const request = { size: "70x50", layout: "roll", format: "pdf", labels } as const;
  await renderLabels({ ...request, labels: labels.slice(0, 2) }); // loads the 2 × 10 MB fonts
  const rounds = ctx.quick ? 1 : 3;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) await renderLabels(request);
  const pdfPages = (pages * rounds) / ((performance.now() - start) / 1000);

  return [
    {
      name: "QR code SVG (Digital Link, validated)",
      unit: "renders/s",
      value: svg,
      baselineName: "bwip-js toSVG alone",
      baselineValue: bare,
    },
    { name: "QR code PNG (Digital Link, validated)", unit: "renders/s", value: png },
    {
      name: `label PDF, 70×50 roll of ${pages} serialized items`,
      unit: "pages/s",
      value: pdfPages,
      notes: "bounded by QR encoding in bwip-js (one symbol per serial)",
    },
  ];
};
