/**
 * Generates src/core/gs1/ai-table.generated.ts from the GS1 Barcode Syntax Dictionary.
 * Run from the repository root: `node --import tsx scripts/gen-ai-table.ts`. Output is deterministic
 * (dictionary order, fixed formatting), so a test can check that the committed file is current.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderAiTable } from "./gs1/render-ai-table.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = resolve(root, "../shared/conformance/gs1/gs1-syntax-dictionary.txt");
const target = resolve(root, "src/core/gs1/ai-table.generated.ts");

const output = renderAiTable(readFileSync(source, "utf8"));
writeFileSync(target, output);
console.log(`wrote ${target} (${output.split("\n").length} lines)`);
