/**
 * Runs every bench/*.bench.ts (or those named on the command line) and prints a table.
 * `npm run bench` runs full sizes; `npm run bench -- --quick` is the CI smoke run.
 */
import { readdir } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchResult, BenchRun } from "./harness.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
const only = args.filter((a) => !a.startsWith("--"));
const dir = fileURLToPath(new URL(".", import.meta.url));
const files = (await readdir(dir)).filter((f) => f.endsWith(".bench.ts")).sort();

console.log(
  `# Suyuan benchmarks — ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown cpu"}, node ${process.version}${quick ? " (quick)" : ""}`,
);
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  if (only.length > 0 && !only.includes(name)) continue;
  const mod = (await import(new URL(file, import.meta.url).href)) as { run: BenchRun };
  console.log(`\n## ${name}`);
  const results: BenchResult[] = await mod.run({ quick });
  for (const r of results) {
    const ratio = r.baselineValue ? ` | ${(r.value / r.baselineValue).toFixed(2)}× ${r.baselineName}` : "";
    const target = r.target ? ` | target ${r.target}${r.met === undefined ? "" : r.met ? " ✓" : " ✗"}` : "";
    console.log(`${r.name}: ${fmt(r.value)} ${r.unit}${ratio}${target}${r.notes ? ` | ${r.notes}` : ""}`);
    if (r.met === false && !quick) failed++;
  }
}
if (failed > 0) console.log(`\n${failed} target(s) not met`);

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(3);
}
