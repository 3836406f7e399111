/** Behaviour of the public hash functions beyond the vectors: every event type, options, XML parsing. */
import { describe, expect, it } from "vitest";
import type { AssociationEvent, ObjectEvent } from "../epcis-types.ts";
import { eventHashId, eventPreHashString, hashIdFromPreHash, xmlDocumentPreHashStrings } from "./event-hash-id.ts";
import { ContextMissingError } from "./jsonld-context.ts";
import { parseXml, XmlSyntaxError } from "./xml-parser.ts";

// A context library with just the terms these tests use, standing in for the standard EPCIS context.
const contexts = {
  "https://example.org/epcis-context.jsonld": {
    "@context": {
      cbv: "https://ref.gs1.org/cbv/",
      type: "@type",
      bizStep: { "@id": "epcis:bizStep", "@type": "@vocab", "@context": { receiving: "cbv:BizStep-receiving" } },
    },
  },
};
const context = ["https://example.org/epcis-context.jsonld", { example: "https://ns.example.com/epcis/" }];

const object: ObjectEvent = {
  type: "ObjectEvent",
  eventID: "ni:///sha-256;00?ver=CBV2.0",
  recordTime: "2024-01-01T00:00:00Z",
  eventTime: "2024-05-01T08:00:00+08:00",
  eventTimeZoneOffset: "+08:00",
  epcList: ["urn:epc:id:sgtin:6901234.012345.A1", "urn:epc:id:sgtin:6901234.012345.A0"],
  action: "OBSERVE",
  bizStep: "receiving",
  readPoint: { id: "urn:epc:id:sgln:6901234.00001.0" },
  "example:batchNote": "一品一码",
  errorDeclaration: { declarationTime: "2024-05-02T00:00:00Z", reason: "incorrect_data" },
};

describe("eventPreHashString", () => {
  it("writes fields in canonical order, sorted lists, expanded vocabulary and extensions last", () => {
    expect(eventPreHashString(object, { context, contexts })).toBe(
      "eventType=ObjectEventeventTime=2024-05-01T00:00:00.000ZeventTimeZoneOffset=+08:00" +
        "epcListepc=https://id.gs1.org/01/06901234123456/21/A0epc=https://id.gs1.org/01/06901234123456/21/A1" +
        "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-receiving" +
        "readPointid=https://id.gs1.org/414/6901234000016{https://ns.example.com/epcis/}batchNote=一品一码",
    );
  });

  it("ignores eventID, recordTime and errorDeclaration, and further fields on request", () => {
    const { eventID, recordTime, errorDeclaration, ...bare } = object;
    expect(eventHashId(object, { context, contexts })).toBe(eventHashId(bare as ObjectEvent, { context, contexts }));
    expect(
      eventPreHashString(object, { context, contexts, ignoreFields: ["{https://ns.example.com/epcis/}batchNote"] }),
    ).not.toContain("batchNote");
  });

  it("hashes an AssociationEvent", () => {
    const association: AssociationEvent = {
      type: "AssociationEvent",
      eventTime: "2024-05-01T08:00:00Z",
      eventTimeZoneOffset: "+00:00",
      parentID: "urn:epc:id:grai:4012345.55555.987",
      childEPCs: ["urn:epc:id:giai:4000001.12345"],
      action: "ADD",
    };
    expect(eventPreHashString(association)).toBe(
      "eventType=AssociationEventeventTime=2024-05-01T08:00:00.000ZeventTimeZoneOffset=+00:00" +
        "parentID=https://id.gs1.org/8003/04012345555554987childEPCsepc=https://id.gs1.org/8004/400000112345action=ADD",
    );
  });

  it("needs remote contexts as data and says which one is missing", () => {
    expect(() => eventPreHashString(object, { context })).toThrow(ContextMissingError);
  });
});

describe("hash IDs", () => {
  it("names the algorithm in the ni URI (RFC 6920)", () => {
    expect(hashIdFromPreHash("abc")).toBe(
      "ni:///sha-256;ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad?ver=CBV2.0",
    );
    expect(hashIdFromPreHash("abc", "sha-384")).toMatch(/^ni:\/\/\/sha-384;[0-9a-f]{96}\?ver=CBV2\.0$/);
  });
});

describe("XML", () => {
  it("reads namespaces, attributes, entities and CDATA", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a:r xmlns:a="urn:a" x="1 &amp; 2"><b>t&lt;<![CDATA[<c>]]></b><a:d/></a:r>`,
    );
    expect(root.name).toBe("{urn:a}r");
    expect(root.attributes).toEqual([["x", "1 & 2"]]);
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ["b", "t<<c>"],
      ["{urn:a}d", ""],
    ]);
  });

  it("rejects broken documents", () => {
    expect(() => parseXml("<a><b></a")).toThrow(XmlSyntaxError);
    expect(() => parseXml("<x:a/>")).toThrow(XmlSyntaxError);
  });

  it("hashes an EPCIS 1.2 document with extension wrappers like the 2.0 form", () => {
    const v12 = `<EPCISDocument><EPCISBody><EventList><extension><TransformationEvent>
      <eventTime>2024-05-01T08:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
      <inputEPCList><epc>urn:epc:id:sgtin:4012345.011111.1</epc></inputEPCList></TransformationEvent></extension>
      </EventList></EPCISBody></EPCISDocument>`;
    const v20 = v12.replace("<extension>", "").replace("</extension>", "");
    expect(xmlDocumentPreHashStrings(v12)).toEqual(xmlDocumentPreHashStrings(v20));
  });
});
