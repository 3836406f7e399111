import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DigitalLinkParseOptions, parseAnyDigitalLink, parseDigitalLink } from "./digital-link.ts";
import { parseCommonDigitalLink } from "./digital-link-fast-path.ts";
import { SHAPES_MATCH_DICTIONARY } from "./digital-link-shapes.ts";

/** Digits plus their GS1 check digit (GenSpecs §7.9.1), or a wrong one. */
function withCheck(digits: string, wrong: boolean): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  const check = (10 - (sum % 10)) % 10;
  return digits + String(wrong ? (check + 1) % 10 : check);
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });

type Pair = readonly [string, string];

/** Mostly `usual`, sometimes one of `unusual`: one bad part at a time keeps most URIs near the common shapes. */
function mostly<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: unusual });
}

/** Keys of the common shapes, mostly valid, else subtly not: check digit, length, a letter, an escape. */
const keyValue = (length: number) =>
  mostly(
    digits(length - 1).map((d) => withCheck(d, false)),
    fc.oneof(
      digits(length - 1).map((d) => withCheck(d, true)),
      fc
        .constantFrom(8, 12, 13, 15)
        .chain((n) => digits(n - 1))
        .map((d) => withCheck(d, false)),
      digits(length - 1).map((d) => `${withCheck(d, false).slice(0, -1)}A`),
      digits(length - 1).map((d) => `%3${withCheck(d, false).slice(1)}`),
    ),
  );

const key: fc.Arbitrary<Pair> = mostly<Pair>(
  fc.oneof(
    { weight: 3, arbitrary: keyValue(14).map((v) => ["01", v] as const) },
    { weight: 1, arbitrary: keyValue(13).map((v) => ["414", v] as const) },
    { weight: 1, arbitrary: keyValue(18).map((v) => ["00", v] as const) },
  ),
  fc.constantFrom(["8004", "952012345ABC"], ["01", ""], ["1", "09520123456788"], ["414", "95201234567A8"]),
);

/** Lot/serial-like text: CSET 82, then characters it lacks or the URI escapes, and lengths around 20. */
const text = mostly(
  fc.string({ unit: fc.constantFrom(..."ABCXYZabz0189-._!'()*+,;:=&"), minLength: 1, maxLength: 20 }),
  fc.oneof(
    fc.string({ unit: fc.constantFrom(..."AZ09!'()*+,;:=&$@~[]-%2F"), maxLength: 22 }),
    fc.constantFrom("%2F", "%00", "%zz", "%", "a%20b", "x".repeat(20), "x".repeat(21), "%41", "a%2"),
  ),
);

const pairOf = (ai: string): fc.Arbitrary<Pair> => text.map((v): Pair => [ai, v]);

/** The usual qualifier sequences (in order), or any list of qualifiers (out of order, repeated, foreign). */
const gtinQualifiers: fc.Arbitrary<readonly Pair[]> = fc
  .subarray(["22", "10", "21"])
  .chain((ais) => fc.tuple(...ais.map(pairOf)));
const qualifiers = (keyAi: string): fc.Arbitrary<readonly Pair[]> =>
  mostly<readonly Pair[]>(
    keyAi === "01"
      ? gtinQualifiers
      : keyAi === "414"
        ? fc.oneof(
            fc.constant([]),
            pairOf("254").map((q) => [q]),
          )
        : fc.constant([]),
    fc.array(fc.constantFrom("22", "10", "21", "254", "235", "7040", "17", "99").chain(pairOf), { maxLength: 4 }),
  );

const param = mostly(
  fc.constantFrom("17=261231", "17=260230", "17=261200", "11=260101", "3103=000195", "3922=0299", "utm_source=x"),
  fc.oneof(
    fc.constantFrom("02=09520123456788", "37=25", "10=ABC", "21=S1", "22=X", "235=A", "4321=1", "99=1", "8030=x"),
    fc.constantFrom("01=09520123456788", "01=9520123456788", "17", "17=", "=1", "singleton", "", "15=26011"),
    fc.constantFrom("x=%41", "10=a+b", "10=%2F", "17=26%3131", "7=1", "0017=1", "17=261231=", "17=2612%"),
    text.map((v) => `10=${v}`),
  ),
);

const uri = fc
  .record({
    scheme: mostly(
      fc.constantFrom("https://", "http://"),
      fc.constantFrom("HTTPS://", "Https://", "ftp://", "https:/"),
    ),
    host: mostly(
      fc.constantFrom("id.gs1.org", "Example.COM", "e.cn", "a_b.c:8080", "[::1]"),
      fc.constantFrom("", "bad host", "例.cn", "a#b"),
    ),
    stem: fc.oneof(
      fc.constantFrom("", "", "/stem", "/a/b", "/01/09520123456788", "/00", "//"),
      // Long stems of AI-like segments: more slashes than the fast path keeps (it reads the last few).
      fc
        .array(fc.constantFrom("a", "01", "10", "00", "21", "09520123456788", ""), { maxLength: 24 })
        .map((p) => p.map((x) => `/${x}`).join("")),
    ),
    path: key.chain((k) => qualifiers(k[0]).map((q): readonly Pair[] => [k, ...q])),
    trailing: mostly(fc.constant(""), fc.constantFrom("/", "//", "/10")),
    query: fc.option(fc.array(param, { maxLength: 4 }), { nil: undefined }),
    fragment: mostly(fc.constant(""), fc.constantFrom("#frag", "#", "#?17=1")),
  })
  .map((p) => {
    let u = `${p.scheme}${p.host}${p.stem}`;
    for (const [ai, v] of p.path) u += `/${ai}/${v}`;
    u += p.trailing;
    if (p.query !== undefined) u += `?${p.query.join("&")}`;
    return u + p.fragment;
  });

const OPTIONS: readonly DigitalLinkParseOptions[] = [
  {},
  { associations: false },
  { anySchemeCase: true, convenienceAlphas: true, zeroSuppressedGtin: true },
  { permitUnknownAis: true, unknownAisAsAttributes: true },
  { lint: {} },
];

describe("Digital Link fast path", () => {
  it("holds the dictionary to its assumptions", () => {
    expect(SHAPES_MATCH_DICTIONARY).toBe(true);
  });

  it("gives the general parser's result, for every option, on shapes around the common ones (property)", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(uri, (u) => {
        total++;
        if (parseCommonDigitalLink(u) !== undefined) answered++;
        for (const opts of OPTIONS) expect(parseDigitalLink(u, opts)).toStrictEqual(parseAnyDigitalLink(u, opts));
      }),
      { numRuns: 3000 },
    );
    // The generator is meant to hit both sides: enough accepted URIs, and enough left to the general parser.
    expect(answered).toBeGreaterThan(total / 10);
    expect(answered).toBeLessThan(total * 0.9);
  });

  it("answers for the platform's everyday URIs", () => {
    for (const u of [
      "https://id.gs1.org/01/09520123456788",
      "https://id.gs1.org/01/09520123456788/10/ABC123",
      "https://trace.example.cn/stem/01/09520123456788/22/V1/10/L%2F1/21/S?17=261231&utm_source=wechat",
      "https://id.gs1.org/414/9520123456788/254/32a%2Fb",
      "https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25",
      "https://e.cn/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/01/09520123456788/22/V/10/L/21/S",
    ]) {
      const fast = parseCommonDigitalLink(u);
      expect(fast, u).toBeDefined();
      expect(fast).toStrictEqual(parseAnyDigitalLink(u, {}));
    }
  });

  it("leaves errors and unusual URIs to the general parser", () => {
    for (const u of [
      "https://id.gs1.org/01/09520123456789",
      "HTTPS://id.gs1.org/01/09520123456788",
      "https://id.gs1.org/01/09520123456788#x",
      "https://id.gs1.org/01/09520123456788/21/S/10/L",
      "https://id.gs1.org/01/09520123456788?10=L",
      "https://id.gs1.org/8004/952012345ABC",
    ]) {
      expect(parseCommonDigitalLink(u), u).toBeUndefined();
    }
  });
});
