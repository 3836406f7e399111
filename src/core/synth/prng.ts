/**
 * A small seeded pseudo-random generator (sfc32, from PractRand's test suite: 128-bit state, passes BigCrush) so that
 * a synthetic network is the same for the same seed — benchmarks compare like with like. Not for anything secret.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /**
   * A power-law (Pareto) integer ≥ min, capped: P(X ≥ x) = (min / x)^alpha. Supply-chain fan-out is heavy-tailed —
   * most lots reach a few buyers, a few (a dairy's) reach thousands.
   */
  pareto(min: number, alpha: number, cap: number): number {
    const x = min / (1 - this.next()) ** (1 / alpha);
    return Math.min(cap, Math.floor(x));
  }
}
