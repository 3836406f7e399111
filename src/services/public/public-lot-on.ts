import { expiryStatus } from "../../core/resolver/expiry-status.ts";
import type { PublicLotRecord } from "./public-records.ts";

/**
 * A stored public record as it reads on `today` (CST): what depends on the day — the expiry badge (临期 / 已过期)
 * and whether each licence has lapsed — is computed from the stored dates at every read, so a record built
 * yesterday never shows yesterday's badge.
 */
export function publicLotOn(r: PublicLotRecord, today: string): PublicLotRecord {
  return {
    ...r,
    expiry: expiryStatus(r.productionDate, r.expiryDate, today),
    producer: {
      ...r.producer,
      licences: r.producer.licences.map((l) => ({ ...l, expired: l.validUntil !== null && l.validUntil < today })),
    },
  };
}
