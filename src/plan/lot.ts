import { createHmac } from 'node:crypto';

/**
 * The published lottery. A center's lot is the first 13 hex digits (52 bits) of
 * HMAC-SHA256 with the seed text as key and `<quarter>|<code>` as message, read as an
 * integer n, and u = (n + 1) / 2^52, so 0 < u ≤ 1. Anyone with the seed can recompute it
 * (e.g. Python: hmac.new(seed.encode(), b'2026Q4|999901101', 'sha256').hexdigest()[:13]).
 * `purpose` separates independent draws over the same centers (the 暗访 share).
 */
export function lot(seed: string, quarter: string, code: string, purpose = ''): number {
  const message = purpose ? `${purpose}|${quarter}|${code}` : `${quarter}|${code}`;
  const hex = createHmac('sha256', seed).update(message, 'utf8').digest('hex').slice(0, 13);
  return (parseInt(hex, 16) + 1) / 2 ** 52;
}

/**
 * Weighted draw without replacement (Efraimidis–Spirakis): each candidate's key is
 * u^(1/weight) and the highest keys win. With equal weights this is a plain random pick;
 * a center of weight 2 is about twice as likely to be drawn first as one of weight 1.
 */
export function drawKey(u: number, weight: number): number {
  return u ** (1 / weight);
}
