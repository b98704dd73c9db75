import { describe, expect, it } from 'vitest';
import { methodOf } from '../src/methods/index.js';
import { readAnswer } from '../src/model/answers.js';
import { Exact } from '../src/model/exact.js';
import { placedItems, type Item } from '../src/model/checklist.js';
import { fixtureChecklist } from './scoring-helpers.js';

// fixtures/scoring/methods.yaml: A-1 check (10, veto), A-2 levels (20/12/0), A-3 multi (法院 10, 检察院 6, 公安 4),
// B-1 deduct (6 each of 20), B-2 scale (% in [0, 100]: ≥95 → 15, ≥90 → 10, ≥80 → 5), B-3 points (15, step 0.5, N/A allowed).
const items = new Map(placedItems(fixtureChecklist('methods')).map((p) => [p.item.id, p.item]));
const item = (id: string) => items.get(id)!;
const read = (id: string, value: unknown, note?: unknown) => readAnswer(item(id), { value, note });
const valueOf = (id: string, value: unknown) => {
  const outcome = read(id, value);
  if (outcome.kind !== 'answer') throw new Error(JSON.stringify(outcome));
  return outcome.answer.value;
};
const defects = (i: Item) => methodOf(i).check(i).map((d) => [d.path, d.code, d.params]);

describe('reading answers', () => {
  it('reads 无 alone as no option chosen, but not as one of several', () => {
    expect(read('A-3', '无')).toMatchObject({ kind: 'answer', answer: { na: false, value: [] } });
    expect(read('A-3', '无、法院')).toMatchObject({ kind: 'error' });
  });

  it('names a list or a date given where one value belongs the way the sheet showed it', () => {
    expect(read('A-1', ['是', '否'])).toMatchObject({ kind: 'error', code: 'answer.not-yes-no', params: { value: '是、否' } });
    expect(read('B-3', new Date(Date.UTC(2026, 10, 20)))).toMatchObject({ kind: 'error', params: { value: '2026-11-20' } });
  });

  it('writes a scale without a unit as the bare number, in its range message and hint too', () => {
    const bare = { id: 'S-1', title: '满意率', criteria: '按分档', points: 10, method: 'scale', range: [0, 10], bands: [{ min: 5, points: 10 }, { min: 0, points: 0 }] } as unknown as Item;
    expect(readAnswer(bare, { value: 11 })).toMatchObject({ kind: 'error', code: 'answer.out-of-range', params: { lo: 0, hi: 10, unit: '' } });
    const read7 = readAnswer(bare, { value: 7 });
    expect(read7.kind === 'answer' && methodOf(bare).format(read7.answer.value!, bare)).toBe('7');
    expect(methodOf(bare).hint(bare)).toBe('实测数值,0–10');
  });

  it('splits a deduct item among its described deficiencies and gives no part for what is left when nothing is', () => {
    // 5 counted × 6 on 20 points: all 20 lost; the four described take 6, 6, 6 and the last 2, the fifth gets nothing.
    const b1 = item('B-1');
    const parts = methodOf(b1).findingParts(b1, { count: 5, descriptions: ['7月', '8月', '9月', '10月'] }, Exact.from(20));
    expect(parts.map((p) => [p.description, p.deducted.toString()])).toEqual([['7月', '6'], ['8月', '6'], ['9月', '6'], ['10月', '2']]);
  });

  it('treats an empty or blank value as unanswered, whatever the method', () => {
    for (const blank of [undefined, null, '', ' \u3000 ']) expect(read('B-2', blank)).toEqual({ kind: 'blank' });
  });

  it('takes 不适用 only where the item allows it, and only with a note', () => {
    expect(read('B-3', '不适用', ' 本级无卷宗 ')).toEqual({ kind: 'answer', answer: { na: true, note: '本级无卷宗' } });
    expect(read('B-3', 'N/A', '   ')).toEqual({ kind: 'error', code: 'answer.na-needs-note', params: { item: 'B-3' } });
    expect(read('B-3', '不适用')).toEqual({ kind: 'error', code: 'answer.na-needs-note', params: { item: 'B-3' } });
    expect(read('A-1', '不适用', '无')).toEqual({ kind: 'error', code: 'answer.na-not-allowed', params: { item: 'A-1' } });
  });

  it('keeps a note given with an answer, as text', () => {
    expect(read('A-1', '是', ' 已挂牌 ')).toEqual({ kind: 'answer', answer: { value: true, na: false, note: '已挂牌' } });
    expect(read('A-1', '是', 12)).toEqual({ kind: 'answer', answer: { value: true, na: false, note: '12' } });
    expect(read('A-1', '是', ' ')).toEqual({ kind: 'answer', answer: { value: true, na: false, note: undefined } });
  });

  it('check: yes or no, naming the value otherwise', () => {
    expect([valueOf('A-1', '√'), valueOf('A-1', '否')]).toEqual([true, false]);
    expect(read('A-1', '也许')).toEqual({ kind: 'error', code: 'answer.not-yes-no', params: { value: '也许', item: 'A-1' } });
  });

  it('levels: one of the labels, suggesting the nearest when close', () => {
    expect(valueOf('A-2', ' 基本达到 ')).toBe('基本达到');
    expect(read('A-2', '基本到达')).toEqual({ kind: 'error', code: 'answer.unknown-level-near', params: { value: '基本到达', labels: '完全达到/基本达到/未达到', near: '基本达到', item: 'A-2' } });
    expect(read('A-2', '很好很好很好')).toEqual({ kind: 'error', code: 'answer.unknown-level', params: { value: '很好很好很好', labels: '完全达到/基本达到/未达到', near: '', item: 'A-2' } });
    expect(read('A-2', 3)).toMatchObject({ kind: 'error', params: { value: '3' } });
  });

  it('multi: labels from a list or a cell, in the checklist’s order; 无 for none; an unknown label named', () => {
    expect(valueOf('A-3', '公安;法院')).toEqual(['法院', '公安']);
    expect(valueOf('A-3', ['公安', ' 检察院 ', ''])).toEqual(['检察院', '公安']);
    expect([valueOf('A-3', '无'), valueOf('A-3', '没有'), valueOf('A-3', 'none')]).toEqual([[], [], []]);
    // 无 next to an option contradicts it: refused, not read as none.
    expect(read('A-3', '无、法院')).toMatchObject({ kind: 'error', code: 'answer.unknown-option', params: { value: '无' } });
    expect(read('A-3', '法院、检查院')).toEqual({ kind: 'error', code: 'answer.unknown-option-near', params: { value: '检查院', labels: '法院/检察院/公安', near: '检察院', item: 'A-3' } });
    expect(read('A-3', '信访局办公室')).toMatchObject({ kind: 'error', code: 'answer.unknown-option', params: { near: '' } });
    expect(read('A-3', 5)).toEqual({ kind: 'error', code: 'answer.not-a-list', params: { labels: '法院/检察院/公安', item: 'A-3' } });
  });

  it('deduct: a whole count ≥ 0, with at most as many descriptions; a list is the deficiencies themselves', () => {
    expect(valueOf('B-1', '２')).toEqual({ count: 2, descriptions: [] });
    expect(readAnswer(item('B-1'), { value: 2, deficiencies: ['9月缺失', ' ', '10月缺失'] })).toMatchObject({ answer: { value: { count: 2, descriptions: ['9月缺失', '10月缺失'] } } });
    expect(valueOf('B-1', ['9月缺失', '', '10月缺失'])).toEqual({ count: 2, descriptions: ['9月缺失', '10月缺失'] });
    for (const bad of ['1.5', '-1', 'x', true]) expect(read('B-1', bad), String(bad)).toMatchObject({ kind: 'error', code: 'answer.not-a-count', params: { value: String(bad) } });
    expect(readAnswer(item('B-1'), { value: 1, deficiencies: ['a', 'b'] })).toEqual({ kind: 'error', code: 'answer.more-descriptions', params: { count: 1, described: 2, item: 'B-1' } });
  });

  it('scale: a number within the range, its ends included', () => {
    expect([valueOf('B-2', '92.5%'), valueOf('B-2', 0), valueOf('B-2', 100)].map(String)).toEqual(['92.5', '0', '100']);
    expect(read('B-2', 100.5)).toEqual({ kind: 'error', code: 'answer.out-of-range', params: { value: '100.5', lo: 0, hi: 100, unit: '%', item: 'B-2' } });
    expect(read('B-2', -0.5)).toMatchObject({ kind: 'error', code: 'answer.out-of-range' });
    expect(read('B-2', '很高')).toEqual({ kind: 'error', code: 'answer.not-a-number', params: { value: '很高', item: 'B-2' } });
  });

  it('points: a score from 0 to the item’s points, in its steps', () => {
    expect([valueOf('B-3', 0), valueOf('B-3', '14.5'), valueOf('B-3', 15)].map(String)).toEqual(['0', '14.5', '15']);
    for (const bad of [15.5, -0.5, 14.2]) expect(read('B-3', bad), String(bad)).toEqual({ kind: 'error', code: 'answer.bad-score', params: { value: String(bad), points: 15, step: 0.5, item: 'B-3' } });
    expect(read('B-3', true)).toEqual({ kind: 'error', code: 'answer.not-a-number', params: { value: 'true', item: 'B-3' } });
  });
});

describe('what each method shows', () => {
  const shown = (id: string, value: unknown) => {
    const v = valueOf(id, value)!;
    const m = methodOf(item(id));
    return [m.format(v, item(id)), m.serialize(v)];
  };

  it('formats and serializes answers the way results and audit files keep them', () => {
    expect(shown('A-1', 'yes')).toEqual(['是', { value: '是' }]);
    expect(shown('A-1', 'no')).toEqual(['否', { value: '否' }]);
    expect(shown('A-2', '未达到')).toEqual(['未达到', { value: '未达到' }]);
    expect(shown('A-3', '公安、法院')).toEqual(['法院、公安', { value: ['法院', '公安'] }]);
    expect(shown('A-3', '无')).toEqual(['无', { value: [] }]);
    expect(shown('B-1', 3)).toEqual(['3', { value: 3 }]);
    expect(shown('B-1', ['9月缺失', '10月缺失'])).toEqual(['2(9月缺失;10月缺失)', { value: 2, deficiencies: ['9月缺失', '10月缺失'] }]);
    expect(shown('B-2', '９２.５')).toEqual(['92.5%', { value: 92.5 }]);
    expect(shown('B-3', '12.5')).toEqual(['12.5', { value: 12.5 }]);
  });

  it('gives the prompt, the cell rule and the hint of each method', () => {
    const of = (id: string) => {
      const m = methodOf(item(id));
      return [m.prompt(item(id)), m.cell(item(id)), m.hint(item(id))];
    };
    expect(of('A-1')).toEqual([{ kind: 'confirm' }, { kind: 'list', values: ['是', '否'] }, '是 或 否']);
    expect(of('A-2')).toEqual([
      { kind: 'select', choices: [{ label: '完全达到', points: 20 }, { label: '基本达到', points: 12 }, { label: '未达到', points: 0 }] },
      { kind: 'list', values: ['完全达到', '基本达到', '未达到'] },
      '选择一个等级:完全达到/基本达到/未达到',
    ]);
    expect(of('A-3')).toEqual([
      { kind: 'checkbox', choices: [{ label: '法院', points: 10 }, { label: '检察院', points: 6 }, { label: '公安', points: 4 }] },
      { kind: 'text' },
      '选中的选项,用顿号分隔:法院/检察院/公安;都未做到填"无"',
    ]);
    expect(of('B-1')).toEqual([{ kind: 'count', per: 6, points: 20 }, { kind: 'whole', min: 0 }, '问题个数(每处扣 6 分,扣完 20 分为止)']);
    expect(of('B-2')).toEqual([{ kind: 'number', min: 0, max: 100, unit: '%' }, { kind: 'decimal', min: 0, max: 100 }, '实测数值,0–100%']);
    expect(of('B-3')).toEqual([{ kind: 'score', max: 15, step: 0.5 }, { kind: 'decimal', min: 0, max: 15 }, '直接打分:0–15,步长 0.5']);
    const open = { ...item('B-2'), range: undefined, unit: undefined } as Item;
    expect([methodOf(open).prompt(open), methodOf(open).cell(open), methodOf(open).hint(open)]).toEqual([
      { kind: 'number', min: undefined, max: undefined, unit: undefined },
      { kind: 'decimal', min: undefined, max: undefined },
      '实测数值',
    ]);
    const stepless = { ...item('B-3'), step: undefined } as Item;
    expect(methodOf(stepless).prompt(stepless)).toEqual({ kind: 'score', max: 15, step: 0.5 });
  });
});

describe('checking a checklist item’s definition', () => {
  it('accepts every item of the fixture', () => {
    for (const i of items.values()) expect(defects(i), i.id).toEqual([]);
  });

  it('levels: no label twice or reading as 不适用; the best level is worth the item', () => {
    const bad = { ...item('A-2'), levels: [{ label: '好', points: 15 }, { label: ' 好', points: 5 }, { label: '不适用', points: 0 }] } as Item;
    expect(defects(bad)).toEqual([
      [['levels', 1, 'label'], 'checklist.duplicate-label', { label: ' 好' }],
      [['levels', 2, 'label'], 'checklist.label-reserved', { label: '不适用' }],
      [['levels'], 'checklist.levels-max', { max: '15', points: 20 }],
    ]);
  });

  it('multi: no option named twice, at the option', () => {
    const twice = { ...item('A-3'), options: [{ label: '法院', points: 10 }, { label: '法院 ', points: 6 }, { label: '公安', points: 4 }] } as Item;
    expect(defects(twice)).toEqual([[['options', 1, 'label'], 'checklist.duplicate-label', { label: '法院 ' }]]);
  });

  it('multi: no separator inside a label; the options add up to the item', () => {
    const bad = { ...item('A-3'), options: [{ label: '法院、检察院', points: 10 }, { label: '公安', points: 4 }] } as Item;
    expect(defects(bad)).toEqual([
      [['options', 0, 'label'], 'checklist.label-separator', { label: '法院、检察院' }],
      [['options'], 'checklist.options-sum', { sum: '14', points: 20 }],
    ]);
  });

  it('deduct: one deficiency costs no more than the item', () => {
    expect(defects({ ...item('B-1'), per: 20 } as Item)).toEqual([]);
    expect(defects({ ...item('B-1'), per: 20.5 } as Item)).toEqual([[['per'], 'checklist.per-over-points', { per: 20.5, points: 20 }]]);
  });

  it('scale: bands from high to low, none over the item, the top one worth it; range low to high', () => {
    const bad = {
      ...item('B-2'),
      range: [100, 100],
      bands: [{ min: 90, points: 10 }, { min: 90, points: 16 }, { min: 95, points: 5 }],
    } as Item;
    expect(defects(bad)).toEqual([
      [['bands', 1, 'min'], 'checklist.bands-order', { min: 90, prev: 90 }],
      [['bands', 1, 'points'], 'checklist.band-over-points', { band: 16, points: 15 }],
      [['bands', 2, 'min'], 'checklist.bands-order', { min: 95, prev: 90 }],
      [['bands', 0, 'points'], 'checklist.bands-top', { band: 10, points: 15 }],
      [['range'], 'checklist.range-order', { lo: 100, hi: 100 }],
    ]);
    expect(defects({ ...item('B-2'), bands: [{ min: 0, points: 15 }] } as Item)).toEqual([]);
  });

  it('points: the step divides the item, pointing at the step, or at the points when the default step is used', () => {
    expect(defects({ ...item('B-3'), step: 2 } as Item)).toEqual([[['step'], 'checklist.step-divides', { step: 2, points: 15 }]]);
    expect(defects({ ...item('B-3'), points: 15.25, step: undefined } as Item)).toEqual([[['points'], 'checklist.step-divides', { step: 0.5, points: 15.25 }]]);
  });
});
