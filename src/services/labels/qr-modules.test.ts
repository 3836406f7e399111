import { describe, expect, it } from "vitest";
import { decodeMatrix } from "./decode-barcode.test-helper.ts";
import { qrModules } from "./qr-modules.ts";

describe("qrModules", () => {
  it.each([
    "https://id.gs1.org/01/09520123456788/10/ABC123",
    "https://trace.example.cn/01/09520123456788/21/SN%2F0001?17=261231",
    "https://trace.example.cn/t/ABC123DEF456GHX5",
  ])("gives the modules of a QR code that reads back as %s", async (uri) => {
    const qr = qrModules(uri);
    expect(qr.rows).toHaveLength(qr.count);
    const [read] = await decodeMatrix(qr.rows);
    expect(read?.format).toBe("QRCode");
    expect(read?.text).toBe(uri);
  });

  it("draws each dark run once as a rectangle in module units", () => {
    const qr = qrModules("https://id.gs1.org/01/09520123456788/10/ABC123");
    // The top-left finder pattern starts with a run of 7 dark modules (ISO/IEC 18004 finder pattern).
    expect(qr.path.startsWith("M0 0h7v1h-7z")).toBe(true);
    const dark = qr.rows.flat().filter((v) => v === 1).length;
    const drawn = [...qr.path.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(drawn).toBe(dark);
  });
});
