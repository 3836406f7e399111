/** The fixed texts of the label template, per language (zh-CN by default: the labels are for Chinese markets). */
import type { LabelLocale } from "./label-data.ts";

export interface LabelTexts {
  readonly spec: string;
  readonly lot: string;
  readonly productionDate: string;
  readonly expiryDate: string;
  readonly producer: string;
  /** Between a caption and its value. */
  readonly separator: string;
}

const texts: Readonly<Record<LabelLocale, LabelTexts>> = {
  "zh-CN": {
    spec: "规格",
    lot: "批号",
    productionDate: "生产日期",
    expiryDate: "保质期至",
    producer: "生产者",
    separator: "：",
  },
  en: {
    spec: "Spec",
    lot: "Lot",
    productionDate: "Production date",
    expiryDate: "Best before",
    producer: "Producer",
    separator: ": ",
  },
};

export function labelTexts(locale: LabelLocale = "zh-CN"): LabelTexts {
  return texts[locale];
}
