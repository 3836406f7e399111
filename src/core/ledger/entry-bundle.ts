/**
 * Entry bundles of C2SP tlog-tiles v0.1.0 §Log entries: up to 256 entries, each a big-endian uint16 length
 * followed by that many bytes. Each entry hashes (RFC 9162 §2.1.1 leaf hash) to the matching level-0 tile hash.
 */
import { type Hash, leafHash } from "./merkle-hash.ts";
import { fail, ok, type Result } from "./result.ts";
import { TILE_WIDTH } from "./tile-path.ts";

export const MAX_ENTRY_SIZE = 0xffff;

export function parseEntryBundle(bytes: Uint8Array, expectedCount?: number): Result<Uint8Array[]> {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (entries.length === TILE_WIDTH) return fail("malformed", "an entry bundle holds at most 256 entries");
    if (at + 2 > bytes.length) return fail("malformed", "the entry bundle ends inside a length prefix");
    const length = ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
    at += 2;
    if (at + length > bytes.length) return fail("malformed", "the entry bundle ends inside an entry");
    entries.push(bytes.slice(at, at + length));
    at += length;
  }
  if (entries.length === 0) return fail("malformed", "an entry bundle is never empty");
  if (expectedCount !== undefined && entries.length !== expectedCount) {
    return fail("malformed", `expected ${expectedCount} entries, the bundle has ${entries.length}`);
  }
  return ok(entries);
}

export function formatEntryBundle(entries: readonly Uint8Array[]): Result<Uint8Array> {
  if (entries.length === 0 || entries.length > TILE_WIDTH) return fail("out-of-range", "a bundle has 1 to 256 entries");
  let total = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) return fail("out-of-range", `an entry is at most ${MAX_ENTRY_SIZE} bytes`);
    total += 2 + e.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out[at] = e.length >> 8;
    out[at + 1] = e.length & 0xff;
    out.set(e, at + 2);
    at += 2 + e.length;
  }
  return ok(out);
}

/** The leaf hashes of a bundle's entries, i.e. the expected level-0 tile. */
export function bundleLeafHashes(entries: readonly Uint8Array[]): Hash[] {
  return entries.map(leafHash);
}
