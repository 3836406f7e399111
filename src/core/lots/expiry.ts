/**
 * Expiry rules on ILMD itemExpirationDate. A lot is usable through its expiry date and expired from the next
 * calendar day (China Standard Time): 过期阻断 blocks shipping and sale from then on.
 */
export function isExpired(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && expiryDate < today;
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Expiry from shelf life: the product keeps for `shelfLifeDays` days counted from the production date, so the
 * last good day is production date + shelf life − 1 (GB 7718 §3: 保质期 counts the production day).
 */
export function expiryFromShelfLife(productionDate: string, shelfLifeDays: number): string {
  return addDays(productionDate, shelfLifeDays - 1);
}
