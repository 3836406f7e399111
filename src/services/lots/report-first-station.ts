import { firstStationEvent } from "../../core/epcis/platform/supply-events.ts";
import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { findPartyById } from "../../store/party-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { storePlatformEvent } from "../events/platform-events.ts";
import type { ServiceContext } from "../service-context.ts";
import { type CodeLotInput, createLot } from "./code-lots.ts";

export interface FirstStationInput {
  partyId?: string;
  supplier: { name: string; creditCode?: string; country: string; province?: string };
  lot: Omit<CodeLotInput, "inputs"> & { countryOfOrigin?: string };
  documents: {
    customsDeclarationNo?: string;
    quarantineCertificateNo?: string;
    testReportNo?: string;
    salesVoucherNo?: string;
  };
}

/**
 * First-station report (首站报备): the first holder inside the platform registers goods that came from outside —
 * the supplier, the lot and its papers. Imports need the customs declaration, the entry inspection-and-quarantine
 * certificate and the country of origin; domestic goods a test report or a sales voucher. The lot gets its trace
 * code and is marked as entering here, so every chain shows where it came in.
 */
export async function reportFirstStation(
  ctx: ServiceContext,
  input: FirstStationInput,
): Promise<{ lot: Lot; traceCode: string }> {
  const partyId = actingPartyId(ctx, input.partyId);
  const country = input.supplier.country.toUpperCase();
  const imported = country !== "CN";
  const d = input.documents;
  const need = (ok: unknown, field: string, what: string) => {
    if (!ok) throw new AppError("validation-failed", what, { pointer: field });
  };
  if (imported) {
    need(
      d.customsDeclarationNo,
      "/body/documents/customsDeclarationNo",
      "imported goods need the customs declaration number (报关单号)",
    );
    need(
      d.quarantineCertificateNo,
      "/body/documents/quarantineCertificateNo",
      "imported goods need the entry inspection-and-quarantine certificate number (入境货物检验检疫证明编号)",
    );
    need(
      input.lot.countryOfOrigin,
      "/body/lot/countryOfOrigin",
      "imported goods need their country of origin (原产国)",
    );
  } else {
    need(
      d.testReportNo || d.salesVoucherNo,
      "/body/documents",
      "domestic goods need a test report or a sales voucher number",
    );
  }
  return ctx.store.transaction(async (tx) => {
    const party = await findPartyById(tx, partyId);
    if (!party) throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/body/partyId" });
    const supplier = {
      name: input.supplier.name.trim(),
      creditCode: input.supplier.creditCode?.trim() || null,
      country,
      province: input.supplier.province?.trim() || null,
    };
    const documents = Object.fromEntries(
      Object.entries(d).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
    ) as Record<string, string>;
    const countryOfOrigin = input.lot.countryOfOrigin?.toUpperCase() ?? (imported ? null : "CN");
    const lot = await createLot(tx, ctx, party, input.lot, "/body/lot", {
      entry: "first_station",
      details: { supplier, documents, countryOfOrigin },
      recordEvent: (l) =>
        storePlatformEvent(
          tx,
          ctx,
          party,
          firstStationEvent({
            base: ctx.settings.publicBaseUrl,
            at: ctx.clock.now(),
            recordedBy: party,
            lot: l,
            supplier,
            countryOfOrigin,
            documents,
          }),
        ),
    });
    await recordAudit(tx, ctx, "lots.first-station", { type: "lot", id: lot.id }, { supplier: supplier.name, country });
    return { lot, traceCode: `${ctx.settings.publicBaseUrl}/${lot.traceKey}` };
  });
}
