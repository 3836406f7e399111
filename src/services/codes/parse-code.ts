import { type CodeDescription, describeCode } from "../../core/codes/describe-code.ts";
import type { Platform } from "../platform.ts";

/** Parses any code as scanned or typed, recognising this platform's own /t/ and /p/ codes. */
export function parseCode(platform: Pick<Platform, "settings">, text: string): CodeDescription {
  return describeCode(text, { resolverBase: platform.settings.publicBaseUrl });
}
