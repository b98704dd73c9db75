// Issue 17: a streamed batch keeps its standings in typed arrays; what comes back is what went in.
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../src/model/checklist.js';
import { StandingTable, type Standing } from '../src/scoring/standings.js';

const grades = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 80 },
  { name: '合格', min: 60 },
  { name: '不合格', min: 0 },
];
const county = { id: 'county', version: '2026.1', grades } as unknown as Checklist;
const township = { id: 'township', version: '2025.1', grades } as unknown as Checklist;

/** Codes of 6, 9 and 12 digits, some with leading zeros; offsets past 4 GB; a veto now and then. */
function standing(i: number): Standing {
  const code = i % 3 === 0 ? String(i).padStart(6, '0') : i % 3 === 1 ? `0${String(i).padStart(8, '0')}` : String(100000000000 + i);
  return {
    code,
    day: 20261101 + (i % 28),
    checklist: i % 2 ? 'township@2025.1' : 'county@2026.1',
    grade: grades[i % 4].name,
    veto: i % 4 === 3 ? [`INS-0${1 + (i % 5)}`] : [],
    total: Math.round(i * 7.3) / 10,
    offset: i * 14_000 + 2 ** 32,
    length: 13_000 + i,
  };
}

describe('StandingTable', () => {
  // Past the first allocation (1,024 rows) twice over.
  const given = Array.from({ length: 3000 }, (_, i) => standing(i));
  // Filled inside each test, not when the file is collected: a mutant is switched on only while tests run.
  const filled = () => {
    const table = new StandingTable();
    const rows = given.map((s, i) => table.add(s, i % 2 ? township : county));
    return { table, rows };
  };

  it('gives back every field as it was added, leading zeros and large offsets included', () => {
    const { table, rows } = filled();
    expect(rows).toEqual(given.map((_, i) => i));
    expect(table.kept()).toEqual(given);
  });

  it('leaves dropped rows out of what counts, in the order they were added', () => {
    const { table } = filled();
    table.drop(5);
    table.drop(2999);
    expect(table.kept()).toEqual(given.filter((_, i) => i !== 5 && i !== 2999));
    expect(table.count).toBe(3000);
  });

  it('keeps a code that is not 6, 9 or 12 digits as it was', () => {
    const odd = new StandingTable();
    odd.add({ ...standing(1), code: '12345' }, county);
    odd.add({ ...standing(2), code: 'A99901' }, county);
    expect([odd.get(0).code, odd.get(1).code]).toEqual(['12345', 'A99901']);
  });

  it('knows each row’s checklist past 65,536 rows (the checklist is a 16-bit index into the batch’s few)', () => {
    const many = new StandingTable();
    // The township rows start past 65,536: an index that wrapped would name a county row's checklist.
    for (let i = 0; i < 70_000; i++) many.add({ ...standing(i), checklist: i < 65_536 ? 'county@2026.1' : 'township@2025.1' }, i < 65_536 ? county : township);
    expect([many.get(0).checklist, many.get(69_999).checklist, many.get(69_998).grade]).toEqual(['county@2026.1', 'township@2025.1', standing(69_998).grade]);
  });
});
