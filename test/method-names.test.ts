import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.js';
import { runCli } from './helpers.js';

const METHODS = ['check', 'levels', 'multi', 'deduct', 'scale', 'points'];

// Issue 18: 分档 named both `levels` and `scale`, while the audit said 按等级.
describe('one name per scoring method', () => {
  it('names are distinct', () => {
    const names = METHODS.map((m) => t(`method.${m}`));
    expect(new Set(names).size).toBe(METHODS.length);
  });

  it('checklist show uses the names the audit card uses', async () => {
    const r = await runCli(['checklist', 'show', 'fixtures/audit/short.yaml']);
    expect(r.code).toBe(0);
    const rowOf = (id: string) => r.stdout.split('\n').find((l) => l.includes(id)) ?? '';
    expect(rowOf('INS-02')).toContain('按等级');
    expect(rowOf('MEC-02')).toContain('按实测值分档');
    expect(rowOf('INS-03')).toContain('按选项累加');
    expect(rowOf('MEC-01')).toContain('按问题扣分');
  });

  it('the README names each method as the program does', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const m of METHODS) expect(readme, m).toContain(`\`${m}\` ${t(`method.${m}`)}`);
    // The spreadsheet section's table says the same names, not 等级/多选/数值.
    const sheets = readme.slice(readme.indexOf('### 3. 分发与填写'), readme.indexOf('### 4. 收回计分'));
    for (const m of METHODS) expect(sheets, m).toContain(`| ${t(`method.${m}`)} |`);
  });
});
