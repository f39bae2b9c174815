/** A unit as reference data describes it (`UnitRecord` of @lienket/reference-data fits). */
export interface UnitConversion {
  baseCode: string;
  /** How many base units one of this unit is, as an exact decimal string ('1000' for tấn). */
  factor: string;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

function parseDecimal(text: string): [digits: bigint, scale: number] {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`Not a non-negative decimal: ${JSON.stringify(text)}`);
  const fraction = m[2] ?? '';
  return [BigInt(m[1] + fraction), fraction.length];
}

/**
 * A quantity in `unit` expressed in its base unit: "12.5" tấn → 12,500 kg. The product is taken
 * exactly on decimals, so 0.1 tấn is 100 kg and not 100.00000000000001.
 */
export function toBaseQuantity(
  quantity: string | number,
  unit: UnitConversion,
): { quantity: number; baseUnit: string } {
  const [q, qs] = parseDecimal(typeof quantity === 'number' ? String(quantity) : quantity);
  const [f, fs] = parseDecimal(unit.factor);
  const digits = (q * f).toString();
  const scale = qs + fs;
  const padded = digits.padStart(scale + 1, '0');
  const text = scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return { quantity: Number(text), baseUnit: unit.baseCode };
}
