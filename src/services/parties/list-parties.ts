import { regionPrefix } from "../../core/ids/region-code.ts";
import type { PartyKind } from "../../core/parties/party.ts";
import { partyViewFor } from "../../core/parties/party-access.ts";
import { listParties } from "../../store/party-store.ts";
import type { ServiceContext } from "../service-context.ts";
import type { VisibleParty } from "./get-party.ts";

export interface ListPartiesQuery {
  readonly regionCode?: string;
  readonly kind?: PartyKind;
  readonly keyParty?: boolean;
  readonly cursor?: string;
  readonly limit: number;
}

export interface PartyPage {
  readonly items: readonly VisibleParty[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * Lists parties. A regulator's list is confined to its region (and narrower if it asks); the key-party flag is
 * regulatory information, so only operators and regulators may filter by it. Anyone else sees the public archive.
 */
export async function listPartiesFor(ctx: ServiceContext, q: ListPartiesQuery): Promise<PartyPage> {
  let prefix = q.regionCode ? regionPrefix(q.regionCode) : undefined;
  if (ctx.actor.kind === "regulator") {
    const own = regionPrefix(ctx.actor.regionCode);
    if (prefix && !prefix.startsWith(own) && !own.startsWith(prefix)) return { items: [], nextCursor: null };
    prefix = prefix?.startsWith(own) ? prefix : own;
  }
  const mayFilterKeyParty = ctx.actor.kind === "admin" || ctx.actor.kind === "system" || ctx.actor.kind === "regulator";
  const parties = await listParties(ctx.store.db, {
    ...(prefix ? { regionPrefix: prefix } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.keyParty !== undefined && mayFilterKeyParty ? { keyParty: q.keyParty } : {}),
    ...(q.cursor ? { afterId: q.cursor } : {}),
    limit: q.limit + 1,
  });
  const page = parties.slice(0, q.limit);
  return {
    items: page.map((party) => ({ party, view: partyViewFor(ctx.actor, party) })),
    nextCursor: parties.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
