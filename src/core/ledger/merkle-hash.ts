/**
 * RFC 9162 §2.1.1 hashing with SHA-256: leaves and interior nodes are domain-separated by a one-byte prefix so
 * that a leaf can never be passed off as a node (second-preimage resistance of the tree).
 */
import { hash as nodeHashFn } from "node:crypto";

/** A SHA-256 hash: always 32 bytes. Treat as immutable. */
export type Hash = Uint8Array;

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export function sha256(data: Uint8Array): Hash {
  return nodeHashFn("sha256", data, "buffer");
}

/** MTH({}) = SHA-256() — the root of the empty tree (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** Leaf hash: SHA-256(0x00 || leaf input) (RFC 9162 §2.1.1). */
export function leafHash(leafInput: Uint8Array): Hash {
  const buffer = new Uint8Array(leafInput.length + 1);
  buffer[0] = LEAF_PREFIX;
  buffer.set(leafInput, 1);
  return sha256(buffer);
}

// One scratch buffer for node hashing: single-threaded JS, and the digest is copied out by node:crypto.
const nodeScratch = new Uint8Array(1 + 2 * HASH_SIZE);
nodeScratch[0] = NODE_PREFIX;

/** Interior node hash: SHA-256(0x01 || left || right) (RFC 9162 §2.1.1). Both children must be 32 bytes. */
export function nodeHash(left: Hash, right: Hash): Hash {
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return sha256(nodeScratch);
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_SIZE;
}
