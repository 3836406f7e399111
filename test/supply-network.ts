/**
 * A small supply network built through the real services (as each enterprise's key would), for the trace and
 * recall tests. Greens from a farm reach a retailer by two paths (a diamond: via two wholesalers), one receipt is
 * short, one shipment is rejected, one is still in transit, part is sold; a processor makes pickles from the
 * greens and an imported (first-station) lot, a second processor makes jars from the pickles and boxes from the
 * jars (three levels of transformation).
 */
import type { Actor } from "../src/core/auth/actor.ts";
import { chinaDate } from "../src/core/codes/calendar-day.ts";
import { recordEndOfChainUse } from "../src/services/holdings/record-end-of-chain.ts";
import { codeLots } from "../src/services/lots/code-lots.ts";
import { reportFirstStation } from "../src/services/lots/report-first-station.ts";
import { registerProduct } from "../src/services/products/register-product.ts";
import { cliOrigin, contextFor, type ServiceContext } from "../src/services/service-context.ts";
import { receiveShipment } from "../src/services/shipments/receive-shipment.ts";
import { rejectShipment } from "../src/services/shipments/reject-shipment.ts";
import { shipGoods } from "../src/services/shipments/ship-goods.ts";
import type { TestApp } from "./test-app.ts";

export const networkParties = {
  farm: ["farm", "350121"],
  w1: ["wholesaler", "350102"],
  w2: ["wholesaler", "350103"],
  retailer: ["retailer", "350104"],
  canteen: ["canteen", "350102"],
  importer: ["importer", "350105"],
  p1: ["processor", "350111"],
  p2: ["processor", "350181"],
  bystander: ["retailer", "330106"],
} as const;
export type NetworkParty = keyof typeof networkParties;

export interface SupplyNetwork {
  readonly id: Record<NetworkParty, string>;
  readonly as: (p: NetworkParty) => ServiceContext;
  /** Trace codes: greens (V), the imported lot (S), pickles (K, from V and S), jars (J, from K), boxes (B, from J), and an unrelated lot of w1 (U). */
  readonly code: Record<"V" | "S" | "K" | "J" | "B" | "U", string>;
  readonly lotId: Record<"V" | "S" | "K" | "J" | "B" | "U", string>;
  /** The voucher of greens w1 → retailer still in transit. */
  readonly pendingVoucher: string;
}

export async function buildSupplyNetwork(t: TestApp): Promise<SupplyNetwork> {
  const today = chinaDate(Date.now());
  const id = {} as Record<NetworkParty, string>;
  for (const [name, [kind, regionCode]] of Object.entries(networkParties)) {
    id[name as NetworkParty] = (await t.party({ kind, regionCode, name: `${name} 测试` })).id;
  }
  const as = (p: NetworkParty) =>
    contextFor(t.platform, { kind: "enterprise", keyId: "test", label: "test", partyId: id[p] } as Actor, cliOrigin);
  const product = async (p: NetworkParty, name: string, unit: string) =>
    (await registerProduct(as(p), { name, unit, categoryCode: "vegetables", shelfLifeDays: 365 })).id;
  const code1 = async (
    p: NetworkParty,
    productId: string,
    quantity: number,
    inputs?: { traceCode: string; quantity: number }[],
  ) =>
    ((
      await codeLots(as(p), { lots: [{ productId, productionDate: today, quantity, ...(inputs ? { inputs } : {}) }] })
    )[0]?.traceCode ?? "") as string;
  const ship = async (from: NetworkParty, to: NetworkParty, traceCode: string, quantity: number) =>
    (await shipGoods(as(from), { receiver: { partyId: id[to] }, lines: [{ traceCode, quantity }] })).voucherUrl;
  const receive = (p: NetworkParty, voucher: string, quantity?: number) =>
    receiveShipment(as(p), { voucher, ...(quantity !== undefined ? { lines: [{ lineNo: 1, quantity }] } : {}) });

  const V = await code1("farm", await product("farm", "上海青", "kg"), 1000);
  await receive("w1", await ship("farm", "w1", V, 300));
  await receive("w2", await ship("farm", "w2", V, 300));
  // The diamond: the retailer gets the same lot from both wholesalers; the second receipt is 10 kg short.
  await receive("retailer", await ship("w1", "retailer", V, 100));
  await receive("retailer", await ship("w2", "retailer", V, 100), 90);
  await rejectShipment(as("canteen"), { voucher: await ship("w2", "canteen", V, 50), reason: "叶片发黄" });
  const pendingVoucher = await ship("w1", "retailer", V, 20);
  await recordEndOfChainUse(as("retailer"), { kind: "retail_sale", traceCode: V, quantity: 30 });

  const imported = await registerProduct(as("importer"), { name: "进口洋葱", unit: "kg", categoryCode: "vegetables" });
  const S = (
    await reportFirstStation(as("importer"), {
      supplier: { name: "Sunny Pastures Pty Ltd", country: "AU" },
      lot: { productId: imported.id, lotCode: "AU2611-7", productionDate: today, quantity: 400, countryOfOrigin: "AU" },
      documents: { customsDeclarationNo: "350120260001234567", quarantineCertificateNo: "350100226000123" },
    })
  ).traceCode as string;
  await receive("p1", await ship("importer", "p1", S, 100));
  await receive("p1", await ship("w1", "p1", V, 50));
  const K = await code1("p1", await product("p1", "酱菜", "bag"), 200, [
    { traceCode: V, quantity: 50 },
    { traceCode: S, quantity: 40 },
  ]);
  await receive("p2", await ship("p1", "p2", K, 120));
  const J = await code1("p2", await product("p2", "酱菜罐头", "piece"), 100, [{ traceCode: K, quantity: 120 }]);
  const B = await code1("p2", await product("p2", "酱菜礼盒", "box"), 10, [{ traceCode: J, quantity: 60 }]);
  const U = await code1("w1", await product("w1", "苹果", "kg"), 500);

  const lotIdOf = async (code: string) =>
    (
      await t.store.db
        .selectFrom("lots")
        .select("id")
        .where("traceKey", "=", code.replace("https://trace.test/", ""))
        .executeTakeFirstOrThrow()
    ).id;
  const codes = { V, S, K, J, B, U };
  const lotId = {} as Record<keyof typeof codes, string>;
  for (const [k, c] of Object.entries(codes)) lotId[k as keyof typeof codes] = await lotIdOf(c);
  return { id, as, code: codes, lotId, pendingVoucher };
}
