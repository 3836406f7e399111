import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { AppError } from "../../core/errors.ts";
import { barcodeFormats, barcodeSymbologies } from "../../services/labels/barcode-symbology.ts";
import { labelLocales, labelSizes } from "../../services/labels/label-data.ts";
import { MAX_BARCODE_SCALE, renderBarcode } from "../../services/labels/render-barcode.ts";
import { renderLabels } from "../../services/labels/render-labels.ts";
import { DEFAULT_DIGITAL_LINK_BASE } from "../../services/labels/trace-code.ts";

/** Which option a field of the label request came from, so that errors name what the user typed. */
const optionOf: Readonly<Record<string, string>> = {
  traceCode: "--code",
  productName: "--product",
  spec: "--spec",
  lot: "--lot",
  productionDate: "--produced",
  expiryDate: "--expires",
  producerName: "--producer",
};

interface LabelOptions {
  code: string;
  product: string;
  spec?: string;
  lot?: string;
  produced?: string;
  expires?: string;
  producer?: string;
  size: (typeof labelSizes)[number];
  locale: (typeof labelLocales)[number];
  base: string;
  out: string;
}

/** `suyuan label` and `suyuan barcode`: the same renderers as POST /v1/labels and GET /v1/barcodes, to files. */
export function registerLabel(program: Command): void {
  const base = () =>
    new Option("--base <url>", "base URL of Digital Links built from element strings").default(
      process.env.PUBLIC_BASE_URL?.replace(/\/+$/, "") || DEFAULT_DIGITAL_LINK_BASE,
      "$PUBLIC_BASE_URL, else https://id.gs1.org",
    );

  program
    .command("label")
    .description("write a printable label (PDF page at the label size, or SVG) for a trace code")
    .requiredOption("--code <code>", "GS1 Digital Link URI, bracketed element string, or https://…/t/{CODE}")
    .requiredOption("--product <name>", "product name (品名)")
    .option("--spec <spec>", "specification (规格), e.g. '5 kg/袋'")
    .option("--lot <lot>", "lot (批号); defaults to the code's (10)")
    .option("--produced <date>", "production date YYYY-MM-DD (生产日期); defaults to the code's (11)")
    .option("--expires <date>", "best before YYYY-MM-DD (保质期至); defaults to the code's (17) or (15)")
    .option("--producer <name>", "producer (生产者)")
    .addOption(new Option("--size <size>", "label size in mm").choices(labelSizes).default("70x50"))
    .addOption(new Option("--locale <locale>", "language of the captions").choices(labelLocales).default("zh-CN"))
    .addOption(base())
    .requiredOption("--out <file>", "output file: .pdf or .svg")
    .action(async (o: LabelOptions) => {
      const format = outputFormat(o.out, ["pdf", "svg"] as const);
      const label = {
        traceCode: o.code,
        productName: o.product,
        spec: o.spec,
        lot: o.lot,
        productionDate: o.produced,
        expiryDate: o.expires,
        producerName: o.producer,
      };
      const rendered = await renderLabels(
        { size: o.size, layout: "roll", format, locale: o.locale, labels: [label] },
        { digitalLinkBase: o.base },
      ).catch((e: unknown) => {
        throw asOptionError(e);
      });
      await writeFile(o.out, rendered.body);
      console.log(`wrote ${o.out} (${o.size} mm label, ${format.toUpperCase()})`);
    });

  program
    .command("barcode")
    .description("write a barcode of a trace code: qr (Digital Link), datamatrix (GS1 DataMatrix) or gs1-128")
    .addArgument(program.createArgument("<symbology>", "what to draw").choices(barcodeSymbologies))
    .argument("<data>", "GS1 Digital Link URI or bracketed element string (qr also: https://…/t/{CODE})")
    .option("--scale <n>", `pixels per module unit for PNG, 1-${MAX_BARCODE_SCALE}`, "3")
    .addOption(base())
    .requiredOption("--out <file>", "output file: .svg or .png")
    .action(
      async (
        symbology: (typeof barcodeSymbologies)[number],
        data: string,
        o: { scale: string; base: string; out: string },
      ) => {
        const format = outputFormat(o.out, barcodeFormats);
        const scale = Number(o.scale);
        if (!Number.isInteger(scale) || scale < 1 || scale > MAX_BARCODE_SCALE) {
          throw new AppError("validation-failed", `must be a whole number from 1 to ${MAX_BARCODE_SCALE}`, {
            pointer: "--scale",
          });
        }
        const barcode = await renderBarcode(
          { symbology, data, format, scale },
          { pointer: "<data>", digitalLinkBase: o.base },
        );
        await writeFile(o.out, barcode.body);
        console.log(`wrote ${o.out} (${symbology}, ${format.toUpperCase()})`);
      },
    );
}

function outputFormat<const T extends readonly string[]>(file: string, formats: T): T[number] {
  const ext = extname(file).slice(1).toLowerCase();
  if (!formats.includes(ext)) {
    throw new AppError("validation-failed", `the file name must end in ${formats.map((f) => `.${f}`).join(" or ")}`, {
      pointer: "--out",
    });
  }
  return ext as T[number];
}

function asOptionError(e: unknown): unknown {
  if (!(e instanceof AppError) || !e.pointer) return e;
  const field = e.pointer.split("/").pop() ?? "";
  const option = optionOf[field];
  if (!option) return e;
  const detail = e.message.replace(/^\/labels\/0\/\w+: /, "");
  return new AppError(e.code, detail, { pointer: option, extra: { ...e.extra } });
}
