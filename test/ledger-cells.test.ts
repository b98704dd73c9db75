import { describe, expect, it } from 'vitest';
import { columnsOfHeader, isHeaderRow, readField } from '../src/ledger/cells.js';
import { columnOf } from '../src/ledger/model.js';
import { NO_RESULT } from '../src/xlsx/cell.js';

const read = (field: Parameters<typeof columnOf>[0], raw: Parameters<typeof readField>[1]) => readField(columnOf(field), raw);

describe('reading a ledger cell as its column’s kind', () => {
  it('text: trimmed; an empty cell is not set', () => {
    expect(read('progress', '  已落实 ')).toEqual({ ok: true, value: '已落实' });
    expect(read('progress', null)).toEqual({ ok: true, value: '' });
    expect(read('person', 12)).toEqual({ ok: true, value: '12' });
    // A date typed into a text column reads as the day, not as a timestamp.
    expect(read('progress', new Date(Date.UTC(2026, 11, 31)))).toEqual({ ok: true, value: '2026-12-31' });
  });

  it('number: a number cell, or text that reads as one; anything else named', () => {
    expect(read('deducted', 3.5)).toEqual({ ok: true, value: 3.5 });
    expect(read('deducted', ' ３.５ ')).toEqual({ ok: true, value: 3.5 });
    expect(read('deducted', '1,200')).toEqual({ ok: true, value: 1200 });
    expect(read('deducted', '三分')).toEqual({ ok: false, code: 'ledger.bad-number', params: { value: '三分' } });
    expect(read('deducted', null)).toEqual({ ok: false, code: 'ledger.bad-number', params: { value: '' } });
  });

  it('date: a date cell, a serial or text; blank is not set; anything else named', () => {
    expect(read('deadline', new Date(Date.UTC(2026, 11, 31)))).toEqual({ ok: true, value: '2026-12-31' });
    expect(read('deadline', 46387)).toEqual({ ok: true, value: '2026-12-31' });
    for (const text of ['2026/12/31', '2026年12月31日', ' 2026-12-31 ']) expect(read('closedOn', text), text).toEqual({ ok: true, value: '2026-12-31' });
    expect(read('closedOn', '  ')).toEqual({ ok: true, value: '' });
    expect(read('closedOn', null)).toEqual({ ok: true, value: '' });
    expect(read('deadline', '2026-02-30')).toEqual({ ok: false, code: 'ledger.bad-date', params: { value: '2026-02-30' } });
    expect(read('deadline', '年底前')).toEqual({ ok: false, code: 'ledger.bad-date', params: { value: '年底前' } });
  });

  it('status: one of the five, spaces and full-width forms forgiven', () => {
    expect(read('status', ' 已整改 ')).toEqual({ ok: true, value: '已整改' });
    expect(read('status', '反弹')).toEqual({ ok: true, value: '反弹' });
    expect(read('status', '完成')).toEqual({ ok: false, code: 'ledger.bad-status', params: { value: '完成', statuses: '未整改/整改中/已整改/已销号/反弹' } });
    expect(read('status', null)).toMatchObject({ ok: false, code: 'ledger.bad-status' });
  });

  it('refuses an error cell (#REF!) in any column, naming it', () => {
    expect(read('progress', { error: '#REF!' })).toEqual({ ok: false, code: 'ledger.cell-error', params: { value: '#REF!' } });
    expect(read('deducted', { error: '#DIV/0!' })).toMatchObject({ ok: false, code: 'ledger.cell-error' });
    // A formula saved without its value (written by a program, never opened in Excel): not an error of the sheet's.
    expect(read('status', { error: NO_RESULT })).toEqual({ ok: false, code: 'sheet.formula-no-result', params: { value: NO_RESULT } });
  });
});

describe('finding the ledger’s columns in a header row', () => {
  it('by their text wherever they are, however the brackets, spaces and line breaks were typed', () => {
    const columns = columnsOfHeader(['序号', '整改\n状态', null, '问题 编号', '所属县(市,区)', 3, '备注']);
    expect([...columns]).toEqual([
      ['status', 2],
      ['id', 4],
      ['county', 5],
      ['note', 7],
    ]);
  });

  it('under the names units retitle them to; the first of two same columns wins', () => {
    expect([...columnsOfHeader(['问题编号', '所属县', '状态', '复核人', '状态'])]).toEqual([
      ['id', 1],
      ['county', 2],
      ['status', 3],
      ['verifier', 4],
    ]);
  });

  it('is the header when it names 问题编号 and at least two other columns', () => {
    expect(isHeaderRow(['问题编号', '整改状态', '备注'])).toBe(true);
    expect(isHeaderRow(['问题编号', '整改状态'])).toBe(false);
    expect(isHeaderRow(['序号', '整改状态', '备注', '整改进展'])).toBe(false);
    expect(isHeaderRow(['999901-20261010-INS-01', '整改中', '备注'])).toBe(false);
  });
});
