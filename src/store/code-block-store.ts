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
