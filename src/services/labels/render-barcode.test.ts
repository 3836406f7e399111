import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { decodePng } from "./decode-barcode.test-helper.ts";
import { renderBarcode } from "./render-barcode.ts";

const DL = "https://id.gs1.org/01/09520123456788/10/ABC123?17=261231";
const GS = "\u001d";

describe("renderBarcode", () => {
  it.each([
    // QR: the Digital Link URI as text, symbology identifier ]Q1 (ISO/IEC 18004 model 2, ECI off).
    { symbology: "qr", data: DL, format: "QRCode", id: "]Q1", text: DL },
    {
      symbology: "qr",
      data: "https://trace.example.cn/t/ABC123DEF456GHX5",
      format: "QRCode",
      id: "]Q1",
      text: "https://trace.example.cn/t/ABC123DEF456GHX5",
    },
    // GS1 DataMatrix: ]d2 (FNC1 in first position), element strings with GS after variable-length values.
    {
      symbology: "datamatrix",
      data: DL,
      format: "DataMatrix",
      id: "]d2",
      text: `010952012345678810ABC123${GS}17261231`,
    },
    {
      symbology: "datamatrix",
      data: "(01)09520123456788(10)LOT\\(7)(17)261231",
      format: "DataMatrix",
      id: "]d2",
      text: `010952012345678810LOT(7)${GS}17261231`,
    },
    // GS1-128: ]C1 (FNC1 after the start character).
    {
      symbology: "gs1-128",
      data: "(01)09520123456788(10)ABC123",
      format: "Code128",
      id: "]C1",
      text: "010952012345678810ABC123",
    },
  ] as const)("$symbology of $data decodes to what it was given", async (c) => {
    const png = await renderBarcode({ symbology: c.symbology, data: c.data, format: "png" });
    expect(png.contentType).toBe("image/png");
    const [read, ...more] = await decodePng(png.body as Buffer);
    expect(more).toEqual([]);
    expect(read?.format).toBe(c.format);
    expect(read?.symbologyIdentifier).toBe(c.id);
    expect(read?.text).toBe(c.text);
  });

  it("builds the Digital Link of a bracketed element string for QR, on the given base", async () => {
    const png = await renderBarcode(
      { symbology: "qr", data: "(01)09520123456788(10)ABC123", format: "png", scale: 2 },
      { digitalLinkBase: "https://trace.example.cn" },
    );
    const [read] = await decodePng(png.body as Buffer);
    expect(read?.text).toBe("https://trace.example.cn/01/09520123456788/10/ABC123");
  });

  it("draws SVG with a 4-module quiet zone around a QR code (ISO/IEC 18004)", async () => {
    const svg = await renderBarcode({ symbology: "qr", data: DL, format: "svg", scale: 1 });
    expect(svg.contentType).toBe("image/svg+xml");
    const text = svg.body as string;
    // At scale 1 a module is 2 units: the dark modules span [8, side - 8] on both axes, on a white background.
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(text)?.[1]);
    const d = /<path d="([^"]+)"/.exec(text)?.[1] ?? "";
    const coords = [...d.matchAll(/(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...coords)).toBe(8);
    expect(Math.max(...coords)).toBe(side - 8);
    expect(text).toContain('fill="#FFFFFF"');
  });

  it.each([
    ["not a code", "qr", "unrecognised-code", undefined],
    ["https://id.gs1.org/01/09520123456789/10/A", "qr", "invalid-value", "01"],
    ["(01)09520123456789(10)A", "datamatrix", "invalid-value", "01"],
    ["(90)ABC", "qr", "dl-no-primary-key", undefined],
    ["(10)ABC", "qr", "required-ai-missing", undefined],
    ["https://trace.example.cn/t/ABC123DEF456GH00", "qr", "bad-platform-code", undefined],
    ["https://trace.example.cn/t/ABC123DEF456GHX5", "gs1-128", "not-gs1-data", undefined],
  ] as const)("rejects %s for %s with a typed error at the pointer", async (data, symbology, reason, ai) => {
    const error = await renderBarcode({ symbology, data, format: "svg" }, { pointer: "/query/data" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe("validation-failed");
    expect(e.pointer).toBe("/query/data");
    if (reason) expect(e.extra.reason).toBe(reason);
    if (ai) expect(e.extra.ai).toBe(ai);
  });
});
