import { describe, expect, it } from "vitest";
import { escapeXml } from "./xml-escape.ts";

describe("escapeXml", () => {
  it.each([
    ["五常大米", "五常大米"],
    [`<script>alert("x")</script>`, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"],
    ["A&B 'C'", "A&amp;B &apos;C&apos;"],
    ["bad\u0000\u001b\ud800char", "badchar"],
    ["emoji 🍚 stays", "emoji 🍚 stays"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });
});
