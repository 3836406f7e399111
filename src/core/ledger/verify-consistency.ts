/** Consistency proof verification, RFC 9162 §2.1.4.2, step by step. */
import { bytesEqual } from "./encoding.ts";
import { type Hash, isHash, nodeHash } from "./merkle-hash.ts";
import { bitLength, trailingZeros } from "./node-id.ts";
import { type Check, fail, passed } from "./result.ts";

const half = (x: number): number => Math.floor(x / 2);
const odd = (x: number): boolean => x % 2 === 1;
const isPowerOfTwo = (x: number): boolean => x > 0 && trailingZeros(x) === bitLength(x) - 1;

/**
 * Checks that the tree of `size1` leaves with root `root1` is a prefix of the tree of `size2` leaves with root
 * `root2`. Stricter than the RFC text in two documented ways, both as transparency-dev/merkle does:
 * size1 = 0 always fails (nothing is proved, so a proof "from the empty tree" is refused outright), and every
 * hash must be 32 bytes (so 12-byte dummy roots with equal sizes are refused: merkle-probes
 * consistency/additional/sizes-are-equal-one-and-proof-is-empty.json is an expected deviation).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Hash,
  root2: Hash,
  proof: readonly Hash[],
): Check {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) {
    return fail("out-of-range", `no consistency from size ${size1} to size ${size2}`);
  }
  if (!isHash(root1) || !isHash(root2)) return fail("bad-hash-length", "a root hash is not 32 bytes");
  if (!proof.every(isHash)) return fail("bad-hash-length", "a proof hash is not 32 bytes");
  if (size1 === 0) return fail("out-of-range", "a consistency proof from the empty tree proves nothing");
  if (size1 === size2) {
    // §2.1.4.1: PROOF(m, D[m]) is empty; the two trees are the same tree.
    if (proof.length !== 0) return fail("proof-mismatch", "equal sizes need an empty proof");
    if (!bytesEqual(root1, root2)) return fail("proof-mismatch", "equal sizes but different roots");
    return passed;
  }
  // Step 1.
  if (proof.length === 0) return fail("proof-mismatch", "the consistency proof is empty");
  // Step 2: when size1 is a power of two the old root is itself the first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // Steps 3–4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0] as Hash;
  let sr = fr;
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Hash;
    if (sn === 0) return fail("proof-mismatch", "the consistency proof is too long");
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) return fail("proof-mismatch", "the consistency proof is too short");
  if (!bytesEqual(fr, root1)) return fail("proof-mismatch", "the consistency proof does not lead to the old root");
  if (!bytesEqual(sr, root2)) return fail("proof-mismatch", "the consistency proof does not lead to the new root");
  return passed;
}
