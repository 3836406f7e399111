/**
 * Bulk import (issue "Supply-chain records", item 11): lot rows from a CSV file through the importer — the API's
 * schema check, coding with trace codes, stock, EPCIS event and audit row per lot — in one transaction, on SQLite
 * and PostgreSQL. Reported: rows/s and the peak growth of the process's resident memory while importing, which
 * must stay flat (rows stream through in chunks; nothing holds the file). Baseline, measured in the same run: a
 * plain csv-parse of the same file (the floor for both speed and memory).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { systemActor } from "../src/core/auth/actor.ts";
import { chinaDate } from "../src/core/codes/calendar-day.ts";
import { importShapeCheck } from "../src/http/routes/imports/import-shapes.ts";
import { importRecords } from "../src/services/imports/import-records.ts";
import { registerParty } from "../src/services/parties/register-party.ts";
import { registerProduct } from "../src/services/products/register-product.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { openStore } from "../src/store/store.ts";
import { createTestDatabase, type EngineName, postgresReachable } from "../test/engines.ts";
import { partyInput, testPlatform } from "../test/factories.ts";
import type { BenchResult, BenchRun } from "./harness.ts";

/**
 * Peak heap growth allowed at 100,000 rows. Flat means it does not grow with the file: holding 100,000 parsed
 * rows with their inputs and results would take several hundred MB; a chunk of 200 takes well under one. The
 * peak includes garbage not yet collected, hence the headroom.
 */
const HEAP_TARGET_MB = 128;

export const run: BenchRun = async (ctx) => {
  // BENCH_IMPORT_ROWS sets another size (to see memory stay flat as the file grows).
  const rows = Number(process.env.BENCH_IMPORT_ROWS) || (ctx.quick ? 5_000 : 100_000);
  const dir = mkdtempSync(join(tmpdir(), "suyuan-import-bench-"));
  try {
    const file = join(dir, "lots.csv");
    const today = chinaDate(Date.now());
    const lines = ["productGtin,lotCode,productionDate,quantity,originRegionCode"];
    for (let i = 0; i < rows; i++) lines.push(`09520123456788,L${i},${today},100,350121`);
    writeFileSync(file, `${lines.join("\n")}\n`);

    const baseline = await measure(async () => {
      let n = 0;
      for await (const _ of createReadStream(file).pipe(parse({ bom: true }))) n++;
      return n - 1;
    });
    const out: BenchResult[] = [];
    const engines: EngineName[] = ["sqlite"];
    if (await postgresReachable()) engines.push("postgres");
    for (const engine of engines) {
      const r = await importOn(engine, file);
      out.push(
        {
          name: `${engine}: import ${rows} lot rows from CSV (one transaction)`,
          unit: "rows/s",
          value: r.rate,
          baselineName: "csv-parse alone",
          baselineValue: baseline.rate,
          notes: `${r.imported} imported`,
        },
        {
          name: `${engine}: peak heap growth while importing ${rows} rows`,
          unit: "MB",
          value: r.heapMb,
          baselineName: "csv-parse alone",
          baselineValue: baseline.heapMb,
          target: `<= ${HEAP_TARGET_MB} MB at 100,000 rows`,
          met: ctx.quick ? undefined : r.heapMb <= HEAP_TARGET_MB,
          notes: `peak RSS growth ${r.rssMb.toFixed(1)} MB (csv-parse alone: ${baseline.rssMb.toFixed(1)} MB)`,
        },
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

async function importOn(engine: EngineName, file: string) {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  try {
    await store.migrate();
    const operator = contextFor(testPlatform(store), systemActor("bench"), cliOrigin);
    const farm = await registerParty(operator, partyInput({ kind: "farm", regionCode: "350121" }));
    await registerProduct(operator, {
      partyId: farm.id,
      name: "闽江纯牛奶",
      unit: "bottle",
      categoryCode: "dairy",
      gtin: "09520123456788",
    });
    let imported = 0;
    const m = await measure(async () => {
      const report = await importRecords(operator, "lots", createReadStream(file), {
        partyId: farm.id,
        checkShape: importShapeCheck,
      });
      if (report.errors.length > 0) throw new Error(`bench import failed: ${JSON.stringify(report.errors[0])}`);
      imported = report.imported;
      return report.rows;
    });
    return { ...m, imported };
  } finally {
    await store.close();
    await database.drop();
  }
}

/**
 * Runs fn, sampling memory every 20 ms: rows per second, the peak growth of resident memory (RSS) and of the
 * JavaScript heap (plus buffers) over the start, in MB. RSS rarely shrinks, so only the first measurement of a
 * process shows it fully; the heap figure is comparable between measurements.
 */
async function measure(fn: () => Promise<number>): Promise<{ rate: number; rssMb: number; heapMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const rss0 = process.memoryUsage.rss();
  const heap0 = heap();
  let rssPeak = rss0;
  let heapPeak = heap0;
  const sample = () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    heapPeak = Math.max(heapPeak, heap());
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  try {
    const n = await fn();
    const seconds = (performance.now() - start) / 1000;
    sample();
    return { rate: n / seconds, rssMb: (rssPeak - rss0) / 2 ** 20, heapMb: (heapPeak - heap0) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
