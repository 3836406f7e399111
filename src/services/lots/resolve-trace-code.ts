import { describeCode } from "../../core/codes/describe-code.ts";
import { AppError } from "../../core/errors.ts";
import { gtinTraceKey, type Lot, platformTraceKey } from "../../core/lots/lot.ts";
import { findLotByTraceKey } from "../../store/lot-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * The lot a scanned or typed trace code names: a Digital Link or element string with GTIN and lot, or a platform
 * trace number (/t/{CODE}). Anything else is a clear error at `pointer`, never a guess.
 */
export async function resolveTraceCode(tx: Db, ctx: ServiceContext, text: string, pointer: string): Promise<Lot> {
  const d = describeCode(text, { resolverBase: ctx.settings.publicBaseUrl });
  if (!d.valid) throw new AppError("unknown-trace-code", `not a trace code: ${d.error.message}`, { pointer });
  let key: string | undefined;
  if (d.kind === "platformTrace" && d.platformCode) key = platformTraceKey(d.platformCode.code);
  else if (d.ais) {
    const gtin = d.ais.find((a) => a.ai === "01")?.value;
    const lot = d.ais.find((a) => a.ai === "10")?.value;
    if (gtin && lot) key = gtinTraceKey(gtin, lot);
    else if (gtin)
      throw new AppError(
        "unknown-trace-code",
        "the code names the product but not the lot: scan the QR code or add the lot (10)",
        { pointer },
      );
  }
  if (!key) throw new AppError("unknown-trace-code", "this code does not name a lot", { pointer });
  const found = await findLotByTraceKey(tx, key);
  if (!found)
    throw new AppError("unknown-trace-code", `no lot on this platform has the trace code ${text}`, { pointer });
  if (found.revokedAt !== null) {
    throw new AppError("lot-revoked", `the coding of lot ${found.lotCode} was revoked; this code may not be used`, {
      pointer,
    });
  }
  return found;
}
