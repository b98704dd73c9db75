// The checklist validator against a corpus of broken checklists, one defect each: every
// problem must name the right line, column and code (a CI user fixes the file from that
// line alone). Positions were read off the fixtures by hand, pointing at the offending
// key or value, not copied from the code's output. CLI tests run the built bin
// (`npm run build` first).
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecklistFile } from '../src/checklist/load.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const BROKEN = join(ROOT, 'fixtures/checklists/broken');
const VALID = join(ROOT, 'fixtures/checklists/valid');
const SHIPPED = ['county', 'township', 'village', 'county-2025.1', 'township-2025.1'].map((name) => ({
  id: name.replace(/-[\d.]+$/, ''),
  file: join(ROOT, 'checklists', `${name}.yaml`),
}));

interface Expected {
  line: number;
  col: number;
  code: string;
  /** A phrase the Chinese message must contain (the key, value or line it names). */
  says?: string;
}

/** Each broken fixture and the exact problems it must yield, in order. */
const CORPUS: Record<string, Expected[]> = {
  // YAML level: nothing else is checked once the text is not a single clean document.
  'dup-key.yaml': [{ line: 26, col: 9, code: 'yaml.duplicate-key', says: 'criteria' }], // the second `criteria:` of INS-02
  'yaml-syntax.yaml': [{ line: 34, col: 19, code: 'yaml.syntax', says: '含“: ”的值请整体加引号' }], // `criteria: …: …`
  'tab-indent.yaml': [{ line: 49, col: 1, code: 'yaml.syntax', says: '制表符' }], // the tab, and no cascade after it
  'unclosed-quote.yaml': [{ line: 4, col: 17, code: 'yaml.syntax', says: '缺少闭合的引号' }], // where the closing " belongs
  'alias-bomb.yaml': [{ line: 26, col: 29, code: 'yaml.alias-count', says: '20' }], // 4×*a + 4×(1+4) > 20 at the 4th *b
  'alias-count.yaml': [{ line: 59, col: 34, code: 'yaml.alias-count' }], // the 21st `*one`
  'unresolved-alias.yaml': [{ line: 63, col: 19, code: 'yaml.unresolved-alias', says: '*criteria' }],
  'multiple-documents.yaml': [{ line: 81, col: 1, code: 'yaml.multiple-documents' }], // the `---`
  'empty.yaml': [{ line: 1, col: 1, code: 'yaml.empty' }],

  // JSON Schema: shape, types, patterns, enums.
  'unknown-top-key.yaml': [
    { line: 2, col: 1, code: 'schema.required', says: 'dimensions' }, // the typo leaves `dimensions` missing
    { line: 12, col: 1, code: 'schema.additional-property-near', says: '是否想写 dimensions' },
  ],
  'unknown-item-key.yaml': [
    { line: 32, col: 9, code: 'schema.required', says: 'criteria' }, // the item INS-03 lacks `criteria`…
    { line: 34, col: 9, code: 'schema.additional-property-near', says: '未知的键 criterias,是否想写 criteria?' }, // …because of the typo
  ],
  'missing-title.yaml': [{ line: 44, col: 9, code: 'schema.required', says: 'title' }], // the item MEC-01
  'missing-grades.yaml': [{ line: 2, col: 1, code: 'schema.required', says: 'grades' }], // the top mapping
  'bonus-missing-items.yaml': [{ line: 73, col: 1, code: 'schema.required', says: 'items' }], // `bonus:`
  'level-missing-points.yaml': [{ line: 30, col: 13, code: 'schema.required', says: 'points' }], // `{ label: 基本达到 }`
  'points-type.yaml': [{ line: 20, col: 17, code: 'schema.type', says: '十分' }],
  'format-2.yaml': [{ line: 2, col: 9, code: 'schema.enum', says: '1, 1.1' }],
  'item-id-pattern.yaml': [{ line: 44, col: 13, code: 'schema.pattern', says: 'mec-01' }],
  'checklist-id-pattern.yaml': [{ line: 3, col: 5, code: 'schema.pattern', says: 'Minimal' }],
  'bad-level.yaml': [{ line: 6, col: 8, code: 'schema.enum', says: 'city, county, township, village' }],
  'unknown-method.yaml': [{ line: 48, col: 17, code: 'schema.method', says: 'penalty' }],
  'negative-points.yaml': [{ line: 79, col: 15, code: 'schema.exclusive-minimum', says: '-5' }],
  'precision-9.yaml': [{ line: 7, col: 12, code: 'schema.maximum', says: '9' }],

  // Semantic rules.
  'levels-max.yaml': [{ line: 28, col: 9, code: 'checklist.levels-max', says: '18' }], // `levels:`
  'duplicate-level-label.yaml': [{ line: 30, col: 22, code: 'checklist.duplicate-label', says: '完全达到' }],
  'label-na.yaml': [{ line: 31, col: 22, code: 'checklist.label-reserved', says: '不适用' }],
  'options-sum.yaml': [{ line: 37, col: 9, code: 'checklist.options-sum', says: '15' }], // `options:`
  'option-separator.yaml': [{ line: 38, col: 22, code: 'checklist.label-separator', says: '法院、检察院' }],
  'per-over-points.yaml': [{ line: 49, col: 14, code: 'checklist.per-over-points', says: '25' }],
  'bands-order.yaml': [{ line: 59, col: 20, code: 'checklist.bands-order', says: '95' }],
  'bands-top.yaml': [{ line: 58, col: 32, code: 'checklist.bands-top', says: '15' }],
  'band-over-points.yaml': [{ line: 59, col: 32, code: 'checklist.band-over-points', says: '25' }],
  'range-order.yaml': [{ line: 56, col: 16, code: 'checklist.range-order', says: '[100, 0]' }],
  'step-divides.yaml': [{ line: 66, col: 15, code: 'checklist.step-divides', says: '3' }],
  'veto-na.yaml': [{ line: 23, col: 13, code: 'checklist.veto-na' }], // `na: true` of INS-01
  'bonus-veto.yaml': [{ line: 81, col: 13, code: 'checklist.bonus-veto' }],
  'duplicate-item-id.yaml': [{ line: 61, col: 13, code: 'checklist.duplicate-item', says: '第 23 行' }],
  'duplicate-dimension-id.yaml': [{ line: 40, col: 9, code: 'checklist.duplicate-dimension', says: '第 13 行' }],
  'dimension-sum.yaml': [{ line: 42, col: 13, code: 'checklist.dimension-sum', says: '40' }],
  'grades-order.yaml': [{ line: 10, col: 22, code: 'checklist.grades-order', says: '95' }],
  'grades-last-min.yaml': [{ line: 11, col: 23, code: 'checklist.grades-last', says: '10' }],
  'duplicate-grade.yaml': [{ line: 10, col: 13, code: 'checklist.duplicate-grade', says: '优秀' }],

  // Format 1.1: veto effects, 负面清单, and 1.1 keys in a format 1 file.
  'veto-effect-both.yaml': [{ line: 9, col: 7, code: 'schema.veto-effect', says: 'cap-grade' }], // one message, not one per alternative
  'item-veto-typo.yaml': [{ line: 27, col: 15, code: 'schema.item-veto', says: 'lowst-grade' }],
  'cap-grade-unknown.yaml': [{ line: 34, col: 28, code: 'checklist.cap-grade-unknown', says: '优秀, 良好, 合格, 不合格' }],
  'penalty-both.yaml': [{ line: 65, col: 12, code: 'checklist.penalty-both', says: 'NEG-2' }], // `per:` of NEG-2
  'penalty-neither.yaml': [{ line: 62, col: 7, code: 'checklist.penalty-neither', says: 'NEG-2' }], // the item NEG-2
  'penalty-veto-cap.yaml': [{ line: 70, col: 12, code: 'checklist.penalty-veto-cap', says: 'NEG-3' }],
  'penalties-missing-name.yaml': [{ line: 51, col: 1, code: 'schema.required', says: 'name' }], // `penalties:`
  'penalty-duplicate-id.yaml': [{ line: 62, col: 11, code: 'checklist.duplicate-item', says: '第 45 行' }], // an event reusing B-1
  'needs-format-1-1.yaml': [{ line: 22, col: 16, code: 'checklist.needs-format-1-1', says: 'basis' }],
};

const corpusFiles = Object.keys(CORPUS).sort();
const problemCount = Object.values(CORPUS).reduce((n, list) => n + list.length, 0);

describe('broken checklist corpus', () => {
  it('has an expectation for every fixture, and at least 32 of them', () => {
    const onDisk = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml')).sort();
    expect(onDisk).toEqual(corpusFiles);
    expect(onDisk.length).toBeGreaterThanOrEqual(32);
  });

  it.each(corpusFiles)('%s: exactly the expected located problems', (file) => {
    const { checklist, problems } = loadChecklistFile(join(BROKEN, file));
    expect(checklist).toBeUndefined();
    expect(problems.map((p) => ({ line: p.line, col: p.col, code: p.code }))).toEqual(
      CORPUS[file].map(({ line, col, code }) => ({ line, col, code })),
    );
    problems.forEach((p, i) => {
      expect(p.file).toBe(join(BROKEN, file));
      // Every code has a message in the catalog (an unknown key would show itself).
      expect(p.message).not.toBe(p.code);
      const says = CORPUS[file][i].says;
      if (says) expect(p.message).toContain(says);
    });
  });
});

describe('clean checklists', () => {
  it.each(readdirSync(VALID).filter((f) => f.endsWith('.yaml')))('fixtures/checklists/valid/%s validates clean', (file) => {
    const { checklist, problems } = loadChecklistFile(join(VALID, file));
    expect(problems).toEqual([]);
    expect(checklist?.total.toString()).toBe('100');
  });

  for (const { id, file } of SHIPPED) {
    it.skipIf(!existsSync(file))(`the shipped ${file.slice(ROOT.length)} validates clean`, () => {
      const { checklist, problems } = loadChecklistFile(file);
      expect(problems).toEqual([]);
      expect(checklist?.id).toBe(id);
      expect(checklist?.total.toString()).toBe('100');
    });
  }
});

describe('zongzhi checklist validate', () => {
  const folder = 'fixtures/checklists/broken';

  it('prints path:line:col: message for each problem, then a summary, and exits 1', async () => {
    const r = await runCli(['checklist', 'validate', folder]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(problemCount + 1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^fixtures\/checklists\/broken\/[a-z0-9-]+\.yaml:\d+:\d+: \S/);
    expect(lines).toContain(`${folder}/dup-key.yaml:26:9: 重复的键 criteria:同一层级中已出现过 criteria(第 25 行),请删除或合并其中一个`);
    expect(lines).toContain(`${folder}/precision-9.yaml:7:12: 值 9 应不大于 4`);
    expect(lines.at(-1)).toBe(`${corpusFiles.length} 个文件中有 ${corpusFiles.length} 个存在问题,共 ${problemCount} 个问题`);
  });

  it('--format json gives every problem as {file, line, col, code, message}', async () => {
    const r = await runCli(['checklist', 'validate', folder, '--format', 'json']);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as { file: string; line: number; col: number; code: string; message: string }[];
    expect(list).toHaveLength(problemCount);
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['code', 'col', 'file', 'line', 'message']);
    const got = list.map((p) => `${p.file.replace(`${folder}/`, '')}:${p.line}:${p.col} ${p.code}`).sort();
    const want = corpusFiles.flatMap((f) => CORPUS[f].map((e) => `${f}:${e.line}:${e.col} ${e.code}`)).sort();
    expect(got).toEqual(want);
  });

  it('--format github gives ::error annotations with file, line and col', async () => {
    const r = await runCli(['checklist', 'validate', `${folder}/dup-key.yaml`, `${folder}/levels-max.yaml`, '--format', 'github']);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toEqual([
      `::error file=${folder}/dup-key.yaml,line=26,col=9,title=yaml.duplicate-key::重复的键 criteria:同一层级中已出现过 criteria(第 25 行),请删除或合并其中一个`,
      `::error file=${folder}/levels-max.yaml,line=28,col=9,title=checklist.levels-max::最高等级的分值 18 应等于本项分值 20`,
    ]);
  });

  it('--format github escapes , : % and line breaks in file names so they cannot forge properties', async () => {
    const dir = tempDir();
    const odd = join(dir, 'a,line=9:x%.yaml');
    copyFileSync(`${folder}/dup-key.yaml`, odd);
    const r = await runCli(['checklist', 'validate', odd, '--format', 'github']);
    const annotation = r.stdout.split('\n').find((l) => l.startsWith('::error '))!;
    expect(annotation).toContain(`file=${dir.replace(/:/g, '%3A')}/a%2Cline=9%3Ax%25.yaml,line=26,col=9,`);
  });

  it('speaks Chinese by default and English with --lang en', async () => {
    const files = ['unknown-top-key.yaml', 'duplicate-item-id.yaml', 'tab-indent.yaml'].map((f) => `${folder}/${f}`);
    const zh = await runCli(['checklist', 'validate', ...files]);
    expect(zh.stdout).toContain('未知的键 dimensons,是否想写 dimensions?(可用的键:');
    expect(zh.stdout).toContain('评分项编号 INS-02 重复(第一次出现在第 23 行)');
    expect(zh.stdout).toContain('YAML 语法错误:缩进中有制表符(Tab)');
    expect(zh.stdout).toContain('3 个文件中有 3 个存在问题,共 4 个问题');
    const en = await runCli(['--lang', 'en', 'checklist', 'validate', ...files]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('unknown key dimensons; did you mean dimensions? (allowed: ');
    expect(en.stdout).toContain('duplicate item id INS-02 (first at line 23)');
    expect(en.stdout).toContain('YAML syntax error: a tab in the indentation');
    expect(en.stdout).toContain('3 of 3 file(s) have problems, 4 in all');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('passes the clean fixtures with exit 0', async () => {
    const r = await runCli(['checklist', 'validate', 'fixtures/checklists/valid']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${readdirSync(VALID).length} 个文件,未发现问题`);
  });

  it('fails an empty folder: nothing checked is not a pass', async () => {
    const r = await runCli(['checklist', 'validate', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有找到清单文件');
    expect(r.stdout).toBe('');
  });

  it('fails a missing path with exit 1', async () => {
    const r = await runCli(['checklist', 'validate', 'no/such/checklists']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/checklists');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(SHIPPED.some((s) => !existsSync(s.file)))('passes the shipped checklists', async () => {
    const r = await runCli(['checklist', 'validate', 'checklists/county.yaml', 'checklists/township.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('2 个文件,未发现问题');
  });
});

describe.skipIf(SHIPPED.some((s) => !existsSync(s.file)))('zongzhi checklist show / list', () => {
  it('show county prints the items and the total', async () => {
    const r = await runCli(['checklist', 'show', 'county']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('县级综治中心规范化建设评估细则');
    expect(r.stdout).toContain('INS-01');
    expect(r.stdout).toMatch(/合计\s*│\s*100\s*│/);
  });

  it('show county --json prints the loaded model', async () => {
    const r = await runCli(['checklist', 'show', 'county', '--json']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    // An id names the newest version of that checklist.
    expect(model).toMatchObject({ format: 1.1, id: 'county', version: '2026.1', level: 'county', total: 100 });
    expect(model.dimensions.map((d: { id: string }) => d.id)).toEqual(['institution', 'layout', 'mechanism', 'staffing', 'funding']);
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('show takes a file path too', async () => {
    const r = await runCli(['checklist', 'show', 'fixtures/checklists/valid/minimal.yaml', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'minimal', total: 100 });
  });

  it('show of a broken file lists its problems and exits 1', async () => {
    const r = await runCli(['checklist', 'show', 'fixtures/checklists/broken/veto-na.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixtures/checklists/broken/veto-na.yaml:23:13:');
  });

  it('list shows both shipped checklists with their totals', async () => {
    const r = await runCli(['checklist', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ county\s+│ 2025\.1\s+│ 县级\s+│.*│\s+100 │/);
    expect(r.stdout).toMatch(/│ township\s+│ 2025\.1\s+│ 乡镇\(街道\)\s+│.*│\s+100 │/);
  });
});
