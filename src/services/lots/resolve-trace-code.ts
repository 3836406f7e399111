import { describeCode } from "../../core/codes/describe-code.ts";
import { AppError } from "../../core/errors.ts";
import { gtinTraceKey, type Lot, platformTraceKey } from "../../core/lots/lot.ts";
import { findLotsByTraceKeys } from "../../store/lot-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * The lot a scanned or typed trace code names: a Digital Link or element string with GTIN and lot, or a platform
 * trace number (/t/{CODE}). Anything else is a clear error at `pointer`, never a guess.
 */
export async function resolveTraceCode(tx: Db, ctx: ServiceContext, text: string, pointer: string): Promise<Lot> {
  return (await resolveTraceCodes(tx, ctx, [{ text, pointer }]))[0] as Lot;
}

/** Many codes (a shipment's lines): every code read first, then one look-up for all. */
export async function resolveTraceCodes(
  tx: Db,
  ctx: ServiceContext,
  codes: readonly { text: string; pointer: string }[],
): Promise<Lot[]> {
  const keys = codes.map((c) => traceKeyOf(ctx, c.text, c.pointer));
  const found = await findLotsByTraceKeys(tx, keys);
  return codes.map((c, i) => {
    const lot = found.get(keys[i] as string);
    if (!lot)
      throw new AppError("unknown-trace-code", `no lot on this platform has the trace code ${c.text}`, {
        pointer: c.pointer,
      });
    if (lot.revokedAt !== null) {
      throw new AppError("lot-revoked", `the coding of lot ${lot.lotCode} was revoked; this code may not be used`, {
        pointer: c.pointer,
      });
    }
    return lot;
  });
}

function traceKeyOf(ctx: ServiceContext, text: string, pointer: string): string {
  const d = describeCode(text, { resolverBase: ctx.settings.publicBaseUrl });
  if (!d.valid) throw new AppError("unknown-trace-code", `not a trace code: ${d.error.message}`, { pointer });
  if (d.kind === "platformTrace" && d.platformCode) return platformTraceKey(d.platformCode.code);
  if (d.ais) {
    const gtin = d.ais.find((a) => a.ai === "01")?.value;
    const lot = d.ais.find((a) => a.ai === "10")?.value;
    if (gtin && lot) return gtinTraceKey(gtin, lot);
    if (gtin)
      throw new AppError(
        "unknown-trace-code",
        "the code names the product but not the lot: scan the QR code or add the lot (10)",
        { pointer },
      );
  }
  throw new AppError("unknown-trace-code", "this code does not name a lot", { pointer });
}
