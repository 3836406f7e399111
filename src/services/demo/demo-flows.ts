import type { Actor } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { addDays } from "../../core/lots/expiry.ts";
import type { Party } from "../../core/parties/party.ts";
import { codeLots } from "../lots/code-lots.ts";
import { registerProduct } from "../products/register-product.ts";
import { contextFor, type ServiceContext } from "../service-context.ts";
import { receiveShipment } from "../shipments/receive-shipment.ts";
import { rejectShipment } from "../shipments/reject-shipment.ts";
import { shipGoods } from "../shipments/ship-goods.ts";

/**
 * The demo province's daily work, done through the same services an enterprise's key would call: vegetables
 * from a cooperative through a wholesaler to a market stall (with a shortage) and a school canteen (one
 * rejection, one receipt still pending), milk from a dairy to a supermarket, and pickles made from the
 * vegetables (a transformation).
 */
export async function runDemoFlows(ctx: ServiceContext, byName: (name: string) => Party): Promise<void> {
  const as = (p: Party) =>
    contextFor(ctx, { kind: "enterprise", keyId: "demo", label: "demo", partyId: p.id } as Actor, ctx.origin);
  const farm = byName("闽侯县绿源果蔬种植专业合作社");
  const wholesaler = byName("福州鼓楼鲜果批发有限公司");
  const vendor = byName("台江区三保菜市场陈记蔬菜摊");
  const canteen = byName("福州市第一中学食堂");
  const dairy = byName("福州闽江乳业有限公司");
  const supermarket = byName("榕城超市有限公司仓山万达店");
  const processor = byName("福州海峡食品加工有限公司");
  const today = chinaDate(ctx.clock.now());

  const greens = await registerProduct(as(farm), {
    name: "上海青",
    spec: "散装",
    unit: "kg",
    categoryCode: "vegetables/leafy",
    shelfLifeDays: 5,
  });
  const [greensLot] = await codeLots(as(farm), {
    lots: [{ productId: greens.id, productionDate: today, quantity: 2000, originPlace: "闽侯县南屿镇绿源基地" }],
  });
  const veg = greensLot?.traceCode as string;

  const toWholesaler = await shipGoods(as(farm), {
    receiver: { partyId: wholesaler.id },
    lines: [{ traceCode: veg, quantity: 800 }],
  });
  await receiveShipment(as(wholesaler), { voucher: toWholesaler.voucherUrl });
  const toVendor = await shipGoods(as(wholesaler), {
    receiver: { partyId: vendor.id },
    lines: [{ traceCode: veg, quantity: 300 }],
  });
  await receiveShipment(as(vendor), { voucher: toVendor.voucherUrl, lines: [{ lineNo: 1, quantity: 295 }] });
  const rejected = await shipGoods(as(wholesaler), {
    receiver: { partyId: canteen.id },
    lines: [{ traceCode: veg, quantity: 100 }],
  });
  await rejectShipment(as(canteen), { voucher: rejected.voucherUrl, reason: "叶片发黄，不符合验收标准" });
  await shipGoods(as(wholesaler), { receiver: { partyId: canteen.id }, lines: [{ traceCode: veg, quantity: 150 }] });

  const milk = await registerProduct(as(dairy), {
    name: "闽江纯牛奶",
    spec: "250mL×24盒",
    unit: "box",
    categoryCode: "dairy/liquid-milk",
    shelfLifeDays: 180,
    gtin: "06901234000054",
    description: "全脂灭菌乳",
  });
  const [milkLot] = await codeLots(as(dairy), {
    lots: [{ productId: milk.id, lotCode: "M2611A", productionDate: addDays(today, -3), quantity: 500 }],
  });
  const toSupermarket = await shipGoods(as(dairy), {
    receiver: { partyId: supermarket.id },
    lines: [{ traceCode: milkLot?.traceCode as string, quantity: 200 }],
  });
  await receiveShipment(as(supermarket), { voucher: toSupermarket.voucherUrl });

  const toProcessor = await shipGoods(as(farm), {
    receiver: { partyId: processor.id },
    lines: [{ traceCode: veg, quantity: 200 }],
  });
  await receiveShipment(as(processor), { voucher: toProcessor.voucherUrl });
  const pickles = await registerProduct(as(processor), {
    name: "榕城酱菜",
    spec: "500g/袋",
    unit: "bag",
    categoryCode: "vegetables",
    shelfLifeDays: 270,
  });
  await codeLots(as(processor), {
    lots: [
      { productId: pickles.id, productionDate: today, quantity: 300, inputs: [{ traceCode: veg, quantity: 200 }] },
    ],
  });
}
