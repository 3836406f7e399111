/**
 * Test helper (imported only by *.test.ts and the bench): reads the event hash ID vectors of
 * conformance/epcis/hash (see its README). Tests may do I/O; core code never imports this file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnyEpcisDocument } from "../../src/core/epcis/epcis-types.ts";
import type { ContextLibrary } from "../../src/core/epcis/hash/jsonld-context.ts";
import { conformanceDir } from "./shared-dir.ts";

export const EPCIS_CONFORMANCE_DIR = conformanceDir("epcis");
export const HASH_DIR = join(EPCIS_CONFORMANCE_DIR, "hash");

/** The offline copies of the remote contexts, keyed by the URL the documents reference. */
export function standardContexts(): ContextLibrary {
  const read = (file: string) => JSON.parse(readFileSync(join(HASH_DIR, "contexts", file), "utf8")) as unknown;
  return {
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld": read(
      "ref.gs1.org_standards_epcis_2.0.0_epcis-context.jsonld",
    ),
    "https://gs1.github.io/EPCIS/epcis-context.jsonld": read("gs1.github.io_EPCIS_epcis-context.jsonld"),
  };
}

export interface HashVector {
  /** Path relative to the conformance folder. */
  readonly name: string;
  readonly input: string;
  readonly format: "json" | "xml";
  readonly hashes: readonly string[];
  /** Empty when the vector has no .prehashes file. */
  readonly preHashes: readonly string[];
}

/** Input documents with expected outputs under `dir`; `expectedDir` maps an input path to its .hashes location. */
export function hashVectors(dir: string, expectedDir: (inputPath: string) => string = (p) => p): HashVector[] {
  return walk(dir)
    .filter((p) => /\.(jsonld|json|xml)$/.test(p))
    .flatMap((path) => {
      const base = expectedDir(path).replace(/\.(jsonld|json|xml)$/, "");
      if (!existsSync(`${base}.hashes`)) return [];
      return [
        {
          name: path.slice(EPCIS_CONFORMANCE_DIR.length + 1),
          input: readFileSync(path, "utf8"),
          format: path.endsWith(".xml") ? ("xml" as const) : ("json" as const),
          hashes: lines(`${base}.hashes`),
          preHashes: existsSync(`${base}.prehashes`) ? lines(`${base}.prehashes`) : [],
        },
      ];
    });
}

export function parseDocument(text: string): AnyEpcisDocument {
  return JSON.parse(text) as AnyEpcisDocument;
}

export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "");
}
