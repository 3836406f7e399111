/**
 * What a file really is, from its first bytes (never from the name or the type the client claims): the formats
 * papers arrive in — PDF (ISO 32000 §7.5.2 header), PNG (ISO/IEC 15948 signature), JPEG (SOI marker), WebP (RIFF).
 */
export type AcceptedMediaType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";

export function sniffMediaType(b: Uint8Array): AcceptedMediaType | undefined {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
    return "image/webp";
  return undefined;
}
