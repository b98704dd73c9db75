import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, excelSerial, isoDate, localDateTime, monthOf, parseDate, today } from '../src/model/dates.js';

// This file runs under UTC, Asia/Shanghai and America/New_York (vitest.config.ts): every expectation holds in each.
describe('calendar dates, whatever the time zone', () => {
  afterEach(() => vi.useRealTimers());

  it('writes a merge record’s moment in local time, each part two digits', () => {
    expect(localDateTime(new Date(2026, 0, 5, 7, 8, 9))).toBe('2026-01-05 07:08:09');
    expect(localDateTime(new Date(2026, 11, 31, 23, 59, 58))).toBe('2026-12-31 23:59:58');
  });

  it('reads a date cell (UTC midnight, as exceljs gives it) as that calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01');
    expect(parseDate(new Date(Date.UTC(2026, 10, 20)))).toBe('2026-11-20');
  });

  it('reads Excel serials and their text as the day they count to', () => {
    expect(parseDate(46346)).toBe('2026-11-20');
    expect(parseDate(46346.75)).toBe('2026-11-20');
    expect(parseDate('46023')).toBe('2026-01-01');
    expect(excelSerial(new Date(Date.UTC(2026, 10, 20)))).toBe(46346);
  });

  it('reads the ways people write a date, and refuses what is not a real one', () => {
    for (const text of ['2026-11-20', '2026/11/20', '2026.11.20', '2026年11月20日', ' 2026 年 11 月 20 日 ', '２０２６-１１-２０', '2026-11-20日']) {
      expect(parseDate(text), text).toBe('2026-11-20');
    }
    expect(parseDate('2026-1-5')).toBe('2026-01-05');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '20261120', '2026-11', '11/20/2026', '1234', '', 'x2026-11-20']) expect(parseDate(bad), bad).toBeUndefined();
    for (const bad of [new Date(NaN), null, undefined, true, {}]) expect(parseDate(bad)).toBeUndefined();
    expect([isoDate(2028, 2, 29), isoDate(2026, 2, 29), isoDate(2026, 4, 31)]).toEqual(['2028-02-29', undefined, undefined]);
    expect(monthOf('2026-11-20')).toBe('2026-11');
    // A day typed with one digit too many is not the 20th; a year typed as 0026 is not 1926.
    for (const bad of ['2026-11-205', '2026年11月20日x', '0026-11-20', '0099/01/01']) expect(parseDate(bad), bad).toBeUndefined();
  });

  it('takes serials from 1 (1899-12-31) to 2958465 (9999-12-31) only', () => {
    expect([parseDate(1), parseDate(2_958_465)]).toEqual(['1899-12-31', '9999-12-31']);
    for (const bad of [0, -1, 2_958_466, NaN]) expect(parseDate(bad), String(bad)).toBeUndefined();
    // As text, a serial is five digits: six are neither a serial nor a date.
    for (const bad of ['146346', '463461', '4634']) expect(parseDate(bad), bad).toBeUndefined();
  });

  it('counts days across daylight-saving changes as whole days', () => {
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
    expect(addDays('2026-10-20', 30)).toBe('2026-11-19');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-25', '2026-11-05')).toBe(11);
  });

  it('takes today from the local calendar, where the inspector is', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T20:00:00Z'));
    const local = { 'Asia/Shanghai': '2026-12-01', 'America/New_York': '2026-11-30', UTC: '2026-11-30' }[process.env.TZ ?? 'UTC'];
    expect(today()).toBe(local);
  });
});
