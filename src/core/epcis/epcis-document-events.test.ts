import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EPCIS_CONFORMANCE_DIR, walk } from "../../../test/conformance/epcis-hash-vectors.ts";
import { flattenEpcisDocument } from "./epcis-document-events.ts";
import type { AnyEpcisDocument } from "./epcis-types.ts";

const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as AnyEpcisDocument;
const examples = join(EPCIS_CONFORMANCE_DIR, "gs1-epcis", "JSON");

describe("flattenEpcisDocument", () => {
  it("takes the events, context and header of a capture document", () => {
    const flat = flattenEpcisDocument(read(join(examples, "Example_9.6.1-ObjectEvent.jsonld")));
    expect(flat.kind).toBe("EPCISDocument");
    expect(flat.header).toMatchObject({ schemaVersion: "2.0", creationDate: "2005-07-11T11:30:47.0Z" });
    expect(flat.events.map((e) => e.type)).toEqual(["ObjectEvent", "ObjectEvent"]);
    expect(flat.context).toContain("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
  });

  it("takes the events of a query document with its query name", () => {
    const flat = flattenEpcisDocument(read(join(examples, "EPCISQueryDocument.jsonld")));
    expect(flat.kind).toBe("EPCISQueryDocument");
    expect(flat.header.queryName).toBe("SimpleEventQuery");
    expect(flat.events.length).toBeGreaterThan(0);
  });

  it("keeps document-level extensions and a single-event body", () => {
    const flat = flattenEpcisDocument({
      "@context": [],
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: "2024-01-01T00:00:00Z",
      "example:batch": "B1",
      epcisBody: { event: { type: "ObjectEvent", action: "ADD", eventTime: "x", eventTimeZoneOffset: "+08:00" } },
    });
    expect(flat.header.extensions).toEqual({ "example:batch": "B1" });
    expect(flat.events).toHaveLength(1);
  });

  it("finds events in every GS1 example", () => {
    for (const path of walk(examples).filter((p) => p.endsWith(".jsonld"))) {
      expect(flattenEpcisDocument(read(path)).events.length, path).toBeGreaterThan(0);
    }
  });
});
