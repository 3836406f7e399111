/**
 * Advance widths of printable ASCII (U+0020-U+007E) in Noto Sans SC Regular and Bold, in font units of a
 * 1000-unit em, read from the fonts shipped in @expo-google-fonts/noto-sans-sc 0.4.3 (fontkit). CJK ideographs,
 * kana and full-width forms are all 1000 units wide. Kept as data so that layout stays pure and fast.
 */
export const NOTO_SANS_SC_REGULAR_ASCII: readonly number[] = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555,
  555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812,
  723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620,
  554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338,
  270, 338, 555,
];

export const NOTO_SANS_SC_BOLD_ASCII: readonly number[] = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590, 590, 590,
  590, 590, 590, 325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853,
  749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590, 567, 626, 591, 644, 527, 644,
  581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 437, 495, 421, 637, 576, 863, 562, 574, 511, 378,
  296, 378, 590,
];

/** Width assumed for any other character: generous, so that an estimate never overflows the label. */
export const NOTO_SANS_SC_OTHER = 1000;
