import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecklistText } from '../src/checklist/load.js';
import { ROOT } from './helpers.js';

const minimal = readFileSync(join(ROOT, 'fixtures', 'checklists', 'valid', 'minimal.yaml'), 'utf8');

describe('checklist rules beside schema errors', () => {
  it('still reports a dimension sum when another key of one of its items is misspelt', () => {
    const text = minimal.replace('    points: 50\n', '    points: 55\n').replace('        criteria: 未挂牌或未实体化运行的不得分', '        criterias: 未挂牌或未实体化运行的不得分');
    const codes = loadChecklistText(text, 'x.yaml').problems.map((p) => [p.line, p.col, p.code]);
    expect(codes).toEqual([
      [16, 13, 'checklist.dimension-sum'],
      [18, 9, 'schema.required'],
      [20, 9, 'schema.additional-property-near'],
    ]);
  });
});
