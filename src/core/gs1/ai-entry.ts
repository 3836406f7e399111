/**
 * The shape of one Application Identifier as described by the GS1 Barcode Syntax Dictionary
 * (gs1-syntax-dictionary.txt, "Syntax: AIs [Flags] Specification [Attributes...] [# Title]").
 * The table itself is generated (ai-table.generated.ts); this file only names its parts.
 */

/** Character set of a component: N numeric, X CSET 82, Y CSET 39, Z CSET 64 (base64url). GenSpecs §7.11. */
export type CharSet = "N" | "X" | "Y" | "Z";

export interface AiComponent {
  readonly cset: CharSet;
  readonly min: number;
  readonly max: number;
  /** Optional components ("[N3]") may be absent once the data is exhausted. */
  readonly optional: boolean;
  /** Names of the reference linters applied to this component, in dictionary order. */
  readonly linters: readonly string[];
}

/**
 * One requisite group ("req=01+21,02"): satisfied when any alternative is fully present; an alternative is a
 * list of AI patterns that must all be present ("01+21"). A pattern may use "n" for any digit ("31nn").
 */
export type RequisiteGroup = readonly (readonly string[])[];

export interface AiEntry {
  readonly ai: string;
  /** False for the "*" flag: predefined length, no FNC1 separator needed after it (GenSpecs §7.8.5, Fig. 7.8.5-2). */
  readonly fnc1: boolean;
  /** "?" flag: may appear as a GS1 Digital Link data attribute in the query string (DL URI Syntax §4.4). */
  readonly dlAttr: boolean;
  readonly components: readonly AiComponent[];
  /** Sum of the minimum lengths of the mandatory components and of the maximum lengths of all components. */
  readonly minLength: number;
  readonly maxLength: number;
  /** Every group must be satisfied ("req=a req=b" means both). */
  readonly req: readonly RequisiteGroup[];
  /** Patterns of AIs this one may not be paired with. */
  readonly ex: readonly string[];
  /** Present when the AI is a Digital Link primary key: the alternative ordered qualifier sequences. */
  readonly dlpkey: readonly (readonly string[])[] | undefined;
  readonly title: string;
}
