/**
 * Exact rational arithmetic for scores. Checklist points and answers are decimals
 * (0.1, 0.25, 92.5%); binary floats drift (0.1 + 0.2 ≠ 0.3) and a drift can change
 * a grade, so every sum, ratio and rounding goes through this type.
 *
 * Fast path (issue 17: BigInt allocation was a tenth of scoring a big batch): while the
 * reduced numerator and denominator are safe integers they are held as numbers, and an
 * operation stays in numbers when every intermediate it forms is a safe integer. That is
 * exact: a float sum or product of integers is exact whenever the true value is at most
 * 2^53 − 1, and when it is not, the rounded value is at least 2^53, so the check sees it.
 * Otherwise the operation is redone with BigInt. The representation is canonical (numbers
 * whenever both parts fit), so equal values always compare equal.
 */
export class Exact {
  private constructor(
    private readonly num: number | bigint,
    private readonly den: number | bigint,
  ) {}

  static readonly ZERO = new Exact(0, 1);

  /** The numerator of the reduced fraction (the sign is here). */
  get n(): bigint {
    return BigInt(this.num);
  }

  /** The denominator of the reduced fraction, always positive. */
  get d(): bigint {
    return BigInt(this.den);
  }

  static of(n: bigint, d: bigint = 1n): Exact {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return Exact.settled(n / g, d / g);
  }

  /** A reduced fraction, held as numbers when both parts fit. */
  private static settled(n: bigint, d: bigint): Exact {
    if (n >= -MAX && n <= MAX && d <= MAX) return new Exact(Number(n), Number(d));
    return new Exact(n, d);
  }

  /** n / d for safe integers n and d > 0, reduced. */
  private static small(n: number, d: number): Exact {
    const g = gcdSmall(Math.abs(n), d);
    // `+ 0` turns −0 into 0: the representation stays canonical.
    return new Exact(n / g + 0, d / g);
  }

  /** Parses a decimal written as a JS number or a string ("12", "0.25", "-3.5", "1e2"). */
  static parse(value: number | string): Exact | undefined {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const frac = m[3] ?? '';
    const digits = (m[2] || '0') + frac;
    const exp = Number(m[4] ?? 0) - frac.length;
    const sign = m[1] === '-' ? -1 : 1;
    // Up to 15 digits and 15 places: both parts are safe integers.
    if (digits.length <= 15 && exp >= -15 && exp <= 0) return Exact.small(sign * Number(digits), 10 ** -exp);
    let n = BigInt(digits);
    let d = 1n;
    if (exp > 0) n *= 10n ** BigInt(exp);
    if (exp < 0) d = 10n ** BigInt(-exp);
    return Exact.of(sign < 0 ? -n : n, d);
  }

  static from(value: number | string | Exact): Exact {
    if (value instanceof Exact) return value;
    // Checklist points and thresholds are parsed again for every center: remember numbers.
    const known = typeof value === 'number' ? parsed.get(value) : undefined;
    if (known) return known;
    const exact = Exact.parse(value);
    if (!exact) throw new RangeError(`not a decimal: ${value}`);
    if (typeof value === 'number') {
      if (parsed.size >= PARSED_LIMIT) parsed.clear();
      parsed.set(value, exact);
    }
    return exact;
  }

  static sum(values: Iterable<Exact>): Exact {
    let total = Exact.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  add(o: Exact): Exact {
    const { num: a, den: b } = this;
    const { num: c, den: d } = o;
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number') {
      // Sums of one checklist share a denominator (tenths, halves): no products at all.
      if (b === d) {
        const n = a + c;
        if (safe(n)) return Exact.small(n, b);
      } else {
        const l = a * d;
        const r = c * b;
        const bd = b * d;
        if (safe(l) && safe(r) && safe(l + r) && safe(bd)) return Exact.small(l + r, bd);
      }
    }
    return Exact.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Exact): Exact {
    return this.add(o.negated());
  }
  mul(o: Exact): Exact {
    const { num: a, den: b } = this;
    const { num: c, den: d } = o;
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number') {
      const n = a * c;
      const bd = b * d;
      if (safe(n) && safe(bd)) return Exact.small(n, bd);
    }
    return Exact.of(this.n * o.n, this.d * o.d);
  }
  div(o: Exact): Exact {
    if (o.isZero()) throw new RangeError('division by zero');
    return this.mul(o.inverse());
  }
  cmp(o: Exact): number {
    const { num: a, den: b } = this;
    const { num: c, den: d } = o;
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number') {
      const l = a * d;
      const r = c * b;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Exact): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Exact): boolean {
    return this.cmp(o) > 0;
  }
  isZero(): boolean {
    return this.num === 0 || this.num === 0n;
  }
  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }
  max(o: Exact): Exact {
    return this.cmp(o) >= 0 ? this : o;
  }
  /** True when this is a whole multiple of `step`. */
  isMultipleOf(step: Exact): boolean {
    return this.div(step).d === 1n;
  }

  private negated(): Exact {
    return typeof this.num === 'number' ? new Exact(-this.num + 0, this.den) : new Exact(-this.num, this.den);
  }

  private inverse(): Exact {
    return Exact.of(this.d, this.n);
  }

  /** Rounds half away from zero (四舍五入) to `places` decimals. */
  round(places: number): Exact {
    const { num, den } = this;
    const scale = 10 ** places;
    if (typeof num === 'number' && typeof den === 'number' && safe(scale)) {
      const abs = Math.abs(num) * scale;
      const twice = 2 * abs + den;
      // The quotient's correction multiplies back up to twice + 2·den: all of it within safe integers.
      if (safe(twice + 4 * den)) {
        const q = quotient(twice, 2 * den);
        return Exact.small(num < 0 ? -q : q, scale);
      }
    }
    const big = 10n ** BigInt(places);
    const scaled = this.n * big;
    const neg = scaled < 0n;
    const abs = neg ? -scaled : scaled;
    const q = (2n * abs + this.d) / (2n * this.d);
    return Exact.of(neg ? -q : q, big);
  }

  /** Decimal text with exactly `places` decimals (after rounding), or the shortest exact text when omitted. */
  toFixed(places?: number): string {
    if (places === undefined) return this.shortest();
    const r = this.round(places);
    const scale = 10n ** BigInt(places);
    const scaled = (r.n * scale) / r.d;
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places);
    return (neg ? '-' : '') + (places > 0 ? `${int}.${frac}` : int);
  }

  /** Exact decimal text when the value has a finite decimal expansion, else 6 decimals. */
  private shortest(): string {
    if (!this.terminates()) return this.toFixed(6);
    for (let places = 0; ; places++) {
      if ((this.n * 10n ** BigInt(places)) % this.d === 0n) return this.toFixed(places);
    }
  }

  /** True when the denominator has no prime factors but 2 and 5 (a finite decimal). */
  private terminates(): boolean {
    let d = this.d;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  toNumber(): number {
    const { num, den } = this;
    if (den === 1) return num as number;
    // A finite decimal of safe parts: IEEE division rounds n/d correctly, as Number() rounds its decimal text.
    if (typeof num === 'number' && typeof den === 'number' && onlyTwosAndFives(den)) return num / den;
    return Number(this.shortest());
  }

  toString(): string {
    return this.shortest();
  }

  toJSON(): number {
    return this.toNumber();
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const PARSED_LIMIT = 10_000;
const parsed = new Map<number, Exact>();

function safe(x: number): boolean {
  return x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER;
}

/** ⌊a / b⌋ for safe integers a ≥ 0, b > 0, corrected where the float division rounded across an integer. */
function quotient(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

function onlyTwosAndFives(d: number): boolean {
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d === 1;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function gcdSmall(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? 1 : a;
}
