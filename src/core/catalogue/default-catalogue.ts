import type { Category } from "./category.ts";

type Row = readonly [
  code: string,
  nameZh: string,
  nameEn: string,
  key: boolean,
  varieties?: readonly (readonly [string, string, string, boolean])[],
];

/** The catalogue a new platform starts with; operators edit it afterwards. Codes are stable identifiers. */
const rows: readonly Row[] = [
  [
    "grain",
    "粮食及制品",
    "Grain and grain products",
    false,
    [
      ["rice", "大米", "Rice", false],
      ["flour", "面粉", "Flour", false],
    ],
  ],
  [
    "meat",
    "畜肉及制品",
    "Meat and meat products",
    true,
    [
      ["pork", "猪肉", "Pork", true],
      ["beef", "牛肉", "Beef", true],
      ["mutton", "羊肉", "Mutton", true],
    ],
  ],
  [
    "poultry",
    "禽肉及制品",
    "Poultry",
    true,
    [
      ["chicken", "鸡肉", "Chicken", true],
      ["duck", "鸭肉", "Duck", true],
    ],
  ],
  ["eggs", "蛋及蛋制品", "Eggs and egg products", true, [["hen-eggs", "鸡蛋", "Hen eggs", true]]],
  [
    "aquatic",
    "水产品",
    "Aquatic products",
    true,
    [
      ["fish", "鱼类", "Fish", true],
      ["shrimp-crab", "虾蟹类", "Shrimp and crab", true],
      ["shellfish", "贝类", "Shellfish", true],
      ["seaweed", "藻类", "Seaweed", false],
    ],
  ],
  [
    "vegetables",
    "蔬菜",
    "Vegetables",
    true,
    [
      ["leafy", "叶菜类", "Leafy vegetables", true],
      ["root", "根茎类", "Root vegetables", false],
      ["mushrooms", "食用菌", "Edible fungi", false],
    ],
  ],
  [
    "fruit",
    "水果",
    "Fruit",
    false,
    [
      ["citrus", "柑橘类", "Citrus", false],
      ["tropical", "热带水果", "Tropical fruit", false],
    ],
  ],
  ["soy", "豆制品", "Soy products", true, [["tofu", "豆腐", "Tofu", true]]],
  [
    "dairy",
    "乳制品",
    "Dairy products",
    true,
    [
      ["liquid-milk", "液态乳", "Liquid milk", true],
      ["yoghurt", "发酵乳", "Yoghurt", true],
    ],
  ],
  ["edible-oil", "食用油", "Edible oil", true],
  [
    "alcohol",
    "酒类",
    "Alcoholic drinks",
    false,
    [
      ["baijiu", "白酒", "Baijiu", false],
      ["wine", "葡萄酒", "Wine", false],
    ],
  ],
  ["condiments", "调味品", "Condiments", false],
  ["salt", "食盐", "Salt", true],
  ["infant-formula", "婴幼儿配方食品", "Infant formula", true],
  ["health-food", "保健食品", "Health food", true],
  ["fsmp", "特殊医学用途配方食品", "Food for special medical purposes", true],
  ["tea", "茶叶", "Tea", false],
  ["frozen", "冷冻冷藏食品", "Frozen and chilled food", true],
  ["other", "其他食品", "Other food", false],
];

export const defaultCatalogue: readonly Category[] = rows.flatMap(([code, nameZh, nameEn, key, varieties = []], i) => [
  { code, parentCode: null, nameZh, nameEn, keyVariety: key, sort: i * 100 },
  ...varieties.map(([vcode, vzh, ven, vkey], j) => ({
    code: `${code}/${vcode}`,
    parentCode: code,
    nameZh: vzh,
    nameEn: ven,
    keyVariety: vkey,
    sort: i * 100 + j + 1,
  })),
]);
