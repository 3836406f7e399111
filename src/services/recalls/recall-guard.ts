import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { addRecovery, openRecallsOfLots } from "../../store/recall-store.ts";
import type { Db } from "../../store/schema.ts";

/**
 * The checks every stock-moving use case makes while a recall is open (食品召回管理办法 第十九条: stop producing
 * and selling): one indexed look-up of the lots' open recalls. Goods going back to the lot's maker, destroyed or
 * written off stay allowed — that is how the recalled stock is recovered.
 */
export async function openRecallByLot(tx: Db, lotIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await openRecallsOfLots(tx, lotIds)) if (!out.has(r.lotId)) out.set(r.lotId, r.recallId);
  return out;
}

/** Refuses the action when a lot is under an open recall, naming the recall (problem member `recallId`). */
export async function assertNotRecalled(
  tx: Db,
  lots: readonly { readonly lot: Pick<Lot, "id" | "lotCode">; readonly pointer: string }[],
  action: string,
): Promise<void> {
  const recalled = await openRecallByLot(
    tx,
    lots.map((l) => l.lot.id),
  );
  for (const l of lots) {
    const recallId = recalled.get(l.lot.id);
    if (recallId) throw lotRecalled(l.lot.lotCode, recallId, action, l.pointer);
  }
}

export function lotRecalled(lotCode: string, recallId: string, action: string, pointer?: string): AppError {
  return new AppError("lot-recalled", `lot ${lotCode} is under recall ${recallId}: it may not be ${action}`, {
    ...(pointer ? { pointer } : {}),
    extra: { recallId },
  });
}

/** Credits recovered stock to the holder's task of every open recall of the lot (returned or destroyed). */
export async function creditRecovery(
  tx: Db,
  a: { lotId: string; partyId: string; kind: "returned" | "destroyed"; milli: number },
): Promise<void> {
  for (const r of await openRecallsOfLots(tx, [a.lotId])) {
    await addRecovery(tx, {
      recallId: r.recallId,
      lotId: a.lotId,
      partyId: a.partyId,
      field: a.kind === "returned" ? "returnedMilli" : "destroyedMilli",
      milli: a.milli,
    });
  }
}
