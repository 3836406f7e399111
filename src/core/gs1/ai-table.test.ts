import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderAiTable } from "../../../scripts/gs1/render-ai-table.ts";
import { CONFORMANCE_DIR } from "../../../test/conformance/gs1-vectors.ts";
import { aiEntry } from "./ai-dictionary.ts";
import { AI_TABLE } from "./ai-table.generated.ts";

describe("generated AI table", () => {
  it("is current with the dictionary (regenerate: node --import tsx scripts/gen-ai-table.ts)", () => {
    const dictionary = readFileSync(resolve(CONFORMANCE_DIR, "gs1-syntax-dictionary.txt"), "utf8");
    const committed = readFileSync(new URL("./ai-table.generated.ts", import.meta.url), "utf8");
    expect(renderAiTable(dictionary)).toBe(committed);
  });

  it("expands ranges and keeps the dictionary's attributes", () => {
    expect(AI_TABLE.filter((e) => e.ai.startsWith("310")).map((e) => e.ai)).toEqual([
      "3100",
      "3101",
      "3102",
      "3103",
      "3104",
      "3105",
    ]);
    expect(aiEntry("01")).toMatchObject({ fnc1: false, dlAttr: true, dlpkey: [["22", "10", "21"], ["235"]] });
    expect(aiEntry("10")).toMatchObject({
      fnc1: true,
      minLength: 1,
      maxLength: 20,
      req: [[["01"], ["02"], ["03"], ["8006"], ["8026"]]],
    });
    expect(aiEntry("8013")?.components[0]?.linters).toEqual(["csumalpha", "gcppos1"]);
    expect(aiEntry("423")?.components.map((c) => c.optional)).toEqual([false, true, true, true, true]);
    expect(aiEntry("7040")?.dlAttr).toBe(false);
  });
});
