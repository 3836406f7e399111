import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderErrorsDoc } from "../scripts/gen-errors-doc.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");

/** Layers from the inside out (DESIGN.md, STYLE rule 1): a file may import its own layer or any inner one. */
const rank: Record<string, number> = { core: 0, store: 1, services: 2, http: 3, web: 3, cli: 4 };
/** What pure core may use besides itself: computation only, no I/O. */
const coreAllowed = new Set(["node:crypto", "canonicalize"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/gm),
    ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] as string);
}

const layerOf = (file: string) => relative(src, file).split("/")[0] as string;

describe("architecture", () => {
  it("keeps dependencies pointing inward: core ← store ← services ← http/web ← cli", () => {
    const violations: string[] = [];
    for (const file of sourceFiles(src)) {
      const from = layerOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) {
          if (from === "core" && !coreAllowed.has(spec))
            violations.push(`${relative(root, file)} imports ${spec} (core does no I/O)`);
          continue;
        }
        const target = layerOf(resolve(file, "..", spec));
        const fromRank = rank[from];
        const toRank = rank[target];
        if (fromRank === undefined || toRank === undefined) continue;
        if (toRank > fromRank) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps docs/errors.md in sync with the error registry", () => {
    const doc = readFileSync(join(root, "docs/errors.md"), "utf8");
    expect(doc, "run: npm run gen:errors-doc").toBe(renderErrorsDoc());
  });
});
