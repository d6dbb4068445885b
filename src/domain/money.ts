/**
 * Money and rates, exactly. Money is a bigint count of fen (0.01 元); a rate is a fraction of two bigints.
 * This is the one module that does arithmetic on money and rates: nothing else multiplies or compares them
 * directly, and nothing here touches a JavaScript float.
 */

/** Money in fen (1 元 = 100 fen). Never negative in this project. */
export type Fen = bigint;

/** An exact rate: num / den, e.g. 10% = { num: 10n, den: 100n }. */
export interface Rate {
  readonly num: bigint;
  readonly den: bigint;
}

/** The units an amount may be given in, with their size in fen. */
export const UNIT_FEN = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n } as const;
export type Unit = keyof typeof UNIT_FEN;

const UNITS_LIST = Object.keys(UNIT_FEN) as Unit[];
/** Fen a unit holds, as a number (exact: small integers). */
const UNIT_FEN_NUMBER = Object.fromEntries(UNITS_LIST.map((u) => [u, Number(UNIT_FEN[u])])) as Record<Unit, number>;
/** The most whole units whose fen stay below 2^53, so that their product by UNIT_FEN_NUMBER is exact. */
const EXACT_UNITS = Object.fromEntries(UNITS_LIST.map((u) => [u, Number(BigInt(Number.MAX_SAFE_INTEGER) / UNIT_FEN[u])])) as Record<Unit, number>;

/**
 * A whole number of a unit, written as 1 to 15 decimal digits, in fen. Integer arithmetic on numbers while the
 * fen stay below 2^53 (every value involved is an integer there, so the product is exact), bigint arithmetic
 * beyond: the same fen as BigInt(digits) × UNIT_FEN[unit], without the string and the bigint product a row's
 * amounts used to cost.
 */
export function wholeUnitsToFen(digits: string, unit: Unit): Fen {
  if (digits.length <= 15) {
    const fen = smallUnitsToFen(Number(digits), unit);
    if (fen !== null) return fen;
  }
  return BigInt(digits) * UNIT_FEN[unit];
}

/** Whole units of a unit, written as 1 to 15 digits, that are within MAX_AMOUNT_FEN (a check without the bigint). */
export function wholeUnitsWithin(n: number, unit: Unit): boolean {
  return n <= MAX_UNITS[unit];
}

/**
 * A whole number of a unit already read from its digits (a non-negative integer, exact as a number), in fen, by
 * integer arithmetic on numbers; null where the fen would reach 2^53 (then wholeUnitsToFen's bigint product).
 */
export function smallUnitsToFen(n: number, unit: Unit): Fen | null {
  return n <= EXACT_UNITS[unit] ? BigInt(n * UNIT_FEN_NUMBER[unit]) : null;
}

/** Why an amount could not be read. `expected` is a message key; see render/messages. */
export type AmountProblem = 'not-a-number' | 'negative' | 'sub-fen' | 'not-finite' | 'too-large';

/**
 * The largest amount any reader accepts: 100 万亿元 (10^14 元), about China's whole GDP of a year and some thirty
 * times the revenue of the largest enterprise. A larger figure is a slip (an exponent, a unit twice, an id in an
 * amount column), never a fact: it is refused, never paid. Above 2^53 fen, so the readers' fast paths (whole
 * numbers whose fen stay below 2^53, exact as numbers) never reach it and need no check of their own.
 */
export const MAX_AMOUNT_YUAN = 100_000_000_000_000n;
export const MAX_AMOUNT_FEN: Fen = MAX_AMOUNT_YUAN * 100n;
/** Digits of the largest amount in fen: a value with more digits before its point is refused before it is worked out. */
const MAX_AMOUNT_DIGITS = String(MAX_AMOUNT_FEN).length;
/** The most whole units of each unit within MAX_AMOUNT_FEN (exact as numbers). */
const MAX_UNITS = Object.fromEntries(UNITS_LIST.map((u) => [u, Number(MAX_AMOUNT_FEN / UNIT_FEN[u])])) as Record<Unit, number>;

export type AmountParse =
  | { ok: true; fen: Fen; exponent: boolean }
  | { ok: false; problem: AmountProblem };

const SUFFIXES: ReadonlyArray<[string, bigint]> = [
  ['万元', UNIT_FEN.万元],
  ['亿元', UNIT_FEN.亿元],
  ['萬元', UNIT_FEN.万元],
  ['億元', UNIT_FEN.亿元],
  ['万', UNIT_FEN.万元],
  ['萬', UNIT_FEN.万元],
  ['亿', UNIT_FEN.亿元],
  ['億', UNIT_FEN.亿元],
  ['元', UNIT_FEN.元],
];

const NUMBER_RE = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;
const GROUPED_RE = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Reads an amount exactly: plain decimals, thousand separators ("3,100,000,000"), a unit suffix
 * ("31亿", "310000万元") and exponent forms ("3.1e9"). `unit` is the unit of a bare number.
 * Negative numbers, NaN, Infinity, dashes and anything else are refused; so is a value finer than a fen.
 */
export function parseAmount(input: string | number, unit: Unit = '元'): AmountParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'not-finite' };
    if (input < 0) return { ok: false, problem: 'negative' };
    text = String(input); // shortest round-trip form: 3.1e9 → "3100000000", 1e21 → "1e+21"
  } else {
    text = input.trim();
  }
  let scale: bigint = UNIT_FEN[unit];
  for (const [suffix, fen] of SUFFIXES) {
    if (text.endsWith(suffix)) {
      text = text.slice(0, -suffix.length).trim();
      scale = fen;
      break;
    }
  }
  if (text.startsWith('+')) text = text.slice(1);
  if (text.startsWith('-') && /^-0*(\.0*)?$/.test(text) && text.length > 1 && text !== '-.') text = '0'; // "-0" is zero
  if (text.startsWith('-')) return /\d/.test(text) ? { ok: false, problem: 'negative' } : { ok: false, problem: 'not-a-number' };
  if (/^(nan|inf|infinity)$/i.test(text)) return { ok: false, problem: 'not-finite' };
  if (text.includes(',')) {
    if (!GROUPED_RE.test(text)) return { ok: false, problem: 'not-a-number' };
    text = text.replace(/,/g, '');
  }
  const m = NUMBER_RE.exec(text);
  if (!m) return { ok: false, problem: 'not-a-number' };
  const intPart = m[1]!;
  const frac = m[2] ?? '';
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  // 1e400 or 999…9 of a hundred digits: too large, told before 10^400 is worked out
  const whole = intPart.replace(/^0+/, '');
  const lead = whole.length > 0 ? whole.length : -/^0*/.exec(frac)![0].length; // the first digit's place
  if (lead + exp + String(scale).length - 1 > MAX_AMOUNT_DIGITS + 1) return { ok: false, problem: 'too-large' };
  // value = (intPart.frac) × 10^exp × scale fen
  let digits = BigInt(intPart + frac) * scale;
  const shift = exp - frac.length; // power of ten still to apply
  if (shift >= 0) {
    digits *= 10n ** BigInt(shift);
  } else {
    const div = 10n ** BigInt(-shift);
    if (digits % div !== 0n) return { ok: false, problem: 'sub-fen' };
    digits /= div;
  }
  if (digits > MAX_AMOUNT_FEN) return { ok: false, problem: 'too-large' };
  return { ok: true, fen: digits, exponent: m[3] !== undefined };
}

/** Amount in whole 元 (as in a parameters file) → fen. */
export function yuan(value: number | string | bigint): Fen {
  if (typeof value === 'bigint') return value * 100n;
  const r = parseAmount(value);
  if (!r.ok) throw new Error(`bad amount in parameters: ${value}`);
  return r.fen;
}

/** "0.10" or 0.1 (from a parameters file) → an exact rate. */
export function parseRate(value: string | number): Rate | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { num: BigInt(m[1]! + frac), den: 10n ** BigInt(frac.length) };
}

/** rate × amount, rounded down to the fen. */
export function applyRate(amount: Fen, rate: Rate): Fen {
  return (amount * rate.num) / rate.den;
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

/** a ≥ b or a > b. */
export function reaches(a: Fen, b: Fen, strict: boolean): boolean {
  return strict ? a > b : a >= b;
}

/**
 * Geometric average growth from `start` to `end` over `years` years is at least `min`:
 * (end/start)^(1/years) − 1 ≥ min  ⇔  end ≥ start × (1+min)^years, compared exactly (start > 0).
 */
export function geometricGrowthAtLeast(start: Fen, end: Fen, years: number, min: Rate): boolean {
  return geometricAtLeastBy(start, end, powers(min, years));
}

/** geometricGrowthAtLeast with the rate's powers [den^years, (den+num)^years] already worked out (growthPowers). */
export function geometricAtLeastBy(start: Fen, end: Fen, [denPow, basePow]: readonly [bigint, bigint]): boolean {
  return end * denPow >= start * basePow;
}

/** [den^years, (den+num)^years] of a rate, worked out afresh (not remembered: for rates made once and dropped). */
export function growthPowers(rate: Rate, years: number): [bigint, bigint] {
  return [rate.den ** BigInt(years), (rate.den + rate.num) ** BigInt(years)];
}

const POWERS = new WeakMap<Rate, Map<number, [bigint, bigint]>>();

/** [den^years, (den+num)^years] of a rate, remembered: rates are made once per rule set, asked a million times. */
function powers(min: Rate, years: number): [bigint, bigint] {
  let byYears = POWERS.get(min);
  if (!byYears) POWERS.set(min, (byYears = new Map()));
  let p = byYears.get(years);
  if (!p) byYears.set(years, (p = growthPowers(min, years)));
  return p;
}

/**
 * The arithmetic mean of the yearly growth rates of a series S0…Sn is at least `min`, compared exactly:
 * Σ Si/Si−1 ≥ n(1+min)  ⇔  den · Σ Si·P/Si−1 ≥ n·(den+num)·P, with P = S0·…·Sn−1 (all > 0).
 */
export function arithmeticGrowthAtLeast(series: readonly Fen[], min: Rate): boolean {
  const { sum, product, n } = ratioSum(series);
  return min.den * sum >= BigInt(n) * (min.den + min.num) * product;
}

/** Σ Si·P/Si−1 and P = S0·…·Sn−1 for a series S0…Sn (exact: each Si−1 divides P). */
function ratioSum(series: readonly Fen[]): { sum: bigint; product: bigint; n: number } {
  let product = 1n;
  for (let i = 0; i < series.length - 1; i++) product *= series[i]!;
  let sum = 0n;
  for (let i = 1; i < series.length; i++) sum += (series[i]! * product) / series[i - 1]!;
  return { sum, product, n: series.length - 1 };
}

/** Smallest `end` with geometric growth from `start` over `years` years of at least `min` (ceil to the fen). */
export function minEndForGeometric(start: Fen, years: number, min: Rate): Fen {
  const [denPow, basePow] = powers(min, years);
  return ceilDiv(start * basePow, denPow);
}

/**
 * The smallest next value Sn for which the arithmetic mean of the yearly rates of S0…Sn−1, Sn is at least `min`
 * (ceil to the fen; all known values > 0).
 */
export function minEndForArithmetic(known: readonly Fen[], min: Rate): Fen {
  const n = BigInt(known.length); // rates once Sn is added
  const { sum, product } = ratioSum(known); // the n−1 rates known so far
  const last = known[known.length - 1]!;
  // Sn / last ≥ (n(den+num)·P − den·sum) / (den·P), P the product of the known values but the last
  const p = product; // S0…Sn−2: ratioSum's product excludes the last known value
  const need = ceilDiv(last * (n * (min.den + min.num) * p - min.den * sum), min.den * p);
  return need > 0n ? need : 0n;
}

/** a ÷ b rounded up (b > 0). */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (a <= 0n) return -((-a) / b);
  return (a + b - 1n) / b;
}

const RATE_STRINGS = new WeakMap<Rate, string>();

/** A rate as its exact decimal string: { 6n, 100n } → "0.06" (remembered: rates are made once per rule set). */
export function rateString(r: Rate): string {
  let s = RATE_STRINGS.get(r);
  if (s === undefined) {
    const places = r.den.toString().length - 1;
    if (10n ** BigInt(places) !== r.den) throw new Error('rate denominator is not a power of ten');
    s = fixed(r.num, places);
    RATE_STRINGS.set(r, s);
  }
  return s;
}

/** A scaled integer as a decimal string with `decimals` places ("-0.500" style sign handling). */
export function fixed(v: bigint, decimals: number): string {
  const neg = v < 0n;
  // from the digits, as formatYuan: v ÷ 10^decimals with the point put in, no division
  const s = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  const cut = s.length - decimals;
  return (neg ? '-' : '') + (decimals > 0 ? `${s.slice(0, cut)}.${s.slice(cut)}` : s);
}

/** 10^k for small k (a percentage's scale, and its powers over a growth window), made once. */
const POW10: bigint[] = [];
function pow10(k: number): bigint {
  return k < 64 ? (POW10[k] ??= 10n ** BigInt(k)) : 10n ** BigInt(k);
}

/** "1500000.00": the canonical money string of the output contract (from the fen's digits: no division). */
export function formatYuan(fen: Fen): string {
  return fixed(fen, 2);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Fen as a plain number while that is exact (|fen| ≤ 2^53 − 1, 90 trillion 元), else the bigint itself: for a
 * spreadsheet cell, or a piece that crosses threads. Never for arithmetic.
 */
export function fenNumber(fen: Fen): number | bigint {
  return fen <= MAX_SAFE && fen >= -MAX_SAFE ? Number(fen) : fen;
}

/**
 * Sums of fen, exact, kept as plain numbers while every partial sum is a safe integer (|sum| ≤ 2^53 − 1: the
 * addition of two such integers whose true sum is one is exact) and as a bigint from the first that is not. The
 * totals of a district's run add a few million amounts, most of them fenNumber's numbers: a bigint per addition was
 * an allocation each. `slots` sums side by side; `value(i)` is each one's fen.
 */
export class FenSums {
  private readonly small: Float64Array;
  /** The bigint of a sum that left the safe integers (and stays one), or null. */
  private readonly big: Array<bigint | null>;

  constructor(slots: number) {
    this.small = new Float64Array(slots);
    this.big = new Array<bigint | null>(slots).fill(null);
  }

  /** Adds fen (a safe integer as a number, or any bigint) to sum i. */
  add(i: number, fen: number | bigint): void {
    if (typeof fen === 'number' && this.big[i] === null) {
      const s = this.small[i]! + fen;
      if (Number.isSafeInteger(fen) && Number.isSafeInteger(s)) {
        this.small[i] = s;
        return;
      }
    }
    this.big[i] = (this.big[i] ?? BigInt(this.small[i]!)) + BigInt(fen);
  }

  value(i: number): Fen {
    return this.big[i] ?? BigInt(this.small[i]!);
  }
}

/**
 * Integer n-th root (floor), exact. For a safe integer (a growth rate's ratio, always in practice) the float root
 * is only a first guess, one or two off at most: the answer is settled by exact bigint comparisons,
 * x^n ≤ v < (x + 1)^n. That is a few bigint operations instead of Newton's dozens from a power of two (a growth
 * message in every JSON line). Larger values: Newton's method from a power of two above the root.
 */
export function iroot(v: bigint, n: number): bigint {
  if (n === 1 || v < 2n) return v;
  const k = BigInt(n);
  if (v <= MAX_SAFE) {
    let r = BigInt(Math.floor(Number(v) ** (1 / n)));
    if (n === 2) {
      // a square root (a two-year window, the usual one): products, not powers
      while (r > 0n && r * r > v) r--;
      while ((r + 1n) * (r + 1n) <= v) r++;
      return r;
    }
    while (r > 0n && r ** k > v) r--;
    while ((r + 1n) ** k <= v) r++;
    return r;
  }
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / n)); // a power of two above the root
  for (;;) {
    const y = ((k - 1n) * x + v / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

/** The geometric average rate (end/start)^(1/n) − 1 as a percentage truncated to `decimals` places, for display. */
export function geometricPercent(start: Fen, end: Fen, n: number, decimals = 3): string {
  // a percentage with `decimals` places is a fraction with decimals + 2
  return fixed(iroot((end * pow10((decimals + 2) * n)) / start, n) - pow10(decimals + 2), decimals);
}

/** The arithmetic mean of the yearly rates of a series as a percentage truncated to `decimals` places, for display. */
export function arithmeticPercent(series: readonly Fen[], decimals = 3): string {
  const scale = 10n ** BigInt(decimals + 2);
  const { sum, product, n } = ratioSum(series);
  return fixed(((sum - BigInt(n) * product) * scale) / (BigInt(n) * product), decimals);
}

/** A rate as a percentage string without trailing zeros: 0.10 → "10", 0.5 → "50", 0.035 → "3.5". */
export function ratePercent(rate: Rate): string {
  const scaled = fixed((rate.num * 100n * 10000n) / rate.den, 4);
  return trimZeros(scaled);
}

export function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--; // '0'
  if (s.charCodeAt(end - 1) === 46) end--; // '.'
  return end === s.length ? s : s.slice(0, end);
}

/** Money in a larger unit, exact, trailing zeros trimmed but keeping at least `minDecimals`. */
export function inUnit(fen: Fen, unit: Unit, minDecimals = 0): string {
  const decimals = UNIT_FEN[unit].toString().length - 1; // 万元 = 10^6 fen → 6 places
  const [w, f = ''] = trimZeros(fixed(fen, decimals)).split('.');
  const frac = f.padEnd(minDecimals, '0');
  return frac ? `${w}.${frac}` : w!;
}

/** "1,500,000.00" */
export function groupThousands(fen: Fen): string {
  const [w, f] = formatYuan(fen).split('.');
  return w!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + f;
}

/** part ≥ rate × whole, exactly. */
export function atLeastShare(part: Fen, whole: Fen, rate: Rate): boolean {
  return part * rate.den >= whole * rate.num;
}
