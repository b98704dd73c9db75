/**
 * Exact rational arithmetic for scores. Checklist points and answers are decimals
 * (0.1, 0.25, 92.5%); binary floats drift (0.1 + 0.2 ≠ 0.3) and a drift can change
 * a grade, so every sum, ratio and rounding goes through this type.
 */
export class Exact {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Exact(0n, 1n);

  static of(n: bigint, d: bigint = 1n): Exact {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Exact(n / g, d / g);
  }

  /** Parses a decimal written as a JS number or a string ("12", "0.25", "-3.5", "1e2"). */
  static parse(value: number | string): Exact | undefined {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const exp = Number(m[4] ?? 0);
    if (exp > 0) n *= 10n ** BigInt(exp);
    if (exp < 0) d *= 10n ** BigInt(-exp);
    return Exact.of(m[1] === '-' ? -n : n, d);
  }

  static from(value: number | string | Exact): Exact {
    if (value instanceof Exact) return value;
    const parsed = Exact.parse(value);
    if (!parsed) throw new RangeError(`not a decimal: ${value}`);
    return parsed;
  }

  static sum(values: Iterable<Exact>): Exact {
    let total = Exact.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  add(o: Exact): Exact {
    return Exact.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Exact): Exact {
    return Exact.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Exact): Exact {
    return Exact.of(this.n * o.n, this.d * o.d);
  }
  div(o: Exact): Exact {
    return Exact.of(this.n * o.d, this.d * o.n);
  }
  cmp(o: Exact): number {
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
    return this.n === 0n;
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

  /** Rounds half away from zero (四舍五入) to `places` decimals. */
  round(places: number): Exact {
    const scale = 10n ** BigInt(places);
    const scaled = this.n * scale;
    const neg = scaled < 0n;
    const abs = neg ? -scaled : scaled;
    const q = (2n * abs + this.d) / (2n * this.d);
    return Exact.of(neg ? -q : q, scale);
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
    let d = this.d;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    if (d !== 1n) return this.toFixed(6);
    for (let places = 0; ; places++) {
      if ((this.n * 10n ** BigInt(places)) % this.d === 0n) return this.toFixed(places);
    }
  }

  toNumber(): number {
    return Number(this.shortest());
  }

  toString(): string {
    return this.shortest();
  }

  toJSON(): number {
    return this.toNumber();
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
