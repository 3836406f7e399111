import { chinaDate } from "../../core/codes/calendar-day.ts";
import { composePartyCode } from "../../core/codes/party-code.ts";
import { composeTraceNumber } from "../../core/codes/trace-number.ts";
import { creditCodeCheckCharacter } from "../../core/ids/credit-code.ts";
import { expiryFromShelfLife } from "../../core/lots/expiry.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Party, PartyKind } from "../../core/parties/party.ts";
import type { Product } from "../../core/products/product.ts";
import type { Prng } from "../../core/synth/prng.ts";
import type { Unit } from "../../core/units.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * The cast of a synthetic province: parties in every county of one province (GB/T 2260), by kind in the shares a
 * provincial programme reports (many more shops and canteens than farms and factories), each maker with products.
 */
export interface Cast {
  readonly parties: Party[];
  readonly byKind: Record<PartyKind, Party[]>;
  readonly productsOf: Map<string, Product[]>;
}

const shares: readonly (readonly [PartyKind, number])[] = [
  ["farm", 0.15],
  ["producer", 0.06],
  ["processor", 0.04],
  ["importer", 0.01],
  ["wholesaler", 0.09],
  ["retailer", 0.52],
  ["canteen", 0.13],
];

/** What makers make: name, catalogue category, unit, shelf life in days. */
const goods: Partial<Record<PartyKind, readonly (readonly [string, string, Unit, number])[]>> = {
  farm: [
    ["上海青", "vegetables", "kg", 7],
    ["大白菜", "vegetables", "kg", 15],
    ["鸡蛋", "eggs", "box", 30],
    ["鲜猪肉", "meat/pork", "kg", 5],
  ],
  producer: [
    ["纯牛奶", "dairy/liquid-milk", "box", 180],
    ["大米", "grain/rice", "bag", 365],
    ["花生油", "edible-oil", "piece", 540],
  ],
  processor: [
    ["酸奶", "dairy/yoghurt", "box", 21],
    ["酱菜", "vegetables", "bag", 270],
    ["速冻水饺", "frozen", "bag", 365],
  ],
  importer: [
    ["进口牛肉", "meat/beef", "kg", 365],
    ["进口奶粉", "infant-formula", "piece", 720],
  ],
};

const ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The county-level regions of a province (codes PP xx yy with yy ≠ 00) known to the directory. */
export function countiesOf(ctx: ServiceContext, province: string): string[] {
  const out: string[] = [];
  for (let city = 1; city <= 99; city++)
    for (let county = 1; county <= 99; county++) {
      const code = `${province}${String(city).padStart(2, "0")}${String(county).padStart(2, "0")}`;
      if (ctx.regions.get(code)) out.push(code);
    }
  return out;
}

export async function buildCast(ctx: ServiceContext, rng: Prng, count: number, province: string, at: number) {
  const counties = countiesOf(ctx, province);
  if (counties.length === 0) throw new Error(`no counties known for province ${province}`);
  const byKind = Object.fromEntries(shares.map(([k]) => [k, [] as Party[]])) as unknown as Record<PartyKind, Party[]>;
  const parties: Party[] = [];
  const firstCode = await reserveSequence(ctx.store.db, "party-code", count);
  let i = 0;
  for (const [kind, share] of shares) {
    const n = Math.max(2, Math.round(count * share));
    for (let k = 0; k < n; k++, i++) {
      const regionCode = rng.pick(counties);
      let org = "";
      for (let c = 0; c < 9; c++) org += ORG[rng.int(ORG.length)];
      const first17 = `91${regionCode}${org}`;
      const p: Party = Object.freeze({
        id: ctx.newId(),
        name: `${kind} ${i + 1} (synthetic)`,
        creditCode: kind === "farm" ? null : first17 + creditCodeCheckCharacter(first17),
        kind,
        regionCode,
        address: null,
        contact: null,
        licences: [],
        gln: null,
        keyParty: false,
        homePlatform: ctx.settings.platformId,
        partyCode: composePartyCode(regionCode, firstCode + i),
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      parties.push(p);
      byKind[kind].push(p);
    }
  }
  const productsOf = new Map<string, Product[]>();
  for (const p of parties) {
    const menu = goods[p.kind];
    if (!menu) continue;
    const own = [rng.pick(menu), ...(p.kind === "processor" ? [rng.pick(menu)] : [])].map(
      ([name, categoryCode, unit, shelfLifeDays]) =>
        Object.freeze({
          id: ctx.newId(),
          partyId: p.id,
          name,
          spec: null,
          unit,
          categoryCode,
          shelfLifeDays,
          gtin: null,
          description: null,
          createdAt: at,
          updatedAt: at,
          version: 1,
        }),
    );
    productsOf.set(p.id, own);
  }
  return { parties, byKind, productsOf } satisfies Cast;
}

/** Codes reserved per block: one round trip (and commit) per 4,096 codes. */
const BLOCK = 4_096;

/**
 * Platform codes (trace numbers and voucher codes share one sequence per region and day) reserved in blocks from
 * the real sequences, so synthetic codes never collide with codes the platform issues later. Synthetic codes are
 * issued in the province's own region (e.g. 350000): one sequence per day instead of one per county and day, so a
 * reservation serves thousands of codes.
 */
export class CodeAllocator {
  private readonly blocks = new Map<string, { next: number; end: number }>();
  /** `reserve(scope, count)` reserves `count` numbers of a sequence and returns the first (store: reserveSequence). */
  constructor(
    private readonly reserve: (scope: string, count: number) => Promise<number>,
    private readonly regionCode: string,
  ) {}

  async next(at: number): Promise<string> {
    const issuedOn = chinaDate(at);
    const scope = `t:${this.regionCode}:${issuedOn}`;
    let b = this.blocks.get(scope);
    if (!b || b.next > b.end) {
      const first = await this.reserve(scope, BLOCK);
      b = { next: first, end: first + BLOCK - 1 };
      this.blocks.clear();
      this.blocks.set(scope, b);
    }
    return composeTraceNumber({ regionCode: this.regionCode, issuedOn, sequence: b.next++ });
  }
}

/** A new lot of a product, coded (or first-station registered) by its maker at `at`. */
export function newLot(
  newId: () => string,
  a: { product: Product; maker: Party; code: string; at: number; quantityMilli: number; entry: Lot["entry"] },
): Omit<Lot, "eventId"> {
  const productionDate = chinaDate(a.at);
  return {
    id: newId(),
    productId: a.product.id,
    partyId: a.maker.id,
    lotCode: a.code.slice(6, 16),
    gtin: null,
    platformCode: a.code,
    traceKey: `t/${a.code}`,
    productionDate,
    expiryDate: a.product.shelfLifeDays ? expiryFromShelfLife(productionDate, a.product.shelfLifeDays) : null,
    quantityMilli: a.quantityMilli,
    unit: a.product.unit,
    originRegion: a.maker.regionCode,
    originPlace: null,
    location: null,
    entry: a.entry,
    entryDetails:
      a.entry === "first_station"
        ? { supplier: { name: "Synthetic Export Co.", creditCode: null, country: "NZ", province: null } }
        : null,
    createdAt: a.at,
    revokedAt: null,
  };
}
