import type { PartyInput } from "../../core/parties/validate-party.ts";

/** Accepted CSV headers (English as in the API, or the Chinese terms of the e-archive) → field. */
const aliases: Record<string, string> = {
  name: "name",
  名称: "name",
  主体名称: "name",
  creditcode: "creditCode",
  统一社会信用代码: "creditCode",
  kind: "kind",
  主体类型: "kind",
  regioncode: "regionCode",
  行政区划代码: "regionCode",
  address: "address",
  地址: "address",
  contactname: "contactName",
  联系人: "contactName",
  contactphone: "contactPhone",
  联系电话: "contactPhone",
  contactemail: "contactEmail",
  邮箱: "contactEmail",
  gln: "gln",
  keyparty: "keyParty",
  重点主体: "keyParty",
  homeplatform: "homePlatform",
  licencetype: "licenceType",
  许可证类型: "licenceType",
  licencenumber: "licenceNumber",
  许可证编号: "licenceNumber",
  licencevaliduntil: "licenceValidUntil",
  许可证有效期: "licenceValidUntil",
};

export function canonicalColumn(header: string): string | undefined {
  const h = header.trim().replace(/^\uFEFF/, "");
  return aliases[h] ?? aliases[h.toLowerCase().replace(/[\s_-]/g, "")];
}

const truthy = new Set(["1", "true", "yes", "y", "是"]);

/** One CSV row (by canonical column) → the API's party input. Empty cells are absent values. */
export function rowToPartyInput(row: Record<string, string>): PartyInput {
  const v = (k: string) => row[k]?.trim() || undefined;
  const licence = v("licenceNumber")
    ? [
        {
          type: v("licenceType") ?? "business_licence",
          number: v("licenceNumber") as string,
          validUntil: v("licenceValidUntil") ?? null,
        },
      ]
    : [];
  const contact =
    v("contactName") || v("contactPhone") || v("contactEmail")
      ? { name: v("contactName") ?? null, phone: v("contactPhone") ?? null, email: v("contactEmail") ?? null }
      : null;
  return {
    name: v("name") ?? "",
    creditCode: v("creditCode") ?? null,
    kind: v("kind") ?? "",
    regionCode: v("regionCode") ?? "",
    address: v("address") ?? null,
    contact,
    licences: licence,
    gln: v("gln") ?? null,
    keyParty: truthy.has((v("keyParty") ?? "").toLowerCase()),
    ...(v("homePlatform") ? { homePlatform: v("homePlatform") as string } : {}),
  };
}
