import ExcelJS from "exceljs";
import { partyKeyOf } from "../../core/epcis/capture/event-parties.ts";
import { canonicalEpc } from "../../core/epcis/event-epcs.ts";
import { type FsmaRow, fsmaColumns, fsmaCsv, fsmaRows } from "../../core/epcis/fsma/fsma-rows.ts";
import type { EventQuery } from "../../core/epcis/query/simple-event-query.ts";
import { AppError } from "../../core/errors.ts";
import { queryEvents } from "../../store/epcis-query-store.ts";
import { findLotByTraceKey } from "../../store/lot-store.ts";
import { findPartiesByKeys, findPartyById } from "../../store/party-store.ts";
import { findProductById } from "../../store/product-store.ts";
import type { ServiceContext } from "../service-context.ts";
import { readerAccess } from "./query-events.ts";

/** The most rows one export holds; a larger request is narrowed by date range. */
export const FSMA_EXPORT_LIMIT = 50_000;

/**
 * FSMA 204 sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)) for a lot or a date range, from the EPCIS events the
 * caller may read, as CSV or XLSX.
 */
export async function exportFsma204(
  ctx: ServiceContext,
  input: { lot?: string; from?: string; to?: string; format: "csv" | "xlsx" },
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const access = readerAccess(ctx);
  if (!input.lot && !input.from)
    throw new AppError("validation-failed", "name a lot (its trace code) or a date range", { pointer: "/query/lot" });
  const day = (d: string | undefined, name: string) => {
    if (d === undefined) return undefined;
    const ms = Date.parse(`${d}T00:00:00+08:00`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(ms))
      throw new AppError("validation-failed", "a date is YYYY-MM-DD", { pointer: `/query/${name}` });
    return ms;
  };
  const from = day(input.from, "from");
  const to = day(input.to, "to");
  const allRoles = ["class", "childClass", "inputClass", "outputClass"] as const;
  const query: EventQuery = {
    epcMatches: input.lot ? [{ roles: allRoles, values: [{ exact: canonicalEpc(input.lot) }] }] : [],
    fieldMatches: [],
    orderBy: "eventTime",
    orderDirection: "ASC",
    ...(from !== undefined ? { geEventTime: from } : {}),
    ...(to !== undefined ? { ltEventTime: to + 86_400_000 } : {}),
  };
  const found = await queryEvents(ctx.store.db, query, access, { limit: FSMA_EXPORT_LIMIT });
  const events = found.map((f) => f.event);

  const base = ctx.settings.publicBaseUrl;
  const lots = new Map<string, { product: string; source: string }>();
  const classes = new Set(events.flatMap((e) => classesOf(e).map(canonicalEpc)));
  for (const cls of classes) {
    const key = cls.startsWith("https://id.gs1.org/")
      ? cls.slice("https://id.gs1.org/".length)
      : cls.startsWith(`${base}/`)
        ? cls.slice(base.length + 1)
        : undefined;
    const lot = key ? await findLotByTraceKey(ctx.store.db, key) : undefined;
    if (!lot) continue;
    const [product, owner] = await Promise.all([
      findProductById(ctx.store.db, lot.productId),
      findPartyById(ctx.store.db, lot.partyId),
    ]);
    lots.set(cls, { product: product?.name ?? "", source: owner ? describe(owner) : "" });
  }
  const uris = new Set(events.flatMap(placesOf));
  const keys = [...uris].map((u) => [u, partyKeyOf(u, base)] as const);
  const parties = await findPartiesByKeys(ctx.store.db, {
    glns: keys.flatMap(([, k]) => (k && "gln" in k ? [k.gln] : [])),
    partyCodes: keys.flatMap(([, k]) => (k && "partyCode" in k ? [k.partyCode] : [])),
  });
  const places = new Map<string, string>();
  for (const [uri, k] of keys) {
    const p = k && parties.find((x) => ("gln" in k ? x.gln === k.gln : x.partyCode === k.partyCode));
    places.set(uri, p ? describe(p) : uri);
  }
  const rows = fsmaRows(events, { lot: (c) => lots.get(c), place: (u) => places.get(u) ?? u });
  const name = `fsma204-${input.lot ? "lot" : `${input.from}_${input.to ?? ""}`}`;
  if (input.format === "csv")
    return {
      body: Buffer.from(fsmaCsv(rows), "utf8"),
      contentType: "text/csv; charset=utf-8",
      filename: `${name}.csv`,
    };
  return {
    body: await xlsx(rows),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `${name}.xlsx`,
  };
}

function describe(p: { name: string; address: string | null; gln: string | null }): string {
  return [p.name, p.address, p.gln ? `GLN ${p.gln}` : null].filter(Boolean).join(", ");
}

type Obj = Readonly<Record<string, unknown>>;
function classesOf(e: Obj): string[] {
  return ["quantityList", "inputQuantityList", "outputQuantityList", "childQuantityList"].flatMap((k) =>
    (Array.isArray(e[k]) ? (e[k] as Obj[]) : []).map((q) => String(q.epcClass)),
  );
}
function placesOf(e: Obj): string[] {
  const ids = [(e.readPoint as Obj | undefined)?.id, (e.bizLocation as Obj | undefined)?.id];
  const list = (l: unknown, k: string) => (Array.isArray(l) ? (l as Obj[]).map((x) => x[k]) : []);
  return [...ids, ...list(e.sourceList, "source"), ...list(e.destinationList, "destination")].filter(
    (v): v is string => typeof v === "string",
  );
}

async function xlsx(rows: readonly FsmaRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("FSMA 204");
  sheet.columns = fsmaColumns.map((c) => ({ header: c, key: c, width: Math.max(14, c.length + 2) }));
  for (const r of rows) sheet.addRow(r);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fsmaColumns.length } };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
