import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderStandardContext } from "../../../../scripts/gen-standard-context.ts";
import { conformanceDir } from "../../../../test/conformance/shared-dir.ts";
import { eventHashId } from "../hash/event-hash-id.ts";
import { platformContext, standardContexts } from "./platform-context.ts";
import {
  commissioningEvent,
  endOfChainEvent,
  type LotData,
  receivingEvent,
  rejectionEvent,
  shippingEvent,
  transformationEvent,
} from "./supply-events.ts";

const schemaDir = conformanceDir("epcis");
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, "gs1-epcis/EPCIS-JSON-Schema.json"), "utf8")));

const base = "https://trace.example.cn";
const farm = { gln: null, partyCode: "3501210000000150" };
const dairy = { gln: "6901234000016", partyCode: null };
const c = { base, at: Date.UTC(2026, 10, 23, 2), recordedBy: farm };
const lot: LotData = {
  traceKey: "t/3501212611230001PB",
  unit: "kg",
  lotCode: "261123-001",
  productionDate: "2026-11-23",
  expiryDate: "2026-11-27",
  originRegion: "350121",
  originPlace: "南屿镇",
  quantityMilli: 1_000_500,
};
const boxes = { traceKey: "01/06901234000054/10/L1", unit: "box" as const };
const voucherUrl = `${base}/v/3501212611230002XX`;

const built = {
  commissioning: commissioningEvent({ ...c, lot }),
  transformation: transformationEvent({ ...c, lot, inputs: [{ lot: boxes, quantityMilli: 3000 }] }),
  shippingToParty: shippingEvent({ ...c, voucherUrl, to: { party: dairy }, lines: [{ lot, quantityMilli: 600_000 }] }),
  shippingOffPlatform: shippingEvent({
    ...c,
    voucherUrl,
    to: { offPlatform: { name: "某饭店", creditCode: null } },
    lines: [{ lot, quantityMilli: 1000 }],
  }),
  shippingToConsumers: shippingEvent({
    ...c,
    voucherUrl,
    to: { consumers: true },
    lines: [{ lot, quantityMilli: 1000 }],
  }),
  receiving: receivingEvent({
    ...c,
    recordedBy: dairy,
    voucherUrl,
    shipper: farm,
    lines: [{ lot, quantityMilli: 590_000 }],
  }),
  rejection: rejectionEvent({
    ...c,
    recordedBy: dairy,
    voucherUrl,
    shipper: farm,
    reason: "发黄",
    lines: [{ lot, quantityMilli: 600_000 }],
  }),
  sale: endOfChainEvent({ ...c, kind: "retail_sale", line: { lot, quantityMilli: 1 }, reason: null }),
  destruction: endOfChainEvent({ ...c, kind: "destruction", line: { lot, quantityMilli: 1 }, reason: "过期" }),
};

describe("EPCIS events of platform actions", () => {
  it.each(Object.entries(built))("%s is valid against GS1's EPCIS 2.0 JSON schema", (_name, b) => {
    const doc = {
      "@context": platformContext,
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: "2026-11-23T10:00:00.000+08:00",
      epcisBody: { eventList: [b.event] },
    };
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("carries its own event hash ID, which changes with any field", () => {
    for (const b of Object.values(built)) {
      const { eventID, ...rest } = b.event as { eventID: string };
      expect(eventID).toBe(b.eventId);
      expect(eventHashId(rest, { context: platformContext, contexts: standardContexts })).toBe(b.eventId);
    }
    expect(commissioningEvent({ ...c, lot }).eventId).toBe(built.commissioning.eventId);
    expect(commissioningEvent({ ...c, lot: { ...lot, quantityMilli: 1 } }).eventId).not.toBe(
      built.commissioning.eventId,
    );
    expect(new Set(Object.values(built).map((b) => b.eventId)).size).toBe(Object.keys(built).length);
  });

  it("names lots and parties by Digital Link on the resolver, with UN/ECE units for measures only", () => {
    const e = built.shippingToParty.event as {
      quantityList: unknown[];
      destinationList: { destination: string }[];
      bizTransactionList: unknown[];
    };
    expect(e.quantityList).toEqual([{ epcClass: `${base}/${lot.traceKey}`, quantity: 600, uom: "KGM" }]);
    expect(e.destinationList[0]?.destination).toBe(`${base}/414/6901234000016`);
    expect(e.bizTransactionList).toEqual([{ type: "desadv", bizTransaction: voucherUrl }]);
    const t = built.transformation.event as { inputQuantityList: unknown[] };
    expect(t.inputQuantityList).toEqual([{ epcClass: `${base}/${boxes.traceKey}`, quantity: 3 }]);
  });

  it("keeps the vendored standard context current with its generator", () => {
    const source = readFileSync(
      join(schemaDir, "hash/contexts/ref.gs1.org_standards_epcis_2.0.0_epcis-context.jsonld"),
      "utf8",
    );
    const committed = readFileSync(new URL("./standard-context.generated.ts", import.meta.url), "utf8");
    expect(committed).toBe(renderStandardContext(source));
  });
});
