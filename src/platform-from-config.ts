import { existsSync, readFileSync } from "node:fs";
import { type Config, ConfigError } from "./config.ts";
import { type LedgerIdentity, ledgerOrigin, loadLedgerIdentity } from "./services/ledger/ledger-key.ts";
import { ledgerWitnessing } from "./services/ledger/ledger-witnessing.ts";
import { createPlatform, type Logger, type Platform } from "./services/platform.ts";
import { loadRegionDirectory } from "./store/reference/region-source.ts";
import type { Store } from "./store/store.ts";

/** The one place configuration becomes a platform, for the server and the console alike. */
export function platformFromConfig(config: Config, store: Store, logger: Logger): Platform {
  return createPlatform({
    store,
    regions: loadRegionDirectory(),
    settings: {
      platformId: config.platformId,
      publicBaseUrl: config.publicBaseUrl,
      gs1CompanyPrefix: config.gs1CompanyPrefix,
      webhookAllowPrivateNetworks: config.webhookAllowPrivateNetworks,
      nearExpiry: config.nearExpiry,
    },
    logger,
    ledger: withWitnessing(config, loadLedgerIdentity(config.ledgerKeyFile, ledgerOrigin(config.publicBaseUrl))),
  });
}

function withWitnessing(config: Config, id: LedgerIdentity): LedgerIdentity {
  const path = config.ledgerPolicyFile;
  if (path !== null && !existsSync(path)) throw new ConfigError(`LEDGER_POLICY: no such file ${path}`);
  const policyText = path === null ? undefined : readFileSync(path, "utf8");
  const keys = [id.signer.verifierKey, ...id.retiredVerifierKeys];
  return { ...id, witnessing: ledgerWitnessing(keys, policyText, config.ledgerWitnesses ?? undefined) };
}
