import type { Command } from "commander";
import { warnNearExpiry } from "../../services/holdings/warn-near-expiry.ts";
import { withCliContext } from "../cli-context.ts";

export function registerExpiry(program: Command): void {
  program
    .command("expiry")
    .description(
      "run the daily expiry job now (临期预警): warn each holder of near-expiry stock once per lot and rule, and of " +
        "expired stock, in its inbox and by webhook. `serve` runs it daily by itself; repeating it is harmless.",
    )
    .action(async () => {
      const run = await withCliContext((ctx) => warnNearExpiry(ctx));
      console.log(JSON.stringify(run));
    });
}
