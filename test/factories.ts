/** Test data factories: valid by default, overridable per test (STYLE rule 10). */
import { randomInt } from "node:crypto";
import { type Actor, systemActor } from "../src/core/auth/actor.ts";
import { creditCodeCheckCharacter } from "../src/core/ids/credit-code.ts";
import type { PartyInput } from "../src/core/parties/validate-party.ts";
import { type Clock, createPlatform, type Platform } from "../src/services/platform.ts";
import { cliOrigin, contextFor, type ServiceContext } from "../src/services/service-context.ts";
import { loadRegionDirectory } from "../src/store/reference/region-source.ts";
import type { Store } from "../src/store/store.ts";

const ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid, random GB 32100 code for a legal person registered in `regionCode` (category 91: company). */
export function randomCreditCode(regionCode = "350102"): string {
  let org = "";
  for (let i = 0; i < 9; i++) org += ORG_ALPHABET[randomInt(ORG_ALPHABET.length)];
  const first17 = `91${regionCode}${org}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function partyInput(overrides: Partial<PartyInput> = {}): PartyInput {
  const regionCode = overrides.regionCode ?? "350102";
  return {
    name: "福州鼓楼鲜果批发有限公司",
    creditCode: randomCreditCode(regionCode),
    kind: "wholesaler",
    regionCode,
    address: "福州市鼓楼区五四路 1 号",
    contact: { name: "林经理", phone: "0591-87000000", email: null },
    licences: [{ type: "food_business", number: "JY13501020000001", validUntil: "2029-12-31" }],
    gln: null,
    keyParty: false,
    ...overrides,
  };
}

export function testPlatform(store: Store, clock?: Clock, publicBaseUrl = "https://trace.test"): Platform {
  const silent = { info() {}, warn() {}, error() {} };
  return createPlatform({
    store,
    regions: loadRegionDirectory(),
    settings: { platformId: "fj-test", publicBaseUrl, webhookAllowPrivateNetworks: true },
    logger: silent,
    ...(clock ? { clock } : {}),
  });
}

export function asActor(platform: Platform, actor: Actor = systemActor("test")): ServiceContext {
  return contextFor(platform, actor, cliOrigin);
}

/** A clock tests can move. */
export function manualClock(start = Date.UTC(2026, 10, 23, 8, 0, 0)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}
