import { describe, expect, it } from 'vitest';
import { ranked, ranks } from '../src/model/rank.js';

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
