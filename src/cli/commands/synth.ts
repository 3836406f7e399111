import type { Command } from "commander";
import { synthesizeProvince } from "../../services/synth/synthesize-province.ts";
import { CliInputError, withCliContext } from "../cli-context.ts";

export function registerSynth(program: Command): void {
  program
    .command("synth")
    .description(
      "build a realistic synthetic province network into the configured database (DATABASE_URL): power-law " +
        "fan-out, transformations, first-station imports, rejections, short and pending receipts — for benchmarks " +
        "and demonstrations. Progress and the measured rate go to stderr; the report (JSON) to stdout.",
    )
    .requiredOption("--events <n>", "EPCIS events to generate, e.g. 1000000")
    .option("--seed <n>", "seed of the generator (same seed, same network)", "20261123")
    .option("--mega-holders <n>", "holders the first dairy lot reaches (default events/100, at most 10,000)")
    .action(async (o: { events: string; seed: string; megaHolders?: string }) => {
      const events = Number(o.events.replace(/[_,]/g, ""));
      const seed = Number(o.seed);
      if (!Number.isInteger(events) || events < 100) throw new CliInputError("--events must be a whole number ≥ 100");
      if (!Number.isInteger(seed)) throw new CliInputError("--seed must be a whole number");
      const mega = o.megaHolders === undefined ? undefined : Number(o.megaHolders);
      const t0 = performance.now();
      let last = 0;
      const report = await withCliContext((ctx) =>
        synthesizeProvince(ctx, {
          events,
          seed,
          ...(mega !== undefined ? { megaHolders: mega } : {}),
          onProgress: (done) => {
            const now = performance.now();
            if (now - last < 2000 && done < events) return;
            last = now;
            const rate = done / ((now - t0) / 1000);
            const left = rate > 0 ? Math.max(0, (events - done) / rate) : 0;
            process.stderr.write(
              `synth: ${done.toLocaleString("en-US")} / ${events.toLocaleString("en-US")} events, ` +
                `${Math.round(rate).toLocaleString("en-US")} events/s, ~${Math.round(left)} s left\n`,
            );
          },
        }),
      );
      process.stderr.write(
        `synth: done — ${report.events.toLocaleString("en-US")} events in ${report.seconds.toFixed(1)} s ` +
          `(${Math.round(report.events / report.seconds).toLocaleString("en-US")} events/s)\n`,
      );
      console.log(JSON.stringify(report));
    });
}
