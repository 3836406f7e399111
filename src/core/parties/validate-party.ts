import type { FieldError } from "../errors.ts";
import { checkCreditCode, describeCreditCodeProblem, normaliseCreditCode } from "../ids/credit-code.ts";
import { isValidGln } from "../ids/gln.ts";
import type { RegionDirectory } from "../ids/region-code.ts";
import { kindsWithoutCreditCode, type Licence, type PartyDraft, partyKinds } from "./party.ts";

/** Input as it arrives (already shape-checked by a schema, not yet by the domain rules). */
export interface PartyInput {
  name: string;
  creditCode?: string | null;
  kind: string;
  regionCode: string;
  address?: string | null;
  contact?: { name?: string | null; phone?: string | null; email?: string | null } | null;
  licences?: readonly { type: string; number: string; validUntil?: string | null }[];
  gln?: string | null;
  keyParty?: boolean;
  homePlatform?: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * The one factory for party data (STYLE rule 12): normalises what people type and checks every domain rule,
 * collecting all field errors at once so a form or an import row can be fixed in one go.
 * `base` is the JSON pointer of the object being validated (e.g. "/body").
 */
export function validateParty(
  input: PartyInput,
  regions: RegionDirectory,
  defaults: { homePlatform: string },
  base = "",
): Validated<PartyDraft> {
  const errors: FieldError[] = [];
  const err = (field: string, detail: string) => errors.push({ pointer: `${base}/${field}`, detail });

  const name = input.name.trim().replace(/\s+/g, " ");
  if (name.length === 0) err("name", "name must not be empty");

  const kind = input.kind as PartyDraft["kind"];
  if (!partyKinds.includes(kind)) err("kind", `unknown party kind '${input.kind}'; one of: ${partyKinds.join(", ")}`);

  const creditCode = input.creditCode ? normaliseCreditCode(input.creditCode) : null;
  if (creditCode) {
    const problem = checkCreditCode(creditCode);
    if (problem) err("creditCode", `invalid credit code: ${describeCreditCodeProblem(problem)}`);
  } else if (partyKinds.includes(kind) && !kindsWithoutCreditCode.has(kind)) {
    err("creditCode", `a ${kind} must have a unified social credit code`);
  }

  if (!regions.get(input.regionCode)) {
    err("regionCode", `'${input.regionCode}' is not a GB/T 2260 region code in force`);
  }

  const gln = input.gln?.trim() || null;
  if (gln && !isValidGln(gln)) err("gln", "a GLN has 13 digits ending in a valid GS1 check digit");

  const licences: Licence[] = [];
  (input.licences ?? []).forEach((l, i) => {
    const number = l.number.trim();
    if (!number) err(`licences/${i}/number`, "licence number must not be empty");
    const validUntil = l.validUntil ?? null;
    if (validUntil !== null && !isIsoDate(validUntil)) err(`licences/${i}/validUntil`, "use a date as YYYY-MM-DD");
    licences.push({ type: l.type as Licence["type"], number, validUntil });
  });

  const c = input.contact;
  const contact = c
    ? { name: c.name?.trim() || null, phone: c.phone?.trim() || null, email: c.email?.trim() || null }
    : null;

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      name,
      creditCode,
      kind,
      regionCode: input.regionCode,
      address: input.address?.trim() || null,
      contact,
      licences,
      gln,
      keyParty: input.keyParty ?? false,
      homePlatform: input.homePlatform?.trim() || defaults.homePlatform,
    }),
  };
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
