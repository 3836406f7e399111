import { AppError } from "../../core/errors.ts";
import { gtinTraceKey } from "../../core/lots/lot.ts";
import { codeHelp } from "../../core/resolver/code-help.ts";
import type { ResolverTarget } from "../../core/resolver/resolver-target.ts";
import { findLotByTraceKey } from "../../store/lot-store.ts";
import { findPartyByCode } from "../../store/party-store.ts";
import { findProducerOfGtinPrefix } from "../../store/product-store.ts";
import { findSerial } from "../../store/serial-store.ts";
import { findShipmentByVoucher } from "../../store/shipment-store.ts";
import type { Platform } from "../platform.ts";
import type { PublicRecord } from "./public-records.ts";
import { readPublicLot } from "./read-public-lot.ts";
import { readPublicParty } from "./read-public-party.ts";
import { readPublicVoucher } from "./read-public-voucher.ts";

/**
 * The resolver's look-up (GS1 Digital Link resolution of this platform's own codes): the record a code names, or
 * an AppError that carries the help a person needs — `invalid-code` (what is wrong with it) or `code-not-found`
 * (valid, whose prefix, what to do) with the CodeHelp as extra members of the problem.
 */
export async function resolvePublicCode(platform: Platform, target: ResolverTarget): Promise<PublicRecord> {
  const db = platform.store.db;
  switch (target.kind) {
    case "lot":
    case "serial": {
      let traceKey = target.kind === "lot" ? target.traceKey : undefined;
      if (target.kind === "serial") {
        const serial = await findSerial(db, target.gtin, target.serial);
        if (serial?.lot) traceKey = gtinTraceKey(target.gtin, serial.lot);
      }
      const answer = traceKey ? await readPublicLot(platform, traceKey) : undefined;
      if (answer) return answer.record();
      const lot = traceKey ? await findLotByTraceKey(db, traceKey) : undefined;
      throw await notFound(platform, target, lot !== undefined);
    }
    case "party": {
      const party = await findPartyByCode(db, target);
      if (party) return readPublicParty(platform, party);
      throw await notFound(platform, target);
    }
    case "voucher": {
      const s = await findShipmentByVoucher(db, target.code);
      if (s) return readPublicVoucher(platform, s);
      throw await notFound(platform, target);
    }
    case "gtin":
    case "unsupported":
      throw await notFound(platform, target);
    case "invalid": {
      const help = codeHelp(target);
      throw new AppError("invalid-code", help.detail, { extra: { help } });
    }
  }
}

async function notFound(platform: Platform, target: ResolverTarget, revoked = false): Promise<AppError> {
  const gtin = "gtin" in target ? target.gtin : null;
  // GS1 China's company prefixes are 7 to 9 digits; the shortest finds a producer sharing the prefix.
  const producer = gtin ? await findProducerOfGtinPrefix(platform.store.db, gtin.slice(0, 8)) : undefined;
  const help = codeHelp(target, { ...(producer ? { producer } : {}), revoked });
  return new AppError("code-not-found", help.detail, { extra: { help } });
}
