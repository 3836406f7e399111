/**
 * The registry of GS1 Barcode Syntax Tests ("linters") by the names the Syntax Dictionary uses in its component
 * specifications ("N14,csum,gcppos2"). Every name that appears in the dictionary must be here (a test checks).
 */
import { lintCset39, lintCset64, lintCset82, lintCsetNumeric } from "./charsets.ts";
import { lintCsum } from "./check-digit.ts";
import { lintCsumAlpha } from "./check-pair.ts";
import {
  lintHasNonDigit,
  lintHyphen,
  lintImporterIdx,
  lintIso3166,
  lintIso3166Alpha2,
  lintIso4217,
  lintIso5218,
  lintIso3166999,
  lintMediaType,
  lintNonZero,
  lintNoZeroPrefix,
  lintPackageType,
  lintWinding,
  lintYesNo,
  lintZero,
} from "./lint-codes.ts";
import { lintCouponCode, lintCouponPosOffer } from "./lint-coupon.ts";
import { lintHh, lintHhmi, lintMi, lintSs, lintYymmd0, lintYymmdd, lintYyyymmd0, lintYyyymmdd } from "./lint-dates.ts";
import {
  lintGcpPos1,
  lintGcpPos2,
  lintIban,
  lintLatitude,
  lintLongitude,
  lintPcenc,
  lintPieceOfTotal,
  lintPosInSeqSlash,
} from "./lint-misc.ts";
import type { Linter } from "./lint-result.ts";

/**
 * Names reserved by the dictionary whose reference implementations are placeholders that accept any input
 * (lint_hhmm.c, lint_iso3166list.c, lint_key.c, lint_keyoff1.c, lint_mmoptss.c, lint_yymmddhh.c).
 */
const accept: Linter = () => undefined;

export const LINTERS: Readonly<Record<string, Linter>> = {
  couponcode: lintCouponCode,
  couponposoffer: lintCouponPosOffer,
  cset39: lintCset39,
  cset64: lintCset64,
  cset82: lintCset82,
  csetnumeric: lintCsetNumeric,
  csum: lintCsum,
  csumalpha: lintCsumAlpha,
  gcppos1: lintGcpPos1,
  gcppos2: lintGcpPos2,
  hasnondigit: lintHasNonDigit,
  hh: lintHh,
  hhmi: lintHhmi,
  hhmm: accept,
  hyphen: lintHyphen,
  iban: lintIban,
  importeridx: lintImporterIdx,
  iso3166: lintIso3166,
  iso3166999: lintIso3166999,
  iso3166alpha2: lintIso3166Alpha2,
  iso3166list: accept,
  iso4217: lintIso4217,
  iso5218: lintIso5218,
  key: accept,
  keyoff1: accept,
  latitude: lintLatitude,
  longitude: lintLongitude,
  mediatype: lintMediaType,
  mi: lintMi,
  mmoptss: accept,
  nonzero: lintNonZero,
  nozeroprefix: lintNoZeroPrefix,
  packagetype: lintPackageType,
  pcenc: lintPcenc,
  pieceoftotal: lintPieceOfTotal,
  posinseqslash: lintPosInSeqSlash,
  ss: lintSs,
  winding: lintWinding,
  yesno: lintYesNo,
  yymmd0: lintYymmd0,
  yymmdd: lintYymmdd,
  yymmddhh: accept,
  yyyymmd0: lintYyyymmd0,
  yyyymmdd: lintYyyymmdd,
  zero: lintZero,
};

/** The character-set linter that runs first on a component of each type. */
export const CSET_LINTERS: Readonly<Record<"N" | "X" | "Y" | "Z", Linter>> = {
  N: lintCsetNumeric,
  X: lintCset82,
  Y: lintCset39,
  Z: lintCset64,
};
