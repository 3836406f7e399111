import { describe, expect, it } from "vitest";
import { highlightSpan, linterErrorName, readJsonl } from "../../../test/conformance/gs1-vectors.ts";
import { AI_TABLE } from "./ai-table.generated.ts";
import type { GcpLookup } from "./lint-result.ts";
import { LINTERS } from "./linters.ts";

interface LinterVector {
  readonly src: string;
  readonly linter: string;
  readonly shouldSucceed: boolean;
  readonly input: string;
  readonly expectErr?: string;
  readonly expectHighlight?: string;
}

const vectors = readJsonl<LinterVector>("linter-vectors.jsonl");

/**
 * The upstream tests at these lines install a GCP lookup callback that answers "invalid" or "offline"
 * (lint_gcppos1.c, lint_couponcode.c); every other vector runs without a lookup.
 */
const LOOKUP_AT: Readonly<Record<string, "invalid" | "offline">> = {
  "lint_gcppos1.c:221": "invalid",
  "lint_gcppos1.c:223": "offline",
  "lint_couponcode.c:1431": "invalid",
  "lint_couponcode.c:1433": "offline",
  "lint_couponcode.c:1438": "invalid",
  "lint_couponcode.c:1441": "offline",
  "lint_couponcode.c:1446": "invalid",
  "lint_couponcode.c:1449": "offline",
  "lint_couponcode.c:1454": "invalid",
  "lint_couponcode.c:1457": "offline",
};

function lookupFor(src: string): GcpLookup | undefined {
  const key = src.slice(src.lastIndexOf("/") + 1);
  const verdict = LOOKUP_AT[key];
  return verdict === undefined ? undefined : () => verdict;
}

describe("GS1 reference linter vectors", () => {
  it("has all 5,698 vectors", () => {
    expect(vectors.length).toBe(5698);
  });

  it("implements every linter named in the dictionary", () => {
    const named = new Set(AI_TABLE.flatMap((e) => e.components.flatMap((c) => c.linters)));
    for (const name of named) expect(LINTERS[name], name).toBeTypeOf("function");
  });

  it("passes every vector (result, error and highlighted span)", () => {
    const failures: string[] = [];
    for (const v of vectors) {
      const linter = LINTERS[v.linter];
      const got = linter?.(v.input, { gcpLookup: lookupFor(v.src) });
      const label = `${v.src} ${v.linter}(${JSON.stringify(v.input)})`;
      if (!linter) failures.push(`${label}: no such linter`);
      else if (v.shouldSucceed && got) failures.push(`${label}: expected ok, got ${got.error}`);
      else if (!v.shouldSucceed && !got) failures.push(`${label}: expected ${v.expectErr}, got ok`);
      else if (!v.shouldSucceed && got) {
        const want = {
          error: linterErrorName(v.expectErr ?? ""),
          ...highlightSpan(v.input, v.expectHighlight ?? "**"),
        };
        if (got.error !== want.error || got.offset !== want.offset || got.length !== want.length) {
          failures.push(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        }
      }
    }
    console.log(`linter vectors: ${vectors.length - failures.length}/${vectors.length} pass`);
    expect(failures.slice(0, 30)).toEqual([]);
  });
});
