import { Command, CommanderError } from "commander";
import { ConfigError } from "../config.ts";
import { AppError } from "../core/errors.ts";
import { StartupError } from "../http/startup-error.ts";
import { LedgerKeyError } from "../services/ledger/ledger-key.ts";
import { DatabaseUnavailableError } from "../store/engines/engine.ts";
import { CliInputError } from "./cli-context.ts";
import { registerCode } from "./commands/code.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerExpiry } from "./commands/expiry.ts";
import { registerImport } from "./commands/import.ts";
import { registerKeys } from "./commands/keys.ts";
import { registerLabel } from "./commands/label.ts";
import { registerLedger } from "./commands/ledger.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerParties } from "./commands/parties.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSynth } from "./commands/synth.ts";
import { registerWitness } from "./commands/witness.ts";

/** `suyuan` — the same services as the HTTP API, from the console. */
const program = new Command("suyuan")
  .description("Suyuan (溯源): food-safety traceability platform")
  .showHelpAfterError()
  .exitOverride();
registerServe(program);
registerMigrate(program);
registerKeys(program);
registerParties(program);
registerImport(program);
registerDemo(program);
registerCode(program);
registerLabel(program);
registerLedger(program);
registerExpiry(program);
registerSynth(program);
registerWitness(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  // Errors people can act on get one line; anything else is a bug and keeps its stack.
  const known =
    e instanceof ConfigError ||
    e instanceof StartupError ||
    e instanceof DatabaseUnavailableError ||
    e instanceof LedgerKeyError;
  if (known) console.error(`suyuan: cannot start: ${(e as Error).message}`);
  else if (e instanceof AppError) console.error(`suyuan: ${e.message}${e.pointer ? ` (${e.pointer})` : ""}`);
  else if (e instanceof CliInputError || (e instanceof Error && /^no such file/.test(e.message)))
    console.error(`suyuan: ${e.message}`);
  else console.error(e);
  process.exit(1);
}
