// The per-item rows and findings a result carries (results JSON, report, ledger read them), pinned on hand-made audits.
import { describe, expect, it } from 'vitest';
import { score } from '../src/scoring/score.js';
import { auditOf, fixtureChecklist, scored } from './scoring-helpers.js';

const drift = fixtureChecklist('drift');
const effects = fixtureChecklist('effects');

describe('item rows', () => {
  it('an N/A item reads 不适用 in its answer and value, earns nothing and keeps its note', () => {
    const r = scored(drift, { 'P-1': 14.5, 'P-2': 20.5, 'P-3': 35, 'P-4': { value: '不适用', note: '无此场所' } });
    expect(r.items.find((i) => i.id === 'P-4')).toMatchObject({ answer: '不适用', value: '不适用', na: true, earned: null, note: '无此场所' });
  });

  it('an item left blank under --blank zero has an empty answer and is one finding of all its points, with empty defaults', () => {
    const r = scored(drift, { 'P-1': 14.5, 'P-3': 35, 'P-4': 30 }, { blankAsZero: true });
    expect(r.items.find((i) => i.id === 'P-2')).toMatchObject({ answer: '', blank: true, earned: 0 });
    expect(r.findings.map((f) => [f.item, f.deducted, f.measure, f.owner, f.dimension])).toEqual([['P-2', 20.5, '', '', 'mechanism']]);
  });

  it('carries the evidence an answer lists', () => {
    const audit = auditOf(drift, { 'P-1': 14.5, 'P-2': 20.5, 'P-3': 35, 'P-4': 30 });
    const evidence = [{ path: '照片/门牌.jpg', sha256: 'a'.repeat(64) }];
    audit.answers['P-1'] = { ...audit.answers['P-1'], evidence };
    const outcome = score(drift, audit);
    expect(outcome.ok && outcome.result.items.find((i) => i.id === 'P-1')?.evidence).toEqual(evidence);
    expect(outcome.ok && outcome.result.items.find((i) => i.id === 'P-2')).not.toHaveProperty('evidence');
  });
});

describe('负面清单 rows and findings', () => {
  const full = { 'A-1': '是', 'A-2': '是', 'A-3': '是', 'B-1': 0 };

  it('an event not reported has an empty answer; a reported one keeps its note, and its finding sits under 负面清单 with the note', () => {
    const r = scored(effects, { ...full, 'NEG-1': { value: 2, note: '两处未整改' } });
    expect(r.items.find((i) => i.id === 'NEG-2')).toMatchObject({ penalty: true, answer: '', earned: 0 });
    expect(r.items.find((i) => i.id === 'NEG-1')).toMatchObject({ penalty: true, earned: -4, note: '两处未整改' });
    expect(r.findings.map((f) => [f.item, f.dimension, f.dimensionName, f.deducted, f.measure, f.note])).toEqual([['NEG-1', 'penalties', '负面清单', 4, '限期整改到位', '两处未整改']]);
  });
});
