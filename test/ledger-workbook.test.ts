import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedger, readLedger, readLedgerCopy, writeLedger } from '../src/formats/ledger-workbook.js';
import type { Ledger } from '../src/ledger/ledger.js';
import { fingerprint, parseFingerprint, type LedgerRow } from '../src/ledger/model.js';
import { tempDir } from './helpers.js';
import { editCopy } from '../fixtures/ledger/builders.js';
import { UserError } from '../src/errors.js';

function row(i: number): LedgerRow {
  const center = `9999${String(1 + (i % 40)).padStart(2, '0')}${101 + (i % 7)}`;
  return {
    id: `${center}-20261010-MEC-${1 + Math.floor(i / 300)}-${(i % 300) + 1}`,
    centerCode: center,
    centerName: `示例市第${i % 40}区综治中心`,
    county: `${center.slice(0, 6)} 示例县`,
    dimension: '运行机制规范化',
    item: 'MEC-01 矛盾纠纷排查台账',
    // Varying lengths put CJK characters at every byte offset of the compressed stream's chunks.
    problem: `矛盾纠纷排查台账缺失:第${i}条记录不全${'。'.repeat(i % 13)}`,
    deducted: i % 4 === 0 ? 0.25 : 1,
    measure: '补建排查台账并按月排查,落实“一月一排查”',
    owner: i % 2 ? '县综治中心' : '县委政法委、县信访局',
    person: i % 5 ? '' : '王五',
    deadline: '2026-11-09',
    status: (['未整改', '整改中', '已整改', '已销号', '反弹'] as const)[i % 5],
    progress: i % 3 ? '' : `第${i}项正在补建`,
    closedOn: i % 5 === 3 ? '2026-11-20' : '',
    verifier: i % 5 === 3 ? '赵六' : '',
    note: i % 7 ? '' : '=SUM(1,2) 不是公式',
    review: i % 4 ? '' : `2026-12-0${1 + (i % 9)} 复查:仍失分,扣 0.5 分`,
  };
}

describe('ledger workbook', () => {
  it('reads back exactly what it wrote, every field and the merge record', async () => {
    const dir = tempDir();
    const ledger: Ledger = {
      rows: Array.from({ length: 25 }, (_, i) => row(i)),
      log: [{ time: '2026-11-01 09:00:00', file: '甲区.xlsx', id: row(0).id, field: '整改状态', from: '未整改', to: '整改中', reason: '单位更新' }],
    };
    const path = join(dir, 'l.xlsx');
    await writeLedger(path, ledger);
    expect(await loadLedger(path)).toEqual(ledger);
    const copy = await readLedgerCopy(path);
    expect(copy?.base?.get(row(3).id)).toEqual(parseFingerprint(fingerprint(row(3))));
  });

  it('reads a ledger of many 64 KB zip chunks without garbling a single character', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 12_000 }, (_, i) => row(i));
    const path = join(dir, 'big.xlsx');
    await writeLedger(path, { rows, log: [] });
    // CJK characters straddle chunk boundaries many times over (scripts/exceljs/parse-sax.js).
    expect(statSync(path).size).toBeGreaterThan(4 * 65_536);
    const back = await readLedger(path);
    const garbled = back.filter((r, i) => JSON.stringify(r) !== JSON.stringify(rows[i]));
    expect(garbled.map((r) => r.problem).slice(0, 3)).toEqual([]);
    expect(back).toHaveLength(rows.length);
  }, 60_000);

  it('refuses a ledger with a missing column, a repeated 问题编号 or a cell it cannot read, naming each cell', async () => {
    const dir = tempDir();
    const path = join(dir, 'l.xlsx');
    await writeLedger(path, { rows: [row(0), row(1), row(2)], log: [] });
    const broken = join(dir, 'broken.xlsx');
    await editCopy(path, broken, { set: { [row(1).id]: { 问题编号: row(0).id }, [row(2).id]: { 扣分: '两分' } } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(broken);
    wb.getWorksheet('整改台账')!.getCell('Q3').value = '签字';
    await wb.xlsx.writeFile(broken);
    const error = await loadLedger(broken).catch((e: UserError) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems.map((p) => [p.code, p.cell])).toEqual([
      ['ledger.missing-columns', 'A3'],
      ['ledger.duplicate-id', 'B5'],
      ['ledger.bad-number', 'I6'],
    ]);
    expect((error as UserError).problems[0].message).toContain('核验人');
  });

  it('says which file is not a ledger', async () => {
    const dir = tempDir();
    const path = join(dir, 'l.xlsx');
    await writeLedger(path, { rows: [], log: [] });
    expect(await readLedger(path)).toEqual([]);
    await expect(loadLedger(join(dir, 'missing.xlsx'))).rejects.toThrow('missing.xlsx');
  });
});
