import type { Config } from "./config.ts";
import { ledgerOrigin, loadLedgerIdentity } from "./services/ledger/ledger-key.ts";
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
    ledger: loadLedgerIdentity(config.ledgerKeyFile, ledgerOrigin(config.publicBaseUrl)),
  });
}
