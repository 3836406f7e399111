import type { Command } from "commander";
import { loadDemo } from "../../services/demo/load-demo.ts";
import { withCliContext } from "../cli-context.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load a small realistic demo province into the configured database (safe to run again)")
    .option("--json", 'print what was created as JSON: {"parties":[…],"lots":[…]}')
    .action(async (o: { json?: boolean }) => {
      await withCliContext(async (ctx) => {
        const summary = await loadDemo(ctx);
        if (o.json) return console.log(JSON.stringify(summary, null, 2));
        for (const p of summary.parties) console.log(`${p.id}  ${p.regionCode}  ${p.kind.padEnd(16)} ${p.name}`);
        console.log(`${summary.parties.length} parties, ${summary.lots.length} lots`);
      });
    });
}
