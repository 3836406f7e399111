import type { Command } from "commander";
import { loadConfig } from "../../config.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the platform: HTTP API, EPCIS, resolver and pages (settings from the environment, see README)")
    .action(async () => {
      // Loaded here so that other commands do not pay for Fastify and the API documentation at start.
      const { startServer } = await import("../../http/server.ts");
      const server = await startServer(loadConfig());
      const stop = (signal: string) => {
        server.shutdown(signal).then(
          () => process.exit(0),
          (e) => {
            console.error(`suyuan: shutdown failed: ${(e as Error).message}`);
            process.exit(1);
          },
        );
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
}
