/**
 * Product names as official sampling reports (抽检结果公告) write them and as enterprises register them differ in
 * width, spacing, brand prefixes and pack specs: "【蒙牛】纯牛奶（250mL/盒）", "蒙牛牌 纯 牛 奶", "ＸＸ牌纯牛奶".
 * Normalising before comparing lets a character-bigram similarity see the product, not the typography.
 */

/** Brand markers in square-style brackets: 【蒙牛】, [蒙牛], 「蒙牛」, 〖蒙牛〗. */
const bracketedBrand = /[【[「『〖〔][^】\]」』〗〕]*[】\]」』〗〕]/gu;
/** A leading brand with 牌 ("蒙牛牌纯牛奶", "XX牌"): up to eight characters before 牌. */
const brandPrefix = /^[^\s牌]{1,8}牌/u;
/** A pack specification or pack form in round brackets: (250mL/盒), (500g), （散装）, (计量称重). */
const bracketedSpec = /[(（](?:[^()（）]*\d[^()（）]*|散装|称重|计量称重|预包装|[袋盒瓶罐桶箱]装)[)）]/gu;
/** Registered-mark signs, every space, punctuation and symbol. */
const noise = /[\s\p{P}\p{S}®™©]/gu;

/**
 * The comparable core of a product name: NFKC (full-width letters, digits and brackets become half-width; Unicode
 * UAX #15), lower case, brand markers and pack specs removed, spaces and punctuation stripped.
 */
export function normaliseProductName(name: string): string {
  let s = name.normalize("NFKC").toLowerCase().trim();
  s = s.replace(bracketedBrand, "").replace(bracketedSpec, "").trim();
  const withoutBrand = s.replace(brandPrefix, "");
  // Keep the brand when nothing would be left ("XX牌" alone names only the brand).
  if (withoutBrand.replace(noise, "").length > 0) s = withoutBrand;
  return s.replace(noise, "");
}

/** Character bigrams as a multiset; a single character counts as its own bigram so short names still compare. */
function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0] as string, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = (chars[i] as string) + (chars[i + 1] as string);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Sørensen–Dice coefficient over character bigrams of the normalised names, 0…1. Chinese names carry their meaning
 * in two-character words (纯奶, 牛奶), so bigrams match word order changes and extra qualifiers gracefully.
 * A name wholly contained in the other (酱菜 in 香辣酱菜) scores at least 0.8.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseProductName(a);
  const y = normaliseProductName(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  let total = 0;
  for (const n of gx.values()) total += n;
  for (const [g, n] of gy) {
    total += n;
    common += Math.min(n, gx.get(g) ?? 0);
  }
  const dice = (2 * common) / total;
  const contained = x.includes(y) || y.includes(x);
  return contained ? Math.max(dice, 0.8) : dice;
}
