import { Fraction } from "fraction.js";

/**
 * Exact arithmetic for scores. Means divide by the number of evaluators and scaling divides by the
 * applicable total, so results are rationals (1/3 has no finite decimal): they are kept as exact
 * fractions of big integers and rounded only once, at the end, half-up to 2 decimals. A number
 * arriving from JSON or a cell is read through its shortest decimal text (what the user typed), so
 * 0.3 is 3/10, never the binary double nearest to it.
 */
export type Exact = Fraction;

export const ZERO: Exact = new Fraction(0);

export function exact(value: number | string | bigint): Exact {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Fraction(numberToDecimalText(value));
  }
  return new Fraction(value);
}

/** The shortest decimal text of a double, without an exponent (fraction.js does not read "1e-7"). */
function numberToDecimalText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = "", exponentText = "0"] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [intPart = "", fracPart = ""] = mantissa.replace("-", "").split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  const body =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + body;
}

/**
 * n ÷ d of two safe integers, exactly: how the engine turns its integer tallies (whole percentages,
 * hundredths of points) into results. A tally outside the safe integers would have lost digits
 * already, so it is refused rather than rounded. Reduced here with a gcd of doubles (exact on safe
 * integers), and made in lowest terms directly (fraction.js's public s, n, d, as its own
 * constructor leaves them), without fraction.js's general parse and bigint gcd.
 */
export function ratio(numerator: number, denominator: number): Exact {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`not a ratio of safe integers: ${numerator}/${denominator}`);
  }
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const divisor = gcdOfSafe(n, d);
  return reduced(negative, bigintOf(n / divisor), bigintOf(d / divisor));
}

/**
 * BigInt(n) of a non-negative safe integer, the small ones made once: most reduced numerators and
 * denominators (entry counts, mean percentages, coverage) are below SMALL_BIGINTS.length, and a
 * BigInt is a heap allocation each time it is made.
 */
function bigintOf(n: number): bigint {
  return n < SMALL_BIGINTS.length ? SMALL_BIGINTS[n]! : BigInt(n);
}

const SMALL_BIGINTS: readonly bigint[] = Array.from({ length: 4096 }, (_, n) => BigInt(n));

/** value × numerator ÷ denominator (safe integers, denominator > 0), reduced once. */
export function timesRatio(value: Exact, numerator: number, denominator: number): Exact {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`not a ratio of safe integers: ${numerator}/${denominator}`);
  }
  const n = value.n * BigInt(Math.abs(numerator));
  const d = value.d * BigInt(denominator);
  const divisor = n === 0n ? d : gcd(n, d);
  return reduced(n !== 0n && value.s < 0n !== numerator < 0, n / divisor, d / divisor);
}

/** A fraction already in lowest terms (n ≥ 0, d > 0, gcd 1), in fraction.js's representation. */
function reduced(negative: boolean, n: bigint, d: bigint): Exact {
  const f = Object.create(Fraction.prototype) as { s: bigint; n: bigint; d: bigint };
  f.s = negative ? -1n : 1n;
  f.n = n;
  f.d = d;
  return f as Exact;
}

/**
 * gcd of two non-negative safe integers, in doubles: every remainder is a smaller safe integer.
 * Tallies are mostly below 2^31: there the loop runs on int32s (a double's modulo is a library
 * call, an int32's one instruction).
 */
function gcdOfSafe(a: number, b: number): number {
  if ((a | 0) === a && (b | 0) === b) {
    while (b !== 0) {
      const r = (a % b) | 0;
      a = b;
      b = r;
    }
    return a === 0 ? 1 : a;
  }
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a === 0 ? 1 : a;
}

/**
 * Σ values on one common denominator: numerators over the same denominator are added as big
 * integers, and the groups are put on the least common multiple of their denominators once
 * (sumOfGroups); adding fraction to fraction would reduce by a gcd at each step.
 */
export function sum(values: readonly Exact[]): Exact {
  const groups = new Map<bigint, bigint>();
  for (const v of values) groups.set(v.d, (groups.get(v.d) ?? 0n) + v.s * v.n);
  return sumOfGroups(groups);
}

/** Σ numerator ÷ denominator over a map denominator → numerator (all integers), exactly. */
export function sumOfGroups(groups: ReadonlyMap<bigint, bigint>): Exact {
  let denominator = 1n;
  for (const d of groups.keys()) denominator = (denominator / gcd(denominator, d)) * d;
  let numerator = 0n;
  for (const [d, n] of groups) numerator += n * (denominator / d);
  return new Fraction(numerator, denominator);
}

/**
 * Σ numerators[i] ÷ denominators[i] of safe integers (denominators > 0), exactly: in doubles while
 * the common denominator and every product stay safe integers (a product or sum of safe integers
 * that is itself a safe integer was computed exactly), else in bigint (sumOfGroups).
 */
export function sumOfRatios(numerators: readonly number[], denominators: readonly number[]): Exact {
  let common = 1;
  for (const d of denominators) {
    common = (common / gcdOfSafe(common, d)) * d;
    if (!Number.isSafeInteger(common)) return sumOfRatiosBig(numerators, denominators);
  }
  let total = 0;
  for (let i = 0; i < numerators.length; i++) {
    const term = numerators[i]! * (common / denominators[i]!);
    total += term;
    if (!Number.isSafeInteger(term) || !Number.isSafeInteger(total))
      return sumOfRatiosBig(numerators, denominators);
  }
  return ratio(total, common);
}

function sumOfRatiosBig(numerators: readonly number[], denominators: readonly number[]): Exact {
  const groups = new Map<bigint, bigint>();
  numerators.forEach((n, i) => {
    const d = BigInt(denominators[i]!);
    groups.set(d, (groups.get(d) ?? 0n) + BigInt(n));
  });
  return sumOfGroups(groups);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function clamp(value: Exact, min: number, max: number): Exact {
  if (value.compare(min) < 0) return exact(min);
  if (value.compare(max) > 0) return exact(max);
  return value;
}

/** Round half away from zero to `places` decimals: 69.995 → 70.00, 69.985 → 69.99 (scoring-rules.md). */
export function roundHalfUp(value: Exact, places: number): Exact {
  const scale = 10n ** BigInt(places);
  const negative = value.s < 0n;
  const scaled = value.n * scale; // |value| × 10^places = scaled / d
  const rounded = (2n * scaled + value.d) / (2n * value.d);
  return new Fraction(negative ? -rounded : rounded, scale);
}

/** Fixed-point text with `places` decimals, rounded half-up: for display and interchange only. */
export function toFixed(value: Exact, places: number): string {
  const rounded = roundHalfUp(value, places);
  const scale = 10n ** BigInt(places);
  const units = rounded.n * (scale / rounded.d); // rounded.d divides scale after rounding
  const whole = units / scale;
  const frac = (units % scale).toString().padStart(places, "0");
  const sign = rounded.s < 0n && units !== 0n ? "-" : "";
  return places === 0 ? `${sign}${whole}` : `${sign}${whole}.${frac}`;
}

/**
 * A JavaScript number for output (JSON, cells) at `places` decimals. Leaves the exact world: use
 * only where the value is shown or compared with a spreadsheet's own doubles, never to decide.
 */
export function toNumber(value: Exact, places = 12): number {
  return Number(toFixed(value, places));
}
