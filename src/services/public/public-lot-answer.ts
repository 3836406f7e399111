import { addDays } from "../../core/lots/expiry.ts";
import { expiryStatus } from "../../core/resolver/expiry-status.ts";
import { publicLotOn } from "./public-lot-on.ts";
import type { PublicLotRecord } from "./public-records.ts";

/** A public record as stored: its JSON with the expiry last and left out, and the columns a scan needs unparsed. */
export interface StoredPublicLot {
  readonly lotId: string;
  readonly recordJson: string;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly scanRegion: string;
  /** The first day the stored licence flags are wrong (a licence lapses); null when none will. */
  readonly flagsUntil: string | null;
}

const EXPIRY_TAIL = ',"expiry":null}';

/** Serialises a record for storage (see StoredPublicLot), on the day it was built. */
export function storePublicLot(r: PublicLotRecord, today: string): StoredPublicLot {
  const { expiry: _dayDependent, ...rest } = r;
  const lapses = r.producer.licences
    .filter((l) => l.validUntil !== null && l.validUntil >= today)
    .map((l) => addDays(l.validUntil as string, 1))
    .sort();
  return {
    lotId: r.lotId,
    recordJson: JSON.stringify({ ...rest, expiry: null }),
    productionDate: r.productionDate,
    expiryDate: r.expiryDate,
    scanRegion: r.scanRegion,
    flagsUntil: lapses[0] ?? null,
  };
}

/**
 * What a scan answers for a lot on `today`. The JSON is the stored text with the day's expiry status spliced in
 * — no parse, no serialisation — while the stored licence flags still hold; the record (for pages and links) is
 * parsed once and brought to the day by publicLotOn.
 */
export class PublicLotAnswer {
  private parsed: PublicLotRecord | undefined;

  constructor(
    private readonly stored: StoredPublicLot,
    private readonly today: string,
  ) {}

  get lotId(): string {
    return this.stored.lotId;
  }

  get scanRegion(): string {
    return this.stored.scanRegion;
  }

  /** What the record's pages depend on besides the language: the stored text and the day. */
  get version(): { readonly recordJson: string; readonly day: string } {
    return { recordJson: this.stored.recordJson, day: this.today };
  }

  json(): string {
    const s = this.stored;
    if (s.flagsUntil !== null && this.today >= s.flagsUntil) return JSON.stringify(this.record());
    const expiry = expiryStatus(s.productionDate, s.expiryDate, this.today);
    return `${s.recordJson.slice(0, -EXPIRY_TAIL.length)},"expiry":${JSON.stringify(expiry)}}`;
  }

  record(): PublicLotRecord {
    this.parsed ??= publicLotOn(JSON.parse(this.stored.recordJson) as PublicLotRecord, this.today);
    return this.parsed;
  }
}
