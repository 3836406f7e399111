/**
 * Serial numbers for serialized items (一物一码, AI 21): 12 characters of 0-9 A-Z drawn from a cryptographic random
 * source (≈ 62 bits), so one serial says nothing about the next — a counterfeiter holding a pack cannot guess the
 * codes of others. Uniqueness is enforced by the store. Core stays pure: the random bytes are an argument.
 */
export const SERIAL_LENGTH = 12;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Maps random bytes to a serial; rejection sampling keeps every character uniform (no modulo bias). */
export function serialFromRandom(bytes: Uint8Array, length = SERIAL_LENGTH): string | undefined {
  let out = "";
  for (const b of bytes) {
    if (b >= 252) continue; // 252 = 7 × 36: bytes above would bias the low characters
    out += ALPHABET[b % 36];
    if (out.length === length) return out;
  }
  return undefined;
}
