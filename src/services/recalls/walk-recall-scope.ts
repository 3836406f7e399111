import type { Lot } from "../../core/lots/lot.ts";
import { type RecallScope, scopeTasks } from "../../core/recalls/recall.ts";
import { LevelWalk } from "../../core/trace/trace-walk.ts";
import type { Db } from "../../store/schema.ts";
import { holdingsOfLots, outputsOfLots, pendingLinesOfLots } from "../../store/trace-store.ts";
import { loadLots } from "../trace/trace-details.ts";

/**
 * The scope of a recall (召回范围): the forward walk over lots, level by level as the forward trace goes — each
 * level's lots, the stock still held of them, what is in transit to a buyer, and the lots made from them, which
 * form the next level — loading only that. A forward trace also reads every shipment line and every holder's
 * movements, which the scope does not use: for a dairy lot reaching 10,000 shops that was most of its time.
 * Three queries per level; a lot made from itself (bad data) is met once.
 */
export async function walkRecallScope(
  db: Db,
  lotIds: readonly string[],
  maxDepth?: number,
): Promise<{ readonly lots: readonly Lot[]; readonly scope: RecallScope; readonly truncated: boolean }> {
  const walk = new LevelWalk<string>((id) => id, lotIds, maxDepth);
  const lots = new Map<string, Lot>();
  const held: { lotId: string; partyId: string; heldMilli: number }[] = [];
  const inTransit: { lotId: string; partyId: string; inTransitMilli: number }[] = [];
  for (let step = walk.current(); step; step = walk.current()) {
    const frontier = step.frontier;
    await loadLots(db, frontier, lots);
    const known = frontier.filter((id) => lots.has(id));
    const [stock, pending, outputs] = await Promise.all([
      holdingsOfLots(db, known),
      pendingLinesOfLots(db, known),
      outputsOfLots(db, known),
    ]);
    for (const h of stock) held.push({ lotId: h.lotId, partyId: h.partyId, heldMilli: h.quantityMilli });
    for (const p of pending) inTransit.push(p);
    walk.advance(outputs.map((o) => o.outputLotId));
  }
  const all = [...lots.values()];
  return {
    lots: all,
    scope: { lotIds: all.map((l) => l.id), tasks: scopeTasks(held, inTransit) },
    truncated: walk.truncated,
  };
}
