import { describe, expect, it } from 'vitest';
import { countyNamesOf, countyOf, evidenceLabel, isCenterCode, isEvidence, placeName } from '../src/model/audit.js';
import { checklistTotal, gradeNames, penaltyAsItem, placedItems, refOf, vetoRuleOf, type ChecklistFile } from '../src/model/checklist.js';
import { Exact } from '../src/model/exact.js';
import { ranks } from '../src/model/rank.js';
import { readAnswer, storedAnswer } from '../src/model/answers.js';
import { roundedScore, shownScore } from '../src/model/result.js';
import { booleanText, isNotApplicable, nearest, normalizeText, numberText, splitList, splitNames } from '../src/model/text.js';

import { fixtureChecklist } from './scoring-helpers.js';

const x = (s: string) => Exact.from(s);

describe('Exact: the arithmetic every score goes through', () => {
  it('reads decimals written as numbers or text, exponents included, and nothing else', () => {
    expect(['12', ' 0.25 ', '-3.5', '+2', '.5', '5.', '1e2', '1.5e-1', '2E+1'].map((s) => Exact.parse(s)?.toString())).toEqual([
      '12',
      '0.25',
      '-3.5',
      '2',
      '0.5',
      '5',
      '100',
      '0.15',
      '20',
    ]);
    expect([0.1, -0, 1e21].map((n) => Exact.parse(n)?.toString())).toEqual(['0.1', '0', '1000000000000000000000']);
    for (const bad of ['', '.', '-', 'e5', '1.2.3', '12a', '1,000']) expect(Exact.parse(bad), bad).toBeUndefined();
    for (const bad of [Infinity, NaN]) expect(Exact.parse(bad)).toBeUndefined();
    expect(() => Exact.from('x')).toThrow(new RangeError('not a decimal: x'));
    expect(Exact.from(x('2.5'))).toEqual(x('2.5'));
  });

  it('keeps fractions in lowest terms with a positive denominator, and refuses a zero one', () => {
    expect(Exact.of(2n, -4n)).toEqual(x('-0.5'));
    expect([Exact.of(6n, 4n).n, Exact.of(6n, 4n).d]).toEqual([3n, 2n]);
    expect([Exact.of(0n, 5n).n, Exact.of(0n, 5n).d]).toEqual([0n, 1n]);
    expect(() => Exact.of(1n, 0n)).toThrow(new RangeError('division by zero'));
  });

  it('adds, subtracts, multiplies and divides without binary drift', () => {
    expect(x('0.1').add(x('0.2')).toString()).toBe('0.3');
    expect(x('0.3').sub(x('0.1')).toString()).toBe('0.2');
    expect(x('1.5').sub(x('2')).toString()).toBe('-0.5');
    expect(x('0.1').mul(x('3')).toString()).toBe('0.3');
    expect(x('1').div(x('4')).toString()).toBe('0.25');
    expect(x('3').div(x('-2')).toString()).toBe('-1.5');
    expect(Exact.sum([x('10.1'), x('20.2'), x('30.3'), x('29.35')]).toString()).toBe('89.95');
    expect(Exact.sum([]).toString()).toBe('0');
  });

  it('compares', () => {
    expect([x('1').cmp(x('2')), x('2').cmp(x('1')), x('0.5').cmp(Exact.of(1n, 2n))]).toEqual([-1, 1, 0]);
    expect([x('1').lt(x('1')), x('1').gt(x('1')), x('1').eq(x('1.0'))]).toEqual([false, false, true]);
    expect([x('1').lt(x('1.5')), x('1.5').gt(x('1'))]).toEqual([true, true]);
    expect([Exact.ZERO.isZero(), x('0.001').isZero()]).toEqual([true, false]);
    expect([x('1').min(x('2')).toString(), x('2').min(x('1')).toString(), x('1').max(x('2')).toString(), x('2').max(x('1')).toString()]).toEqual(['1', '1', '2', '2']);
    expect([x('1.5').isMultipleOf(x('0.5')), x('1.25').isMultipleOf(x('0.5')), x('0').isMultipleOf(x('0.5'))]).toEqual([true, false, true]);
  });

  it('reads decimals of 16 and more digits or places exactly (past what a double holds)', () => {
    const parts = (s: string) => {
      const e = Exact.from(s);
      return [e.n, e.d];
    };
    expect(parts('1234567890123456')).toEqual([1234567890123456n, 1n]);
    expect(parts('12345678901234567')).toEqual([12345678901234567n, 1n]);
    expect(parts('-9007199254740993')).toEqual([-9007199254740993n, 1n]);
    expect(parts('0.1234567890123457')).toEqual([1234567890123457n, 10n ** 16n]);
    expect(parts('1.0000000000000001')).toEqual([10000000000000001n, 10n ** 16n]);
    // 10^23 is no double (1e23 is 99999999999999991611392).
    expect(parts('1e-23')).toEqual([1n, 10n ** 23n]);
    expect(parts(`0.${'0'.repeat(22)}1`)).toEqual([1n, 10n ** 23n]);
  });

  // Past 2^53 = 9007199254740992 a double holds even integers only: 9007199254740993 and 9007199254740997 are none.
  it('stays exact when a sum leaves the safe integers, or its cross products do though the sum is small', () => {
    const parts = (e: Exact) => [e.n, e.d];
    expect(parts(x('4503599627370497').add(x('4503599627370496')))).toEqual([9007199254740993n, 1n]);
    expect(parts(x('-4503599627370497').add(x('-4503599627370496')))).toEqual([-9007199254740993n, 1n]);
    // 1501199875790167 / 2 + 2^51 / 3 = (4503599627370501 + 4503599627370496) / 6: each product fits, their sum does not.
    expect(parts(Exact.of(1501199875790167n, 2n).add(Exact.of(2n ** 51n, 3n)))).toEqual([9007199254740997n, 6n]);
    // 3002399751580331 − 9007199254740991 / 3 = (9007199254740993 − 9007199254740991) / 3.
    expect(parts(x('3002399751580331').add(Exact.of(-9007199254740991n, 3n)))).toEqual([2n, 3n]);
  });

  it('compares values whose cross products leave the safe integers, equal ones as equal', () => {
    const big = Exact.of(9007199254740991n, 9007199254740990n);
    expect([big.cmp(Exact.of(9007199254740991n, 9007199254740990n)), x('1e22').cmp(x('10000000000000000000000'))]).toEqual([0, 0]);
    expect([big.eq(Exact.of(9007199254740991n, 9007199254740990n)), big.lt(big), big.gt(big)]).toEqual([true, false, false]);
    // 3002399751580331 / 2 against 2^52 / 3: cross products 9007199254740993 and 9007199254740992, the same double.
    const [a, b] = [Exact.of(3002399751580331n, 2n), Exact.of(2n ** 52n, 3n)];
    expect([a.cmp(b), b.cmp(a)]).toEqual([1, -1]);
  });

  it('rounds exactly where twice the scaled value leaves the safe integers', () => {
    // 2^52 / 3 = 1501199875790165.33…; the rounding sum 2 · 2^52 + 3 = 9007199254740995 is no double.
    expect(Exact.of(2n ** 52n, 3n).round(0).toString()).toBe('1501199875790165');
  });

  it('refuses to divide by zero', () => {
    expect(() => x('1').div(Exact.ZERO)).toThrow(new RangeError('division by zero'));
  });

  it('rounds half away from zero (四舍五入), negatives included', () => {
    expect(['2.25', '2.24', '-2.25', '-2.24', '89.95', '0.05'].map((s) => x(s).round(1).toString())).toEqual(['2.3', '2.2', '-2.3', '-2.2', '90', '0.1']);
    expect(x('2.5').round(0).toString()).toBe('3');
    expect(x('1234.5678').round(2).toString()).toBe('1234.57');
  });

  it('prints fixed decimals, the shortest exact text, or 6 decimals for a repeating fraction', () => {
    expect([x('2.50').toFixed(), x('1').div(x('3')).toFixed(), x('-7').toFixed()]).toEqual(['2.5', '0.333333', '-7']);
    expect([x('85.25').toFixed(1), x('85').toFixed(2), x('2.5').toFixed(0), x('-0.04').toFixed(1), x('-1.25').toFixed(1), x('0.05').toFixed(3)]).toEqual([
      '85.3',
      '85.00',
      '3',
      '0.0',
      '-1.3',
      '0.050',
    ]);
    expect([x('0.250').toString(), x('-12').toString(), Exact.of(1n, 3n).toString(), Exact.of(-2n, 3n).toString(), Exact.of(1n, 8n).toString()]).toEqual([
      '0.25',
      '-12',
      '0.333333',
      '-0.666667',
      '0.125',
    ]);
    expect([x('92.5').toNumber(), Exact.of(1n, 3n).toNumber(), JSON.stringify({ v: x('0.75') })]).toEqual([92.5, 0.333333, '{"v":0.75}']);
  });
});

describe('text as people type it', () => {
  it('normalizes full-width characters, ideographic and stray spaces', () => {
    expect(normalizeText('  ９２．５％\u3000分 ')).toBe('92.5% 分');
    expect(normalizeText('a\t\tb\r\nc\u00A0 d')).toBe('a b c d');
  });

  it('reads numbers with a percent sign or thousands commas, and refuses other text', () => {
    expect(['92', '９２.５', '92.5%', '92.5 %', '1,200', '12,345,678', '-3', '+.5', '5.', '.25'].map(numberText)).toEqual([
      '92',
      '92.5',
      '92.5',
      '92.5',
      '1200',
      '12345678',
      '-3',
      '+.5',
      '5.',
      '.25',
    ]);
    for (const bad of ['1,20', '九十', '', '%', '1.2.3', '12a', '1 200', '9%2', '%92']) expect(numberText(bad), bad).toBeUndefined();
  });

  it('reads yes and no in every way they are written, and nothing else', () => {
    for (const yes of ['是', 'YES', 'y', 'True', '1', '✓', '✔', '√', '对', '有', '达到', ' 是 ', true, 1]) expect(booleanText(yes), String(yes)).toBe(true);
    for (const no of ['否', 'No', 'n', 'FALSE', '0', '✗', '✘', '×', 'X', '无', '未达到', false, 0]) expect(booleanText(no), String(no)).toBe(false);
    for (const neither of ['也许', '', 2, null, undefined, {}]) expect(booleanText(neither), String(neither)).toBeUndefined();
  });

  it('knows the ways N/A is written', () => {
    for (const na of ['不适用', 'N/A', 'na', '缺项', '/', ' 不适用 ']) expect(isNotApplicable(na), na).toBe(true);
    for (const not of ['适用', 'n', '', 0, null]) expect(isNotApplicable(not), String(not)).toBe(false);
  });

  it('splits option lists and inspectors’ names on every separator people use', () => {
    expect(splitList('法院、检察院,公安，司法;信访；\n 调解 ,, ')).toEqual(['法院', '检察院', '公安', '司法', '信访', '调解']);
    expect(splitNames(' 张三、李四,王五/赵六  钱七；孙八 ')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    expect(splitNames('')).toEqual([]);
  });

  it('suggests the nearest label only when it is close (at most half its length away)', () => {
    expect(nearest('法元', ['检察院', '法院'])).toBe('法院');
    expect(nearest('完全到达', ['完全达到', '基本达到', '未达到'])).toBe('完全达到');
    expect(nearest('公', ['公安'])).toBe('公安');
    expect(nearest('信访局长', ['公安'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
    // Ties go to the first label.
    expect(nearest('ab', ['ac', 'ad'])).toBe('ac');
  });
});

describe('centers and ranks', () => {
  it('accepts 6, 9 and 12 digit codes only, and finds the county in the first six', () => {
    expect(['999901', '999901101', '999901101001'].map(isCenterCode)).toEqual([true, true, true]);
    expect(['99990', '9999011', '99990110100', '9999011010012', '99990a', ' 999901'].map(isCenterCode)).toEqual([false, false, false, false, false, false]);
    expect(countyOf('999901101')).toBe('999901');
  });

  it('names counties by their county centers only', () => {
    const names = countyNamesOf([
      { code: '999901', name: '示例市甲区综治中心' },
      { code: '999901101', name: '城关镇综治中心' },
      { code: '999902', name: '' },
      { code: '999903', name: '丙县社会治安综合治理中心' },
    ]);
    expect([...names]).toEqual([
      ['999901', '示例市甲区'],
      ['999903', '丙县'],
    ]);
  });

  it('names a county by its center without the trailing 综治中心', () => {
    expect(['示例市甲区综治中心', '乙县社会治安综合治理中心', '丙县', '综治中心', '综治中心甲区'].map(placeName)).toEqual(['示例市甲区', '乙县', '丙县', '综治中心', '综治中心甲区']);
  });

  it('gives equal scores one rank and skips the places they share (1, 1, 3)', () => {
    expect(ranks([80, 95, 80, 70, 95])).toEqual([3, 1, 3, 5, 1]);
    expect(ranks([])).toEqual([]);
  });
});

describe('facts a checklist gives', () => {
  const effects = fixtureChecklist('effects');
  const methods = fixtureChecklist('methods');

  it('totals its dimensions and is recorded by id, version and sha256', () => {
    expect(checklistTotal(effects).toString()).toBe('100');
    expect(refOf(effects)).toEqual({ id: 'effects', version: '1', sha256: effects.sha256 });
    expect(effects.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('places scored items under their dimension, then bonus items, then 负面清单 events', () => {
    const placed = placedItems(methods).map((p) => `${p.item.id}:${p.dimension?.id ?? (p.penalty ? 'penalty' : 'bonus')}`);
    expect(placed[0]).toBe('A-1:institution');
    expect(placed.at(-1)).toBe('BON-1:bonus');
    expect(placedItems(effects).map((p) => `${p.item.id}:${p.dimension?.id ?? (p.penalty ? 'penalty' : 'bonus')}`)).toEqual([
      'A-1:institution',
      'A-2:institution',
      'A-3:institution',
      'B-1:mechanism',
      'NEG-1:penalty',
      'NEG-2:penalty',
      'NEG-3:penalty',
    ]);
  });

  it('answers a 负面清单 event like a deduct item: per event, at most its cap, else the section’s, else the total', () => {
    const [neg1, neg2, neg3] = effects.penalties!.items;
    expect(penaltyAsItem(effects, neg1)).toMatchObject({ id: 'NEG-1', method: 'deduct', per: 2, points: 6 });
    expect(penaltyAsItem(effects, neg2)).toMatchObject({ id: 'NEG-2', method: 'deduct', per: 3, points: 8 });
    // No per: one event takes all it may.
    expect(penaltyAsItem(effects, neg3)).toMatchObject({ id: 'NEG-3', method: 'deduct', per: 8, points: 8 });
    expect(penaltyAsItem(effects, neg1)).not.toHaveProperty('cap');
    expect(penaltyAsItem(effects, neg3)).not.toHaveProperty('veto');
    const uncapped = { ...effects, penalties: { ...effects.penalties!, cap: undefined } };
    expect(penaltyAsItem(uncapped, neg2)).toMatchObject({ per: 3, points: 100 });
  });

  it('reads each veto effect, the checklist default for `veto: true`, and the lowest grade when there is no default', () => {
    expect(vetoRuleOf(effects, undefined)).toBeUndefined();
    expect(vetoRuleOf(effects, false)).toBeUndefined();
    expect(vetoRuleOf(effects, 'lowest-grade')).toEqual({ kind: 'lowest-grade' });
    expect(vetoRuleOf(effects, true)).toEqual({ kind: 'cap-grade', grade: '合格' });
    expect(vetoRuleOf(effects, { deduct: 10 })).toEqual({ kind: 'deduct', points: 10 });
    expect(vetoRuleOf(effects, { 'cap-grade': '良好' })).toEqual({ kind: 'cap-grade', grade: '良好' });
    expect(vetoRuleOf(methods, true)).toEqual({ kind: 'lowest-grade' });
  });

  it('lists grade names best first over several checklists, each once, extra ones after', () => {
    const a: Pick<ChecklistFile, 'grades'> = { grades: [{ name: '优秀', min: 90 }, { name: '合格', min: 60 }, { name: '不合格', min: 0 }] };
    const b: Pick<ChecklistFile, 'grades'> = { grades: [{ name: '优秀', min: 85 }, { name: '良好', min: 75 }, { name: '不合格', min: 0 }] };
    expect(gradeNames([a, b, a])).toEqual(['优秀', '合格', '不合格', '良好']);
    expect(gradeNames([])).toEqual([]);
  });
});

describe('scores as every sink shows them', () => {
  it('rounds half up once, from the exact figure, to the checklist precision', () => {
    expect([shownScore(92.45, 1), shownScore(92.44, 1), shownScore(80, 1), shownScore(89.95, 1), shownScore(92.5, 0)]).toEqual(['92.5', '92.4', '80.0', '90.0', '93']);
    expect([roundedScore(92.45, 1), roundedScore(1.005, 2), roundedScore(92.5, 0)]).toEqual([92.5, 1.01, 93]);
  });
});

describe('未查: an item not inspected this time', () => {
  const item = fixtureChecklist('methods').dimensions[0].items[1];

  it('is read from any item, with the reason why, and stored back as 未查', () => {
    expect(item.na).toBeFalsy();
    const read = readAnswer(item, { value: ' 未查 ', note: '负责人不在岗,下次补查' });
    expect(read).toEqual({ kind: 'answer', answer: { na: true, uninspected: true, note: '负责人不在岗,下次补查' } });
    expect(storedAnswer(item, { na: true, uninspected: true, note: 'x' })).toEqual({ value: '未查' });
    expect(storedAnswer(item, { na: true, note: 'x' })).toEqual({ value: '不适用' });
  });

  it('needs a note saying why', () => {
    for (const note of [undefined, '  ']) {
      expect(readAnswer(item, { value: '未查', note })).toEqual({ kind: 'error', code: 'answer.uninspected-needs-note', params: { item: item.id } });
    }
  });
});

describe('evidence as files record it', () => {
  const sha = 'ab'.repeat(32);

  it('is { path, sha256 } with a path and 64 hex digits, and nothing else', () => {
    expect([isEvidence({ path: '台账.jpg', sha256: sha }), isEvidence({ path: 'a/b.pdf', sha256: sha.toUpperCase() })]).toEqual([true, true]);
    for (const bad of [
      null,
      'x',
      [{ path: 'a', sha256: sha }],
      { path: '', sha256: sha },
      { path: 3, sha256: sha },
      { path: 'a', sha256: sha.slice(1) },
      { path: 'a', sha256: `${sha}0` },
      { path: 'a', sha256: `g${sha.slice(1)}` },
      { path: 'a', sha256: `${sha.slice(1)}g` },
      { path: 'a', sha256: 64 },
      // A list holding the digits reads as those digits when turned into text: still not a sha256.
      { path: 'a', sha256: [sha] },
      { path: 'a', sha256: sha, note: '照片' },
    ]) {
      expect(isEvidence(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('is named by its file name and the first 8 hex digits of its sha256', () => {
    expect([evidenceLabel({ path: '佐证/10月/台账.jpg', sha256: sha }), evidenceLabel({ path: 'C:\\佐证\\照片.png', sha256: sha })]).toEqual(['台账.jpg(abababab)', '照片.png(abababab)']);
  });
});
