import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { issueTraceNumbers } from "../../services/codes/issue-trace-numbers.ts";
import { parseCode } from "../../services/codes/parse-code.ts";
import { withCliContext } from "../cli-context.ts";

export function registerCode(program: Command): void {
  const code = program.command("code").description("trace codes: parse, issue");
  code
    .command("parse <text>")
    .description(
      "parse an element string (bracketed or raw), a GS1 Digital Link, a /t/ or /p/ code or scanner output; " +
        'prints {"valid":true,…} (exit 0) or {"valid":false,"error":{…}} (exit 1)',
    )
    .action((text: string) => {
      // Pure: no database needed, so it works anywhere, instantly.
      const config = loadConfig();
      const result = parseCode(
        { settings: { publicBaseUrl: config.publicBaseUrl, platformId: config.platformId } },
        text,
      );
      console.log(JSON.stringify(result));
      if (!result.valid) process.exitCode = 1;
    });
  code
    .command("issue")
    .description("reserve platform trace numbers for a party (one per line on stdout: the resolver URL)")
    .requiredOption("--party <id>", "the party the codes are for")
    .option("--count <n>", "how many", "1")
    .action(async (o: { party: string; count: string }) => {
      await withCliContext(async (ctx) => {
        const issued = await issueTraceNumbers(ctx, { partyId: o.party, count: Number(o.count) });
        for (const url of issued.urls) console.log(url);
      });
    });
}
