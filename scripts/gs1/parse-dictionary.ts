/**
 * Parser for the GS1 Barcode Syntax Dictionary text format (see the header of gs1-syntax-dictionary.txt):
 * `AIs [Flags] Specification [Attributes...] [# Title]`, one entry per line, AI ranges like "3100-3105".
 */
import type { AiComponent, AiEntry, CharSet, RequisiteGroup } from "../../src/core/gs1/ai-entry.ts";

const FLAG_CHARS = "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~";
const COMPONENT = /^(\[)?([NXYZ])(\d+|\.\.\d+)(\])?((?:,[a-z0-9]+)*)$/;

export class DictionaryError extends Error {}

export function parseDictionary(text: string): AiEntry[] {
  const entries: AiEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    try {
      entries.push(...parseLine(line));
    } catch (e) {
      throw new DictionaryError(`line ${index + 1}: ${(e as Error).message}: ${line}`);
    }
  });
  return entries;
}

function parseLine(line: string): AiEntry[] {
  const hash = line.indexOf("#");
  const title = hash >= 0 ? line.slice(hash + 1).trim() : "";
  const tokens = (hash >= 0 ? line.slice(0, hash) : line).trim().split(/\s+/);
  const range = tokens.shift() ?? "";
  let flags = "";
  if (tokens[0] !== undefined && [...tokens[0]].every((c) => FLAG_CHARS.includes(c))) flags = tokens.shift() ?? "";

  const components: AiComponent[] = [];
  while (tokens[0] !== undefined && COMPONENT.test(tokens[0])) components.push(parseComponent(tokens.shift() ?? ""));
  if (components.length === 0) throw new Error("no specification");

  const req: RequisiteGroup[] = [];
  const ex: string[] = [];
  let dlpkey: string[][] | undefined;
  for (const token of tokens) {
    const [key, value] = token.split("=", 2) as [string, string | undefined];
    if (key === "req" && value) req.push(value.split(",").map((alt) => alt.split("+")));
    else if (key === "ex" && value) ex.push(...value.split(","));
    else if (key === "dlpkey") dlpkey = value ? value.split("|").map((seq) => seq.split(",")) : [[]];
    else throw new Error(`unknown attribute ${token}`);
  }

  let minLength = 0;
  let maxLength = 0;
  for (const c of components) {
    if (!c.optional) minLength += c.min;
    maxLength += c.max;
  }
  return expandRange(range).map((ai) => ({
    ai,
    fnc1: !flags.includes("*"),
    dlAttr: flags.includes("?"),
    components,
    minLength,
    maxLength,
    req,
    ex,
    dlpkey,
    title,
  }));
}

function parseComponent(token: string): AiComponent {
  const m = COMPONENT.exec(token);
  if (!m) throw new Error(`bad component ${token}`);
  const [, open, cset, len, close, linters] = m;
  if (Boolean(open) !== Boolean(close)) throw new Error(`unbalanced brackets in ${token}`);
  const variable = (len ?? "").startsWith("..");
  const n = Number((len ?? "").replace("..", ""));
  return {
    cset: cset as CharSet,
    min: variable ? 1 : n,
    max: n,
    optional: Boolean(open),
    linters: (linters ?? "").split(",").filter((l) => l !== ""),
  };
}

function expandRange(range: string): string[] {
  const m = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(range);
  if (!m) throw new Error(`bad AI ${range}`);
  const from = m[1] as string;
  const to = m[2];
  if (to === undefined) return [from];
  if (to.length !== from.length || Number(to) < Number(from)) throw new Error(`bad range ${range}`);
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, "0"));
  return out;
}
