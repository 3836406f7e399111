import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { openStore } from "../../store/store.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("bring the database schema to the latest version (safe to run again)")
    .action(async () => {
      const store = await openStore(loadConfig().databaseUrl);
      try {
        const applied = await store.migrate();
        console.log(applied.length ? `applied: ${applied.join(", ")}` : "schema is up to date");
      } finally {
        await store.close();
      }
    });
}
