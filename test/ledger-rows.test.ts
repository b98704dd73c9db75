import { describe, expect, it } from 'vitest';
import { asCopy, auditResult, fail } from '../fixtures/ledger/builders.js';
import { addAudits } from '../src/ledger/audits.js';
import { LEDGER_COLUMNS, type LedgerField } from '../src/ledger/model.js';
import { placeOf, readLedgerRows, type ReadRow } from '../src/ledger/rows.js';

// The committee's own ledger as the workbook reader yields it (序号 in A, 问题编号 in B, data from row 3).
const { rows: built } = addAudits([], [{ result: auditResult('999901', '2026-10-10', { 'INS-01': fail, 'MEC-02': fail }), source: 'a.audit.yaml' }]);
const [ins01, mec02] = built;
const read = (rows: ReadRow[]) => readLedgerRows(rows);
const sheetRows = (fields?: LedgerField[]) => asCopy(built, '台账.xlsx', undefined, fields).rows;
const withCell = (r: ReadRow, field: LedgerField, value: string | number | null): ReadRow => ({ ...r, cells: new Map([...r.cells, [field, value]]) });

describe('reading the committee’s ledger rows', () => {
  it('reads every row back as it was written', () => {
    expect(read(sheetRows())).toEqual({ rows: built, problems: [] });
  });

  it('reads a ledger written before 复查 existed, that column empty', () => {
    const old = read(sheetRows(LEDGER_COLUMNS.filter((c) => !c.optional).map((c) => c.field)));
    expect(old.problems).toEqual([]);
    expect(old.rows.map((r) => r.review)).toEqual(['', '']);
    expect(old.rows.map((r) => r.id)).toEqual([ins01.id, mec02.id]);
  });

  it('skips blank rows, and refuses a row without 问题编号 or given twice, at the cell', () => {
    const [a, b] = sheetRows();
    const blank: ReadRow = { ...a, number: 9, cells: new Map([...a.cells.keys()].map((f) => [f, f === 'deducted' ? null : '  '])) };
    const noId = { ...withCell(b, 'id', null), number: 10 };
    const twice = { ...a, number: 11 };
    const out = read([a, blank, noId, twice, b]);
    expect(out.rows.map((r) => r.id)).toEqual([ins01.id, mec02.id]);
    expect(out.problems.map((p) => [p.code, `${p.file}!${p.sheet}!${p.cell}`])).toEqual([
      ['ledger.missing-id', '台账.xlsx!整改台账!B10'],
      ['ledger.duplicate-id', '台账.xlsx!整改台账!B11'],
    ]);
    expect(out.problems[1].message).toContain('台账.xlsx!整改台账!B3');
  });

  it('takes no half-read row: a cell it cannot read is a problem at that cell, and the row is left out', () => {
    const [a, b] = sheetRows();
    const out = read([withCell(a, 'deducted', '两分'), withCell(b, 'status', '已完成')]);
    expect(out.rows).toEqual([]);
    expect(out.problems.map((p) => [p.code, p.cell])).toEqual([
      ['ledger.bad-number', 'I3'],
      ['ledger.bad-status', 'N4'],
    ]);
  });

  it('keeps 复查 as written, and takes a row with nothing but a number as a row without 问题编号', () => {
    const [a] = sheetRows();
    expect(read([withCell(a, 'review', '2026-11-10 复查:仍失分,扣 20 分')]).rows[0].review).toBe('2026-11-10 复查:仍失分,扣 20 分');
    const onlyPoints: ReadRow = { ...a, cells: new Map([...a.cells.keys()].map((f) => [f, f === 'deducted' ? 2 : null])) };
    expect(read([onlyPoints]).problems.map((p) => [p.code, p.cell])).toEqual([
      ['ledger.bad-status', 'N3'],
      ['ledger.missing-id', 'B3'],
    ]);
  });

  it('places a field the sheet lacks at the row’s 问题编号 cell', () => {
    const [a] = sheetRows(['id', 'status']);
    expect([placeOf(a, 'status'), placeOf(a, 'note')]).toEqual([
      { file: '台账.xlsx', sheet: '整改台账', cell: 'C3' },
      { file: '台账.xlsx', sheet: '整改台账', cell: 'B3' },
    ]);
  });
});
