const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1-99 as Chinese numerals (一, 十, 十三, 二十, 九十九), for labels such as 第三代表小组. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new Error(`chineseNumeral: ${value} out of 1-99`);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return DIGITS[ones] as string;
  const tensPart = tens === 1 ? '十' : `${DIGITS[tens] as string}十`;
  return ones === 0 ? tensPart : `${tensPart}${DIGITS[ones] as string}`;
}
