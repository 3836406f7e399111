import { randomFillSync } from "node:crypto";

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 12 bits `rand_a`, variant 10, 62 bits `rand_b`.
 * Monotonic within a process (RFC 9562 §6.2, method 1 "fixed bit-length dedicated counter"): `rand_a` is a counter
 * seeded at random below 2^11 at each new millisecond and incremented within it; on overflow the timestamp moves on
 * by one millisecond, so ids sort by creation even when thousands are made per millisecond. Random bytes come from a
 * pooled `randomFillSync` — one system call per 512 ids instead of one per id, which was 3 % of the supply-chain
 * benchmark.
 */
export function uuidV7Generator(now: () => number = Date.now): () => string {
  const pool = Buffer.alloc(8 * 512);
  let poolAt = pool.length;
  let lastMs = -1;
  let counter = 0;
  return () => {
    if (poolAt === pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    const r = pool.subarray(poolAt, poolAt + 8);
    poolAt += 8;
    let ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = (((r[6] as number) << 8) | (r[7] as number)) & 0x7ff;
    } else {
      ms = lastMs;
      counter++;
      if (counter > 0xfff) {
        lastMs = ++ms;
        counter = 0;
      }
    }
    const hex =
      ms.toString(16).padStart(12, "0") +
      (0x7000 | counter).toString(16) +
      (((0x80 | ((r[0] as number) & 0x3f)) << 8) | (r[1] as number)).toString(16).padStart(4, "0") +
      r.toString("hex", 2, 8);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}
