import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The shared conformance material lives beside the repository (../shared), as on developers' machines and in CI.
 * SUYUAN_SHARED_DIR points elsewhere. Missing material fails the tests loudly: conformance is never skipped.
 */
export const SHARED_DIR =
  process.env.SUYUAN_SHARED_DIR ?? resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared");

export function conformanceDir(...parts: string[]): string {
  const dir = resolve(SHARED_DIR, "conformance", ...parts);
  if (!existsSync(dir)) throw new Error(`conformance material not found at ${dir}; set SUYUAN_SHARED_DIR`);
  return dir;
}
