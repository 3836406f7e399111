import type { Command } from "commander";
import { createApiKey } from "../../services/keys/create-api-key.ts";
import { listKeys } from "../../services/keys/list-api-keys.ts";
import { revokeKey } from "../../services/keys/revoke-api-key.ts";
import { withCliContext } from "../cli-context.ts";

export function registerKeys(program: Command): void {
  const keys = program.command("keys").description("issue, list and revoke API keys");
  keys
    .command("create")
    .description("issue a key; the secret is printed once, alone on the last line of stdout")
    .requiredOption("--role <role>", "admin | enterprise | regulator")
    .option("--party <id>", "the party an enterprise key acts for")
    .option("--region <code>", "the GB/T 2260 region a regulator key sees (and everything below it)")
    .option("--name <name>", "a label for the key, e.g. the system or person using it")
    .action(async (o: { role: string; party?: string; region?: string; name?: string }) => {
      await withCliContext(async (ctx) => {
        const { key, secret } = await createApiKey(ctx, {
          role: o.role,
          partyId: o.party,
          regionCode: o.region,
          name: o.name,
        });
        const scope = key.partyId ? ` for party ${key.partyId}` : key.regionCode ? ` for region ${key.regionCode}` : "";
        console.log(
          `created ${key.role} key ${key.id} (${key.name})${scope}; store the secret now, it is not shown again:`,
        );
        console.log(secret);
      });
    });
  keys
    .command("list")
    .description("list keys (never their secrets)")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withCliContext(async (ctx) => {
        const all = await listKeys(ctx);
        if (o.json) return console.log(JSON.stringify(all, null, 2));
        for (const k of all) {
          const scope = k.partyId ?? k.regionCode ?? "-";
          const state = k.revokedAt ? `revoked ${new Date(k.revokedAt).toISOString()}` : "active";
          const used = k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : "never";
          console.log(
            `${k.id}  ${k.role.padEnd(10)} ${scope.padEnd(36)} ${state.padEnd(32)} last used ${used}  ${k.name}`,
          );
        }
      });
    });
  keys
    .command("revoke <id>")
    .description("revoke a key; effective at once")
    .action(async (id: string) => {
      await withCliContext(async (ctx) => {
        await revokeKey(ctx, id);
        console.log(`revoked ${id}`);
      });
    });
}
