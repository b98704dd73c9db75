import { describe, expect, it } from 'vitest';
import { ranked, rankPerChecklist, rankResults, ranks } from '../src/model/rank.js';
import type { Result } from '../src/model/result.js';

describe('competition ranking', () => {
  it('gives ties the same rank and skips the places they share', () => {
    expect(ranks([90, 95, 90, 80, 95, 70])).toEqual([3, 1, 3, 5, 1, 6]);
  });

  it('sorts best first, keeping input order among ties', () => {
    const rows = ranked(['a:90', 'b:95', 'c:90'], (s) => Number(s.split(':')[1]));
    expect(rows).toEqual([
      { item: 'b:95', rank: 1 },
      { item: 'a:90', rank: 2 },
      { item: 'c:90', rank: 2 },
    ]);
  });
});

describe('ranking results', () => {
  const GRADES = ['优秀', '良好', '合格', '不合格'];
  const result = (code: string, total: number, grade: string, version = '1', veto: string[] = []) =>
    ({ center: { code, name: code }, checklist: { id: 'county', version, sha256: '', name: '县级', level: 'county' }, total, grade, veto }) as unknown as Result;

  it('keeps the order results came in among many equal ones', () => {
    const tied = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code) => result(code, 85, '良好'));
    expect(rankResults(tied, GRADES).map((r) => `${r.rank}${r.item.center.code}`)).toEqual(['1a', '1b', '1c', '1d', '1e', '1f', '1g']);
  });

  it('puts a grade the checklist does not list below every listed one, and a vetoed center below all', () => {
    const ranked = rankResults([result('x', 99, '特优'), result('v', 99, '良好', '1', ['INS-01']), result('b', 50, '不合格'), result('a', 95, '优秀')], GRADES);
    expect(ranked.map((r) => [r.rank, r.item.center.code])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'x'],
      [4, 'v'],
    ]);
  });

  it('ranks each checklist version on its own, groups in order of first appearance', () => {
    const groups = rankPerChecklist([result('a', 80, '良好', '2'), result('b', 90, '优秀', '1'), result('c', 95, '优秀', '2')], GRADES);
    expect(groups.map((g) => [g.checklist.version, g.rows.map((r) => [r.rank, r.item.center.code])])).toEqual([
      ['2', [[1, 'c'], [2, 'a']]],
      ['1', [[1, 'b']]],
    ]);
  });
});
