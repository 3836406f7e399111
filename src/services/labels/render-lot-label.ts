import { AppError } from "../../core/errors.ts";
import { traceCodeUrl } from "../../core/lots/lot.ts";
import { findLotById } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductById } from "../../store/product-store.ts";
import type { ServiceContext } from "../service-context.ts";
import type { LabelFormat, LabelLayout, LabelLocale, LabelSize } from "./label-data.ts";
import { type RenderedLabels, renderLabels } from "./render-labels.ts";

/**
 * The printable label of a lot (its QR, product, lot, dates and producer), `copies` times. Labels carry only what
 * is printed on the pack anyway, so anyone who can see the lot may print them.
 */
export async function renderLotLabel(
  ctx: ServiceContext,
  lotId: string,
  o: { size: LabelSize; layout: LabelLayout; format: LabelFormat; locale: LabelLocale; copies: number },
): Promise<RenderedLabels> {
  const db = ctx.store.db;
  const lot = await findLotById(db, lotId);
  if (!lot) throw new AppError("not-found", `no lot with id ${lotId}`, { pointer: "/params/id" });
  const [product, producer] = await Promise.all([findProductById(db, lot.productId), findPartyById(db, lot.partyId)]);
  const label = {
    traceCode: traceCodeUrl(lot, ctx.settings.publicBaseUrl),
    productName: product?.name ?? "",
    spec: product?.spec ?? undefined,
    lot: lot.lotCode,
    productionDate: lot.productionDate,
    expiryDate: lot.expiryDate ?? undefined,
    producerName: producer?.name,
  };
  return renderLabels(
    {
      size: o.size,
      layout: o.layout,
      format: o.format,
      locale: o.locale,
      labels: Array.from({ length: o.copies }, () => label),
    },
    { digitalLinkBase: ctx.settings.publicBaseUrl },
  );
}
