import { describe, expect, it } from "vitest";
import { withCheckDigit } from "../gs1/index.ts";
import { codeHelp } from "./code-help.ts";
import { expiryStatus, nearExpiryWindowDays } from "./expiry-status.ts";
import { gs1PrefixOf } from "./gs1-prefix.ts";
import { buildLinkset, findLink, linksetHeader, type ResolverLink } from "./linkset.ts";
import { chooseRepresentation } from "./negotiate.ts";
import { resolverTarget } from "./resolver-target.ts";
import { ScanTally } from "./scan-tally.ts";

const base = "https://trace.test";
const gtin = withCheckDigit("0690123456789");

describe("resolverTarget", () => {
  it.each([
    [`/01/${gtin}/10/ABC123`, { kind: "lot", traceKey: `01/${gtin}/10/ABC123`, serial: null }],
    [`/01/${gtin}/10/ABC123?17=261231&linkType=all`, { kind: "lot", traceKey: `01/${gtin}/10/ABC123` }],
    [`/01/${gtin}/10/A%2FB`, { kind: "lot", traceKey: `01/${gtin}/10/A%2FB` }],
    [`/01/${gtin}/10/ABC123/21/S1`, { kind: "lot", serial: "S1" }],
    [`/01/${gtin}/22/V2/10/ABC123`, { kind: "lot", traceKey: `01/${gtin}/10/ABC123` }],
    [`/01/${gtin.slice(1)}/10/ABC123`, { kind: "lot", traceKey: `01/${gtin}/10/ABC123` }],
    [`/01/${gtin}/21/S1`, { kind: "serial", gtin, serial: "S1" }],
    [`/01/${gtin}`, { kind: "gtin", gtin }],
    ["/414/6901234000016", { kind: "party", gln: "6901234000016", partyCode: null }],
    ["/414/6901234000016/254/7", { kind: "party", gln: "6901234000016" }],
    ["/00/106141412345678908", { kind: "unsupported", ai: "00" }],
    ["/v/ABCDEFGHJK12345678", { kind: "voucher", code: "ABCDEFGHJK12345678" }],
  ])("%s", (path, expected) => {
    expect(resolverTarget(path, base)).toMatchObject(expected);
  });

  it("reads the platform's trace numbers and party codes and checks their check pair", () => {
    expect(resolverTarget("/t/3501212611230001PB", base)).toMatchObject({
      kind: "lot",
      traceKey: "t/3501212611230001PB",
    });
    expect(resolverTarget("/t/3501212611230001pb", base)).toMatchObject({ kind: "lot" });
    expect(resolverTarget("/t/3501212611230001PC", base)).toMatchObject({
      kind: "invalid",
      error: { code: "check-pair" },
    });
    expect(resolverTarget("/p/12", base)).toMatchObject({ kind: "invalid", error: { code: "platform-code" } });
    expect(resolverTarget("/v/abc", base)).toMatchObject({ kind: "invalid", error: { code: "voucher-code" } });
  });

  it("says what is wrong with an invalid Digital Link", () => {
    const bad = resolverTarget(`/01/${gtin.slice(0, 13)}9/10/X`, base);
    expect(bad).toMatchObject({ kind: "invalid", error: { ai: "01" } });
    expect(resolverTarget("/01/123/10/X", base).kind).toBe("invalid");
  });
});

describe("chooseRepresentation (RFC 9110 §12.5.1)", () => {
  it.each([
    [undefined, "html"],
    ["*/*", "html"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"],
    ["application/json", "json"],
    ["application/linkset+json", "linkset"],
    ["application/json;q=0.5, application/linkset+json", "linkset"],
    ["text/html;q=0.1, application/json", "json"],
    ["application/*", "linkset"],
    ["image/png", "html"],
  ])("%s → %s", (accept, rep) => {
    expect(chooseRepresentation(accept)).toBe(rep);
  });
});

describe("linksets (RFC 9264) and link types", () => {
  const links: ResolverLink[] = [
    { rel: "gs1:pip", href: `${base}/x`, title: "Page", titleZh: "页面", type: "text/html", hreflang: ["zh-CN", "en"] },
    { rel: "gs1:certificationInfo", href: `${base}/c1`, title: "C1", titleZh: "证1", type: "application/json" },
    { rel: "gs1:certificationInfo", href: `${base}/c2`, title: "C2", titleZh: "证2", type: "application/json" },
  ];
  it("groups targets by relation type URI with a default link and i18n titles", () => {
    const ls = buildLinkset(`${base}/x`, links, "item");
    const ctx = ls.linkset[0] as Record<string, unknown>;
    expect(ctx.anchor).toBe(`${base}/x`);
    expect(ctx["https://gs1.org/voc/defaultLink"]).toMatchObject([{ href: `${base}/x` }]);
    expect(ctx["https://gs1.org/voc/certificationInfo"]).toHaveLength(2);
    expect(ctx["https://gs1.org/voc/pip"]).toEqual([
      {
        href: `${base}/x`,
        title: "Page",
        "title*": [{ value: "页面", language: "zh-CN" }],
        type: "text/html",
        hreflang: ["zh-CN", "en"],
      },
    ]);
  });
  it("finds a link by compact or full link type; unknown types find nothing", () => {
    expect(findLink(links, "gs1:certificationInfo")?.href).toBe(`${base}/c1`);
    expect(findLink(links, "https://gs1.org/voc/pip")?.href).toBe(`${base}/x`);
    expect(findLink(links, "gs1:defaultLink")?.href).toBe(`${base}/x`);
    expect(findLink(links, "gs1:epcis")).toBeUndefined();
    expect(linksetHeader(`${base}/x`)).toBe(`<${base}/x?linkType=all>; rel="linkset"; type="application/linkset+json"`);
  });
});

describe("expiry badge", () => {
  it.each([
    [400, 45],
    [200, 20],
    [100, 15],
    [40, 10],
    [20, 5],
    [5, 2],
  ])("shelf life %i days → near expiry in the last %i days", (life, window) => {
    expect(nearExpiryWindowDays(life)).toBe(window);
  });
  it("is expired from the day after expiry, near within the window, fine before", () => {
    expect(expiryStatus("2026-11-01", "2026-11-05", "2026-11-06")).toEqual({ status: "expired", daysLeft: -1 });
    expect(expiryStatus("2026-11-01", "2026-11-05", "2026-11-05")).toEqual({ status: "near", daysLeft: 0 });
    expect(expiryStatus("2026-11-01", "2026-11-05", "2026-11-04")).toEqual({ status: "near", daysLeft: 1 });
    expect(expiryStatus("2026-11-01", "2026-11-05", "2026-11-03")).toEqual({ status: "ok", daysLeft: 2 });
    expect(expiryStatus("2026-11-01", null, "2027-01-01")).toEqual({ status: "none", daysLeft: null });
  });
});

describe("helpful answers for codes that lead nowhere", () => {
  it("names the GS1 Member Organisation of the prefix and a producer using it", () => {
    expect(gs1PrefixOf(gtin)).toMatchObject({ prefix: "690", organisation: "GS1 China" });
    expect(gs1PrefixOf("04012345000016").organisation).toBe("GS1 Germany");
    const help = codeHelp(resolverTarget(`/01/${gtin}/10/X`, base), {
      producer: { partyId: "p", partyName: "某农场" },
    });
    expect(help).toMatchObject({ valid: true, reason: "unknown-lot", producer: { partyName: "某农场" } });
    expect(help.detailZh).toContain("某农场");
  });
  it("reads where and when an unknown platform trace number was issued", () => {
    const help = codeHelp(resolverTarget("/t/3501212611230001PB", base));
    expect(help).toMatchObject({ valid: true, issued: { regionCode: "350121", issuedOn: "2026-11-23" } });
  });
  it("says an invalid code is invalid and why", () => {
    expect(codeHelp(resolverTarget("/t/3501212611230001PC", base))).toMatchObject({ valid: false, reason: "invalid" });
  });
});

describe("ScanTally", () => {
  it("counts per lot, CST day and district, and starts again after a drain", () => {
    const tally = new ScanTally();
    const t0 = Date.UTC(2026, 10, 23, 15, 59, 0); // 23:59 CST
    tally.add("L1", "350103", t0);
    tally.add("L1", "350103", t0);
    tally.add("L1", "350103", t0 + 120_000); // 00:01 CST the next day
    tally.add("L2", "350102", t0);
    expect(tally.drain().sort((a, b) => (a.lotId + a.day).localeCompare(b.lotId + b.day))).toEqual([
      { lotId: "L1", day: "2026-11-23", regionCode: "350103", count: 2 },
      { lotId: "L1", day: "2026-11-24", regionCode: "350103", count: 1 },
      { lotId: "L2", day: "2026-11-23", regionCode: "350102", count: 1 },
    ]);
    expect(tally.size).toBe(0);
    tally.restore([{ lotId: "L1", day: "2026-11-23", regionCode: "350103", count: 2 }]);
    tally.add("L1", "350103", t0);
    expect(tally.drain()).toEqual([{ lotId: "L1", day: "2026-11-23", regionCode: "350103", count: 3 }]);
  });
});
