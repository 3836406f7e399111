import { describe, expect, it } from "vitest";
import { LotPageCache, TOKEN_MARKER } from "./lot-page-cache.ts";

const page = (text: string) => `<p>${text}</p><input name="t" value="${TOKEN_MARKER}">`;

describe("rendered lot pages", () => {
  it("serves a page with the current token in the marker's place, as UTF-8", () => {
    const cache = new LotPageCache();
    cache.set("k", "{}", "2026-11-23", page("上海青"));
    const body = cache.get("k", "{}", "2026-11-23", Buffer.from("tok1"));
    expect(body?.toString()).toBe('<p>上海青</p><input name="t" value="tok1">');
    expect(cache.get("k", "{}", "2026-11-23", Buffer.from("tok2"))?.toString()).toContain('value="tok2"');
  });

  it("never serves a page of another record text or another day", () => {
    const cache = new LotPageCache();
    cache.set("k", '{"recall":null}', "2026-11-23", page("a"));
    expect(cache.get("k", '{"recall":{}}', "2026-11-23", Buffer.from("t"))).toBeUndefined();
    expect(cache.get("k", '{"recall":null}', "2026-11-24", Buffer.from("t"))).toBeUndefined();
  });

  it("keeps within its byte bound, dropping the oldest pages first", () => {
    const one = Buffer.byteLength(page("x".repeat(100))) - TOKEN_MARKER.length + 2;
    const cache = new LotPageCache(3 * one);
    for (const k of ["a", "b", "c", "d"]) cache.set(k, "{}", "d", page("x".repeat(100)));
    expect(cache.get("a", "{}", "d", Buffer.from("t"))).toBeUndefined();
    for (const k of ["b", "c", "d"]) expect(cache.get(k, "{}", "d", Buffer.from("t"))).toBeDefined();
  });
});
