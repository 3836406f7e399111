/**
 * Units a lot is counted in. Measures may have decimals (2.5 kg); pack counts are whole (3 boxes).
 * The EPCIS mapping of each unit (UN/ECE Rec 20) lives in core/epcis/platform-events.
 */
export const measureUnits = ["kg", "g", "t", "L", "mL"] as const;
export const countUnits = [
  "piece",
  "box",
  "bag",
  "bottle",
  "can",
  "carton",
  "crate",
  "tray",
  "head",
  "case",
  "barrel",
  "pack",
] as const;
export const units = [...measureUnits, ...countUnits] as const;
export type Unit = (typeof units)[number];

export function isUnit(u: string): u is Unit {
  return (units as readonly string[]).includes(u);
}
