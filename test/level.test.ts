import { describe, expect, it } from 'vitest';
import type { Audit } from '../src/model/audit.js';
import { checkLevels, levelLabel, levelOfCode, levelProblem } from '../src/model/level.js';

// A checklist is used only for centers of its level (DESIGN, Decisions: Levels).
const county = { id: 'county', level: 'county' };
const township = { id: 'township', level: 'township' };

describe('a center’s level', () => {
  it('comes from its code: 6 digits not ending in 00 a county, 9 a township, 12 a village', () => {
    expect(['999901', '999910', '999901101', '999901101001'].map(levelOfCode)).toEqual(['county', 'county', 'township', 'village']);
  });

  it('is none for a city or province code (6 digits ending in 00) or another length', () => {
    expect(['999900', '990000', '99990', '9999011', '99990110100', '9999011010012', ''].map(levelOfCode)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads as a person names it, and an unknown level as itself', () => {
    expect(['county', 'township', 'village', 'city', 'region'].map(levelLabel)).toEqual(['县级', '乡镇(街道)', '村(社区)', '市级', 'region']);
  });
});

describe('a center against its checklist’s level', () => {
  const place = { file: 'a.audit.yaml', line: 3, col: 9 };

  it('is no problem when they match', () => {
    expect(levelProblem('999901', county, place)).toBeUndefined();
    expect(levelProblem('999901101', township, place)).toBeUndefined();
  });

  it('refuses a township scored with the county checklist, at the center code, naming both levels', () => {
    expect(levelProblem('999901101', county, place)).toEqual({
      ...place,
      code: 'level.mismatch',
      message: '中心 999901101 按编码是乡镇(街道)中心,不能用县级清单 county 评估、计分或排名;请改用乡镇(街道)清单(或在中心名录的"层级"列写明层级)',
    });
  });

  it('refuses a city code as not a center', () => {
    expect(levelProblem('999900', county, place)).toMatchObject({ ...place, code: 'level.not-a-center' });
    expect(levelProblem('999900', county, place)!.message).toContain('编码 999900 以 00 结尾');
  });

  it('takes the registry’s 层级 over the code, and says the registry decided', () => {
    const registry = (code: string) => (code === '999901' ? ('township' as const) : undefined);
    expect(levelProblem('999901', township, place, registry)).toBeUndefined();
    expect(levelProblem('999901', county, place, registry)).toEqual({
      ...place,
      code: 'level.mismatch-registry',
      message: '中心 999901 在中心名录中是乡镇(街道)中心,不能用县级清单 county 评估、计分或排名;请改用乡镇(街道)清单',
    });
    // A center the registry does not list falls back to its code.
    expect(levelProblem('999902', county, place, registry)).toBeUndefined();
    expect(levelProblem('999902101', county, place, registry)).toMatchObject({ code: 'level.mismatch' });
  });
});

describe('responses sorted by level', () => {
  const response = (code: string, checklist: { id: string; level: string }, centerAt?: () => { file: string; line: number; col: number }) => ({
    audit: { source: `${code}.audit.yaml`, center: { code, name: code }, ...(centerAt ? { centerAt } : {}) } as Audit,
    checklist,
  });

  it('keeps those of the checklist’s level, in order, and locates a problem for each other one', () => {
    const a = response('999901', county);
    const b = response('999901101', county, () => ({ file: 'b.audit.yaml', line: 4, col: 11 }));
    const c = response('999902', county);
    const d = response('999900', county);
    const { responses, problems } = checkLevels([a, b, c, d]);
    expect(responses).toEqual([a, c]);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['level.mismatch', 'b.audit.yaml', 4],
      // Without a located center code the problem names the file.
      ['level.not-a-center', '999900.audit.yaml', undefined],
    ]);
  });

  it('asks the registry', () => {
    const registry = () => 'township' as const;
    const { responses, problems } = checkLevels([response('999901', township), response('999902', county)], registry);
    expect(responses.map((r) => r.audit.center.code)).toEqual(['999901']);
    expect(problems.map((p) => p.code)).toEqual(['level.mismatch-registry']);
  });
});
