import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { formatPolicy, type JsonValue, type Policy, parsePolicy, verifyReceipt } from "../../core/ledger/index.ts";
import { auditLedger } from "../../services/ledger/audit-ledger.ts";
import { integrateAll } from "../../services/ledger/integrate-ledger.ts";
import { ledgerOrigin, loadLedgerIdentity, rotateLedgerKey } from "../../services/ledger/ledger-key.ts";
import { currentCheckpoint, receiptFor } from "../../services/ledger/ledger-proofs.ts";
import { ledgerWitnessing } from "../../services/ledger/ledger-witnessing.ts";
import { readCommittedRecord } from "../../services/ledger/serve-log.ts";
import { CliInputError, withCliContext } from "../cli-context.ts";

export function registerLedger(program: Command): void {
  program
    .command("verify <receipt>")
    .description(
      "check a receipt (上链凭证, a C2SP tlog-proof file) offline: the log's signature (and witnesses' cosignatures " +
        "as the policy demands), the inclusion proof, and with --record that the record is the one committed. " +
        "Exit 0 valid, 1 not.",
    )
    .option("--record <file>", "the record as JSON (GET /v1/ledger/records/{kind}/{ref})")
    .option(
      "--policy <file>",
      "a C2SP tlog-policy file (GET /log/policy gives one); default: this platform's keys and LEDGER_POLICY",
    )
    .action((receiptFile: string, o: { record?: string; policy?: string }) => {
      const receipt = readInput(receiptFile);
      const policy = o.policy ? policyFrom(readInput(o.policy)) : ownPolicy();
      let record: JsonValue | undefined;
      if (o.record) {
        try {
          record = JSON.parse(readInput(o.record)) as JsonValue;
        } catch {
          return fail(`${o.record} is not JSON`);
        }
      }
      const v = verifyReceipt(receipt, policy, record);
      if (!v.ok) return fail(v.error.detail);
      const c = v.value;
      const witnesses = c.checkpoint.witnesses.length ? `, cosigned by ${c.checkpoint.witnesses.join(", ")}` : "";
      console.log(
        `valid: ${c.claim.kind} ${c.claim.ref} is entry ${c.index} of ${c.checkpoint.checkpoint.origin} ` +
          `(tree size ${c.checkpoint.checkpoint.size}${witnesses}); record ${c.recordChecked ? "checked" : "not given, not checked"}`,
      );
    });

  program
    .command("audit")
    .description(
      "recompute every record's ledger commitment and the whole tree from the database; name every record changed, " +
        "inserted or deleted behind the platform's back. Exit 0 intact, 1 not.",
    )
    .option("--json", "print the report as JSON")
    .action(async (o: { json?: boolean }) => {
      await withCliContext(async (ctx) => {
        const report = await auditLedger(ctx, (n) => process.stderr.isTTY && process.stderr.write(`\r${n} records`));
        if (process.stderr.isTTY) process.stderr.write("\n");
        if (o.json) console.log(JSON.stringify(report, null, 2));
        else {
          for (const p of report.problems) console.log(`${p.problem}: ${p.kind} ${p.ref} — ${p.detail}`);
          console.log(
            `${report.intact ? "intact" : "NOT intact"}: ${report.records} records, ${report.entries} log entries, ` +
              `tree size ${report.treeSize}, ${report.problems.length} problems`,
          );
        }
        if (!report.intact) process.exitCode = 1;
      });
    });

  const ledger = program.command("ledger").description("the transparency log (上链存证)");
  ledger
    .command("integrate")
    .description("integrate every pending entry now and sign a checkpoint (the server does this every 0.5 s)")
    .action(async () => {
      await withCliContext(async (ctx) => {
        console.log(`tree size ${await integrateAll(ctx)}`);
      });
    });
  ledger
    .command("receipt <kind> <ref>")
    .description(
      "print the receipt (上链凭证, a C2SP tlog-proof) of a record: kind is lot, party, product, document or epcis-event",
    )
    .action(async (kind: string, ref: string) => {
      await withCliContext(async (ctx) => {
        process.stdout.write((await receiptFor(ctx, kind, ref)).receipt);
      });
    });
  ledger
    .command("record <kind> <ref>")
    .description("print a record as JSON in the form the ledger committed to (for verify --record)")
    .action(async (kind: string, ref: string) => {
      await withCliContext(async (ctx) => {
        console.log(JSON.stringify(await readCommittedRecord(ctx, kind, ref), null, 2));
      });
    });
  ledger
    .command("checkpoint")
    .description("print the checkpoint the log serves (signed note, with the witnesses' cosignatures)")
    .action(async () => {
      await withCliContext(async (ctx) => {
        const c = await currentCheckpoint(ctx);
        if (!c) throw new CliInputError("the log is empty: run `suyuan ledger integrate` first");
        process.stdout.write(c.note);
      });
    });
  ledger
    .command("policy")
    .description("print the log's C2SP tlog-policy (its keys, LEDGER_POLICY's witnesses and quorum), for witnesses")
    .action(() => {
      process.stdout.write(formatPolicy(ownPolicy()));
    });
  ledger
    .command("rotate-key")
    .description("replace the checkpoint signing key; the old verifier key is kept, so old checkpoints still verify")
    .action(() => {
      const config = loadConfig();
      const r = rotateLedgerKey(config.ledgerKeyFile, ledgerOrigin(config.publicBaseUrl));
      console.log(`new verifier key: ${r.verifierKey}\nretired:          ${r.retired}`);
    });
}

function readInput(file: string): string {
  if (!existsSync(file)) throw new CliInputError(`no such file: ${file}`);
  return readFileSync(file, "utf8");
}

function policyFrom(text: string): Policy {
  const p = parsePolicy(text);
  if (!p.ok) throw new CliInputError(`the policy is not a C2SP tlog-policy: ${p.error.detail}`);
  return p.value;
}

/** Without --policy: this platform's own keys (current and retired) and LEDGER_POLICY's witnesses and quorum. */
function ownPolicy(): Policy {
  const config = loadConfig();
  if (!existsSync(config.ledgerKeyFile))
    throw new CliInputError(`no ledger key at ${config.ledgerKeyFile}: give --policy (GET /log/policy serves one)`);
  const id = loadLedgerIdentity(config.ledgerKeyFile, ledgerOrigin(config.publicBaseUrl));
  const policyText = config.ledgerPolicyFile ? readInput(config.ledgerPolicyFile) : undefined;
  return ledgerWitnessing([id.signer.verifierKey, ...id.retiredVerifierKeys], policyText, undefined).policy;
}

function fail(why: string): void {
  console.log(`NOT valid: ${why}`);
  process.exitCode = 1;
}
