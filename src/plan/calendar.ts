import { addDays, isoDate, parseDate } from '../model/dates.js';

/** `2026Q4` → its first and last day; undefined when it is not a quarter. */
export function quarterRange(text: string): { quarter: string; start: string; end: string } | undefined {
  const m = /^(\d{4})\s*[Qq]([1-4])$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const start = isoDate(year, q * 3 - 2, 1)!;
  const end = addDays(q === 4 ? isoDate(year + 1, 1, 1)! : isoDate(year, q * 3 + 1, 1)!, -1);
  return { quarter: `${year}Q${q}`, start, end };
}

/**
 * Dates no visit goes on: `2026-10-01` or a range `2026-10-01..2026-10-08` (inclusive),
 * sorted and without repeats; undefined for the first entry that is not one.
 */
export function excludedDates(entries: readonly string[]): { dates: string[] } | { bad: string } {
  const dates = new Set<string>();
  for (const entry of entries.flatMap((e) => e.split(/[,，、\s]+/)).filter(Boolean)) {
    const [from, to = from] = entry.split('..').map((d) => parseDate(d));
    if (!from || !to || to < from) return { bad: entry };
    for (let d = from; d <= to; d = addDays(d, 1)) dates.add(d);
  }
  return { dates: [...dates].sort() };
}

/** Monday to Friday from `start` to `end`, leaving out `exclude`. */
export function workingDays(start: string, end: string, exclude: readonly string[]): string[] {
  const skip = new Set(exclude);
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) if (isWorkingDay(d, skip)) days.push(d);
  return days;
}

/** The day a center is told of a 明察 visit: `n` working days before it (holidays and weekends skipped). */
export function noticeDate(date: string, n: number, exclude: readonly string[]): string {
  const skip = new Set(exclude);
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d, skip)) left--;
  }
  return d;
}

function isWorkingDay(d: string, skip: ReadonlySet<string>): boolean {
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !skip.has(d);
}
