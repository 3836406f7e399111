/**
 * A cursor over the digits of a North American coupon code (AIs 8110, 8112) that produces the reference
 * linters' errors and highlights: a missing or truncated field with nothing left marks the whole data,
 * a partly present field marks what is there, an invalid indicator marks that digit.
 */
import type { GcpLookup, LintFailure } from "./lint-result.ts";
import { fail } from "./lint-result.ts";

export class CouponReader {
  pos = 0;
  failure: LintFailure | undefined;

  constructor(
    readonly data: string,
    readonly gcpLookup: GcpLookup | undefined,
  ) {}

  get done(): boolean {
    return this.failure !== undefined;
  }

  get atEnd(): boolean {
    return this.pos >= this.data.length;
  }

  peek(): number {
    return this.data.charCodeAt(this.pos) - 48;
  }

  private stop(error: string, offset: number, length: number): undefined {
    this.failure ??= fail(error, offset, length);
    return undefined;
  }

  /** One digit that must be present and, if `valid` is given, one of its values. */
  digit(missing: string, invalid?: string, valid?: (d: number) => boolean): number | undefined {
    if (this.done) return undefined;
    if (this.atEnd) return this.stop(missing, 0, this.data.length);
    const d = this.peek();
    if (valid && !valid(d)) return this.stop(invalid ?? missing, this.pos, 1);
    this.pos++;
    return d;
  }

  /** A fixed-length field. */
  field(length: number, truncated: string): string | undefined {
    if (this.done) return undefined;
    const left = this.data.length - this.pos;
    if (left < length)
      return left === 0 ? this.stop(truncated, 0, this.data.length) : this.stop(truncated, this.pos, left);
    const value = this.data.slice(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  /** A GS1 Company Prefix field, checked against the configured lookup when there is one. */
  gcp(length: number, truncated: string): void {
    const start = this.pos;
    const value = this.field(length, truncated);
    if (value === undefined || value === "" || !this.gcpLookup) return;
    const verdict = this.gcpLookup(value);
    if (verdict === "invalid") this.stop("invalid-gcp-prefix", start, length);
    else if (verdict === "offline") this.stop("gcp-datasource-offline", start, length);
  }

  /** Fails with `error` when data is left over. */
  finish(): LintFailure | undefined {
    if (!this.done && !this.atEnd) this.stop("coupon-excess-data", this.pos, this.data.length - this.pos);
    return this.failure;
  }

  failWith(error: string, offset: number, length: number): void {
    this.stop(error, offset, length);
  }
}
