/** Inclusion proof verification, RFC 9162 §2.1.3.2, step by step. */
import { bytesEqual } from "./encoding.ts";
import { type Hash, isHash, nodeHash } from "./merkle-hash.ts";
import { type Check, fail, ok, passed, type Result } from "./result.ts";

const half = (x: number): number => Math.floor(x / 2);
const odd = (x: number): boolean => x % 2 === 1;

/**
 * Recomputes the root implied by an inclusion proof. Every hash must be 32 bytes: a verifier that accepted
 * shorter values would accept the empty "hashes" some probes use (merkle-probes inclusion/single-entry).
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Hash,
  proof: readonly Hash[],
): Result<Hash> {
  if (!Number.isSafeInteger(size) || !Number.isSafeInteger(index) || index < 0) {
    return fail("out-of-range", `leaf index ${index} / tree size ${size} are not valid`);
  }
  // Step 1: the index must be strictly inside the tree (not just ≤ size).
  if (index >= size) return fail("out-of-range", `leaf index ${index} is not in a tree of size ${size}`);
  if (!isHash(leafHash)) return fail("bad-hash-length", "the leaf hash is not 32 bytes");
  if (!proof.every(isHash)) return fail("bad-hash-length", "a proof hash is not 32 bytes");
  // Steps 2–4.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail("proof-mismatch", "the inclusion proof is longer than the tree is deep");
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5 (first half): the path must reach the root.
  if (sn !== 0) return fail("proof-mismatch", "the inclusion proof is shorter than the tree is deep");
  return ok(r);
}

export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
): Check {
  if (!isHash(root)) return fail("bad-hash-length", "the root hash is not 32 bytes");
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  if (!computed.ok) return computed;
  if (!bytesEqual(computed.value, root)) return fail("proof-mismatch", "the inclusion proof leads to a different root");
  return passed;
}
