/** Value canonicalisation of the event hash algorithm (CBV 2.0 §8.9.2): timestamps, numbers, GS1 keys, vocabulary. */
import { describe, expect, it } from "vitest";
import { canonicalGs1Uri } from "./epc-canonical.ts";
import { canonicalHashNumber } from "./hash-number.ts";
import { normaliseHashTimestamp } from "./hash-timestamp.ts";
import { canonicalHashValue } from "./hash-value.ts";

describe("hash timestamps", () => {
  it.each([
    ["2019-10-21T14:45:00Z", "2019-10-21T14:45:00.000Z"],
    ["2005-04-04T20:33:31.116-06:00", "2005-04-05T02:33:31.116Z"],
    ["2022-02-15T01:33:31.116000-06:00", "2022-02-15T07:33:31.116Z"],
    ["2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z"],
    ["2023-02-02T11:04:03.1414Z", "2023-02-02T11:04:03.141Z"],
    ["2023-02-02T11:04:03.1425Z", "2023-02-02T11:04:03.142Z"], // half to even, as Python's round()
    ["2023-12-31T23:59:59.9996Z", "2024-01-01T00:00:00.000Z"], // carried, where the reference would fail
    ["2020-01-14T00:00:00.000+01:00", "2020-01-13T23:00:00.000Z"],
    ["2020-01-14T00:00:00+0530", "2020-01-13T18:30:00.000Z"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseHashTimestamp(input)).toBe(expected);
  });

  it("leaves non-timestamps alone", () => {
    expect(normaliseHashTimestamp("yesterday")).toBeUndefined();
  });
});

describe("hash numbers", () => {
  it.each([
    ["452.0", "452"],
    ["+012.50", "12.5"],
    ["0.1", "0.1"],
    ["1_000", "1000"],
    ["0.00001", "1e-05"],
    ["1e3", "1000"],
    ["-0.0", "0"],
    ["12345678901234567890", "12345678901234567168"],
    ["0614141", "614141"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalHashNumber(input)).toBe(expected);
  });

  it.each(["+01:00", "2019-10-21", "nan", "inf", "1__0", "", "KGM"])("%s is not a number", (input) => {
    expect(canonicalHashNumber(input)).toBeUndefined();
  });
});

describe("GS1 keys to canonical Digital Link", () => {
  // The epclist_normalisation vector of the reference implementation, one scheme per row.
  it.each([
    ["urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/04012345111118/21/9876"],
    [
      "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
      "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29",
    ],
    ["urn:epc:id:sgtin:415056789012.0.987654", "https://id.gs1.org/01/04150567890128/21/987654"],
    ["urn:epc:id:sscc:4012345.3111111111", "https://id.gs1.org/00/340123451111111111"],
    ["urn:epc:id:sgln:4012345.00005.122", "https://id.gs1.org/414/4012345000054/254/122"],
    ["urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054"],
    ["urn:epc:id:grai:4012345.00022.334455", "https://id.gs1.org/8003/04012345000221334455"],
    ["urn:epc:id:giai:4012345.ABC345", "https://id.gs1.org/8004/4012345ABC345"],
    ["urn:epc:id:gsrn:4012345.0000006765", "https://id.gs1.org/8018/401234500000067657"],
    ["urn:epc:id:gsrnp:4012345.0000000007", "https://id.gs1.org/8017/401234500000000074"],
    ["urn:epc:id:gdti:4012345.00009.PO-4711", "https://id.gs1.org/253/4012345000092PO-4711"],
    ["urn:epc:id:gdti:987659999999..9", "https://id.gs1.org/253/98765999999929"],
    [
      "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234",
      "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234",
    ],
    ["urn:epc:id:ginc:0614141.xyz47%2F11", "https://id.gs1.org/401/0614141xyz47%2F11"],
    ["urn:epc:id:gsin:4012345.222333444", "https://id.gs1.org/402/40123452223334442"],
    ["urn:epc:id:itip:4012345.011111.01.02.987", "https://id.gs1.org/8006/040123451111180102/21/987"],
    [
      "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB",
      "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB",
    ],
    ["urn:epc:id:pgln:4000001.00000", "https://id.gs1.org/417/4000001000005"],
    ["urn:epc:id:pgln:999999999999.", "https://id.gs1.org/417/9999999999994"],
    ["urn:epc:class:lgtin:4012345.012345.Lot987", "https://id.gs1.org/01/04012345123456/10/Lot987"],
    ["urn:epc:idpat:sgtin:4012345.044444.*", "https://id.gs1.org/01/04012345444445"],
    ["https://id.gs1.org/gtin/09780345418913", "https://id.gs1.org/01/09780345418913"],
    ["https://example.com/gtin/09780345418913/21/765tz?abc=211121", "https://id.gs1.org/01/09780345418913/21/765tz"],
    ["https://id.gs1.de/01/04012345999990/21/XYZ-1234", "https://id.gs1.org/01/04012345999990/21/XYZ-1234"],
    ["https://example.org/01/4012345111118/10/L1/21/S1", "https://id.gs1.org/01/04012345111118/21/S1"],
    ["https://example.org/01/04012345111118/22/2A/10/L1", "https://id.gs1.org/01/04012345111118/10/L1"],
    ["https://id.example.com/253/4012345000054987", "https://id.gs1.org/253/4012345000054987"],
  ])("%s", (input, expected) => {
    expect(canonicalGs1Uri(input)).toBe(expected);
  });

  it.each([
    "urn:epc:id:sgtin:12345.011111.9876", // company prefix shorter than 6 digits
    "urn:epc:id:sgtin:4012345.0111111.9876", // 14 digits in prefix + item reference
    "urn:epc:idpat:sscc:4012345.*",
    "https://ref.gs1.org/cbv/BizStep-shipping",
    "http://transaction.acme.com/po/12345678",
    "geo:50.947573340894124,6.922120147375441",
  ])("%s has no GS1 key form", (input) => {
    expect(canonicalGs1Uri(input)).toBeUndefined();
  });
});

describe("hash values", () => {
  it.each([
    ["urn:epcglobal:cbv:bizstep:shipping", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit"],
    ["urn:epcglobal:cbv:btt:po", "https://ref.gs1.org/cbv/BTT-po"],
    ["urn:epcglobal:cbv:sdt:owning_party", "https://ref.gs1.org/cbv/SDT-owning_party"],
    ["urn:epcglobal:cbv:bt:4012345123456:RE1099", "urn:epcglobal:cbv:bt:4012345123456:RE1099"],
    ["26.0", "26"],
    ["Example of a vendor/user extension", "Example of a vendor/user extension"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalHashValue(input)).toBe(expected);
  });
});
