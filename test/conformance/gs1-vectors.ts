/**
 * Test helper (imported only by *.test.ts): reads the GS1 conformance vectors from ../shared/conformance/gs1.
 * Tests may do I/O; core code never imports this file.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { conformanceDir } from "./shared-dir.ts";

export const CONFORMANCE_DIR = conformanceDir("gs1");

export function readJsonl<T>(name: string): T[] {
  const text = readFileSync(resolve(CONFORMANCE_DIR, "vectors", name), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

/** "GS1_LINTER_INCORRECT_CHECK_DIGIT" → "incorrect-check-digit". */
export function linterErrorName(upstream: string): string {
  return upstream
    .replace(/^GS1_LINTER_/, "")
    .toLowerCase()
    .replaceAll("_", "-");
}

/** The span that `marked` highlights in `input` ("12*3*4" over "1234" → offset 2, length 1). */
export function highlightSpan(input: string, marked: string, marker = "*"): { offset: number; length: number } {
  for (let offset = 0; offset <= input.length; offset++) {
    // Longest span first: a "*" input marked "***" highlights the character, not an empty span before it.
    for (let length = input.length - offset; length >= 0; length--) {
      const candidate =
        input.slice(0, offset) + marker + input.slice(offset, offset + length) + marker + input.slice(offset + length);
      if (candidate === marked) return { offset, length };
    }
  }
  throw new Error(`cannot locate highlight ${JSON.stringify(marked)} in ${JSON.stringify(input)}`);
}
