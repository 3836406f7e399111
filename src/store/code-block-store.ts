import type { Db } from "./schema.ts";

/** A reservation of consecutive codes: who got which range of a sequence, and when. */
export interface CodeBlock {
  readonly id: string;
  /** "trace-number", "party-code", "lot-code", "gtin", "serial". */
  readonly kind: string;
  readonly scope: string;
  readonly firstValue: number;
  readonly count: number;
  readonly partyId: string | null;
  readonly issuedAt: number;
  readonly issuedBy: string;
}

export async function insertCodeBlock(db: Db, block: CodeBlock): Promise<void> {
  await db.insertInto("codeBlocks").values(block).execute();
}

/** The block of `scope` that contains `value`, if any was issued. */
export async function findCodeBlock(db: Db, scope: string, value: number): Promise<CodeBlock | undefined> {
  const row = await db
    .selectFrom("codeBlocks")
    .selectAll()
    .where("scope", "=", scope)
    .where("firstValue", "<=", value)
    .orderBy("firstValue", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row || value >= Number(row.firstValue) + row.count) return undefined;
  return { ...row, firstValue: Number(row.firstValue), issuedAt: Number(row.issuedAt) };
}
