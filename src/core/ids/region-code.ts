/**
 * Administrative division codes (行政区划代码), GB/T 2260: six digits — province (2), prefecture (2), county (2).
 * A code ending in 0000 is a province, in 00 a prefecture-level city; "xx01xx"-style 市辖区 codes are groupings.
 * The list of codes in force is data (an npm package, loaded by the store); this module only reasons about it.
 */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
}

export type RegionLevel = "province" | "prefecture" | "county";

/** A read-only directory of the codes in force, built once from data and passed to services. */
export interface RegionDirectory {
  get(code: string): Region | undefined;
  /** The region and its parents, province first: 福建省 › 福州市 › 鼓楼区. */
  path(code: string): readonly Region[];
  readonly size: number;
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "prefecture";
  return "county";
}

/**
 * The prefix shared by every code inside a region (GB/T 2260 is hierarchical by digits): "350000" → "35",
 * "350100" → "3501", "350102" → "350102". A regulator of region R sees every code starting with prefix(R).
 */
export function regionPrefix(code: string): string {
  const level = regionLevel(code);
  return level === "province" ? code.slice(0, 2) : level === "prefecture" ? code.slice(0, 4) : code;
}

export function isWithinRegion(scopeCode: string, code: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}

export function buildRegionDirectory(entries: Iterable<{ code: string; name: string }>): RegionDirectory {
  const map = new Map<string, Region>();
  for (const e of entries) {
    if (!/^\d{6}$/.test(e.code) || map.has(e.code)) continue;
    map.set(e.code, Object.freeze({ code: e.code, name: e.name, level: regionLevel(e.code) }));
  }
  return {
    get: (code) => map.get(code),
    path(code) {
      const out: Region[] = [];
      for (const c of [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]) {
        const r = map.get(c);
        if (r && !out.includes(r)) out.push(r);
      }
      return out;
    },
    size: map.size,
  };
}
