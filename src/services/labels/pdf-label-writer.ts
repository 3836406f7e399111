/**
 * Labels as one PDF: "roll" puts each label on its own page of the label's size (what label printers expect),
 * "sheet" puts them on A4 pages in the grid of sheet-grid.ts with hairline cut guides. Noto Sans SC is embedded
 * as a subset of the glyphs used, so Chinese prints the same everywhere; the QR code is the same vector path
 * as in the SVG.
 */
import PDFDocument from "pdfkit";
import type { LabelLayout } from "./label-data.ts";
import type { LabelDrawing, QrItem, TextItem } from "./label-drawing.ts";
import { labelFont } from "./label-fonts.ts";
import { QR_QUIET_ZONE, qrModules } from "./qr-modules.ts";
import { sheetGrid } from "./sheet-grid.ts";

/** PDF user space unit is 1/72 inch (ISO 32000-1 §8.3.2.3). */
const PT_PER_MM = 72 / 25.4;

export async function labelsPdf(
  drawings: readonly LabelDrawing[],
  layout: LabelLayout,
  title: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: title, Creator: "Suyuan", Producer: "Suyuan (pdfkit)" },
  });
  doc.registerFont("regular", labelFont("regular"));
  doc.registerFont("bold", labelFont("bold"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  if (layout === "roll") {
    for (const d of drawings) {
      doc.addPage({ size: [d.widthMm * PT_PER_MM, d.heightMm * PT_PER_MM], margin: 0 });
      drawLabel(doc, d, 0, 0);
    }
  } else {
    const first = drawings[0];
    const grid = first ? sheetGrid(first.widthMm, first.heightMm) : undefined;
    drawings.forEach((d, i) => {
      if (!grid) return;
      const at = i % grid.perPage;
      if (at === 0) doc.addPage({ size: "A4", margin: 0 });
      const cell = grid.cells[at] as { x: number; y: number };
      cutGuide(doc, cell.x, cell.y, d);
      drawLabel(doc, d, cell.x, cell.y);
    });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function drawLabel(doc: PDFKit.PDFDocument, d: LabelDrawing, xMm: number, yMm: number): void {
  for (const item of d.items) {
    if (item.kind === "text") drawText(doc, item, xMm, yMm);
    else drawQr(doc, item, xMm, yMm);
  }
}

function drawText(doc: PDFKit.PDFDocument, t: TextItem, xMm: number, yMm: number): void {
  doc
    .font(t.weight)
    .fontSize(t.sizePt)
    .fillColor("#000")
    .text(t.text, (xMm + t.x) * PT_PER_MM, (yMm + t.y) * PT_PER_MM, { lineBreak: false, baseline: "alphabetic" });
}

function drawQr(doc: PDFKit.PDFDocument, q: QrItem, xMm: number, yMm: number): void {
  const modules = qrModules(q.uri);
  const module = (q.size / (modules.count + 2 * QR_QUIET_ZONE)) * PT_PER_MM;
  const x = (xMm + q.x) * PT_PER_MM + QR_QUIET_ZONE * module;
  const y = (yMm + q.y) * PT_PER_MM + QR_QUIET_ZONE * module;
  doc.save().translate(x, y).scale(module).path(modules.path).fill("#000").restore();
}

function cutGuide(doc: PDFKit.PDFDocument, xMm: number, yMm: number, d: LabelDrawing): void {
  doc
    .save()
    .lineWidth(0.25)
    .strokeColor("#bbbbbb")
    .rect(xMm * PT_PER_MM, yMm * PT_PER_MM, d.widthMm * PT_PER_MM, d.heightMm * PT_PER_MM)
    .stroke()
    .restore();
}
