/**
 * Addresses of full subtrees in an RFC 9162 Merkle tree. Node (level, index) is the root of the perfect subtree
 * over leaves [index·2^level, (index+1)·2^level); level 0 nodes are the leaf hashes. Only full subtrees are ever
 * stored (they never change once complete), which is what makes a log append-only storage (C2SP tlog-tiles).
 *
 * Sizes and indexes are JavaScript safe integers (< 2^53); 32-bit bit operators are avoided on purpose.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export function nodeId(level: number, index: number): NodeId {
  return { level, index };
}

/** 2^level as an exact double (level ≤ 53). */
export function pow2(level: number): number {
  return 2 ** level;
}

/** Number of bits needed to write `x` (0 for 0); exact for all safe integers, unlike Math.log2. */
export function bitLength(x: number): number {
  if (x < 0x1_0000_0000) return 32 - Math.clz32(x);
  return 64 - Math.clz32(Math.floor(x / 0x1_0000_0000));
}

/** Number of trailing zero bits of a positive safe integer. */
export function trailingZeros(x: number): number {
  const low = x % 0x1_0000_0000;
  if (low !== 0) return 31 - Math.clz32(low & -low);
  const high = Math.floor(x / 0x1_0000_0000);
  return 32 + 31 - Math.clz32(high & -high);
}

/**
 * The full subtrees that exactly cover leaves [begin, end), left to right, each as large as alignment allows
 * (the "compact range" of the range). For [0, n) this is the decomposition of n into powers of two, largest first.
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = begin;
  while (at < end) {
    const alignment = at === 0 ? 64 : trailingZeros(at);
    const level = Math.min(alignment, bitLength(end - at) - 1);
    const width = pow2(level);
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
}
