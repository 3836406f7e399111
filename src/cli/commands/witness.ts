import type { Command } from "commander";
import { CliInputError } from "../cli-context.ts";

interface WitnessFlags {
  name: string;
  keyFile: string;
  database: string;
  logs?: string;
  log: string[];
  port: string;
  host: string;
}

export function registerWitness(program: Command): void {
  program
    .command("witness")
    .description(
      "run a witness (C2SP tlog-witness v1.0.0, POST /add-checkpoint) for another department or province: it checks " +
        "that each checkpoint of the logs it watches is consistent with the last one it cosigned, returns a " +
        "timestamped Ed25519 cosignature, and refuses — keeping both as evidence (GET /forks) — when it is not",
    )
    .option("--name <name>", "the witness's key name, e.g. witness.agri.fj.gov.cn", process.env.WITNESS_NAME)
    .option("--key-file <path>", "its cosigning key, created (0600) on first start", "./data/witness.key")
    .option("--database <url>", "its own state: a SQLite file or a PostgreSQL URL", "./data/witness.db")
    .option("--logs <file>", "the logs it witnesses: lines `log <vkey> [url]` (GET /log/key of each platform)")
    .option("--log <vkey>", "a log to witness (repeatable)", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("--port <port>", "port to listen on", "8090")
    .option("--host <host>", "address to listen on", "0.0.0.0")
    .action(async (o: WitnessFlags) => {
      if (!o.name) throw new CliInputError("give the witness a name: --name witness.example.gov.cn (or WITNESS_NAME)");
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliInputError(`--port ${o.port} is not a port`);
      const { startWitness } = await import("../../http/witness/witness-server.ts");
      const w = await startWitness({
        name: o.name,
        keyFile: o.keyFile,
        databaseUrl: o.database,
        ...(o.logs ? { logsFile: o.logs } : {}),
        logKeys: o.log,
        port,
        host: o.host,
        logLevel: process.env.LOG_LEVEL ?? "info",
      });
      console.log(`witness ${w.platform.cosigner.name} listening on ${w.url}`);
      console.log(`verifier key (for the platform's tlog-policy): ${w.platform.cosigner.verifierKey}`);
      console.log(`witnessing: ${[...w.platform.logs.keys()].join(", ")}`);
      const stop = () => {
        w.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
}
