import { holdingKey } from "./trace-model.ts";

/**
 * The bookkeeping of a level-by-level (breadth-first) walk, without I/O: the store is asked once per level for
 * the whole frontier, and this keeps the visited set, so a holding reached by two paths (a diamond) is expanded
 * once and a cycle in bad data ends the walk instead of looping. Depth-limited as a last guard.
 */
export interface WalkStep<T> {
  readonly depth: number;
  readonly frontier: readonly T[];
}

export class LevelWalk<T> {
  readonly #seen = new Map<string, number>();
  readonly #key: (item: T) => string;
  readonly maxDepth: number;
  #frontier: T[] = [];
  #depth = 0;
  #truncated = false;

  constructor(key: (item: T) => string, start: readonly T[], maxDepth = 64) {
    this.#key = key;
    this.maxDepth = maxDepth;
    this.#frontier = this.#admit(start, 0);
  }

  /** The current level, or undefined when the walk is over. */
  current(): WalkStep<T> | undefined {
    return this.#frontier.length > 0 ? { depth: this.#depth, frontier: this.#frontier } : undefined;
  }

  /** Offers the items found from the current level; those not seen before make the next level. */
  advance(found: readonly T[]): void {
    const next = this.#depth + 1;
    const fresh = this.#admit(found, next);
    if (next > this.maxDepth && fresh.length > 0) {
      this.#truncated = true;
      this.#frontier = [];
      return;
    }
    this.#depth = fresh.length > 0 ? next : this.#depth;
    this.#frontier = fresh;
  }

  depthOf(key: string): number | undefined {
    return this.#seen.get(key);
  }

  get depth(): number {
    return this.#depth;
  }

  get truncated(): boolean {
    return this.#truncated;
  }

  #admit(items: readonly T[], depth: number): T[] {
    const fresh: T[] = [];
    for (const item of items) {
      const k = this.#key(item);
      if (this.#seen.has(k)) continue;
      this.#seen.set(k, depth);
      fresh.push(item);
    }
    return fresh;
  }
}

/** A holding to walk from: a lot at a party. */
export interface HoldingRef {
  readonly lotId: string;
  readonly partyId: string;
}

export const holdingRefKey = (h: HoldingRef) => holdingKey(h.lotId, h.partyId);
