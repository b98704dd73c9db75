import { normalizeText } from './text.js';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * A calendar date as a person wrote it: 2026-11-20, 2026/11/20, 2026.11.20,
 * 2026年11月20日, a Date (read as UTC, as exceljs gives them) or an Excel serial.
 * Returns YYYY-MM-DD, or undefined when it is not a real date.
 */
export function parseDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return raw > 0 && raw < 2_958_466 ? new Date(EXCEL_EPOCH + Math.floor(raw) * DAY).toISOString().slice(0, 10) : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = normalizeText(raw);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return /^\d{5}$/.test(s) ? parseDate(Number(s)) : undefined;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The Excel serial number of a date cell's value (days since 1899-12-30, UTC). */
export function excelSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / DAY;
}

export function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function today(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** YYYY-MM of a date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** A moment as a merge record shows it: local time, to the second (YYYY-MM-DD HH:mm:ss). */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
