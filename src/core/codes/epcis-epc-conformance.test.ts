import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { conformanceDir } from "../../../test/conformance/shared-dir.ts";
import { composeTraceNumber } from "./trace-number.ts";

// Our codes must be usable as EPCs in EPCIS 2.0 documents, checked against GS1's own JSON schema.
describe("platform codes as EPCIS 2.0 EPCs", () => {
  const schema = JSON.parse(readFileSync(join(conformanceDir("epcis"), "gs1-epcis/EPCIS-JSON-Schema.json"), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  const document = (epcList: string[]) => ({
    "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2026-11-23T08:00:00.000+08:00",
    epcisBody: {
      eventList: [
        {
          type: "ObjectEvent",
          eventTime: "2026-11-23T08:00:00.000+08:00",
          eventTimeZoneOffset: "+08:00",
          epcList,
          action: "ADD",
          bizStep: "commissioning",
        },
      ],
    },
  });

  it("accepts trace numbers and serialized Digital Links in epcList", () => {
    const code = composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 1 });
    const ok = validate(
      document([`https://trace.example.cn/t/${code}`, "https://trace.example.cn/01/09520123456788/21/7Q2K9X4M1A0B"]),
    );
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("is a schema that can fail: a non-URI EPC is rejected", () => {
    expect(validate(document(["not a uri"]))).toBe(false);
  });
});
