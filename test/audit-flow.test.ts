import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { field } from '../src/audit/card.js';
import { runAudit } from '../src/audit/walk.js';
import type { AuditOptions } from '../src/audit/start.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { UserError } from '../src/errors.js';
import { readAuditFile } from '../src/formats/audit-file.js';
import { ScriptedPrompter, type Step } from '../src/prompts/scripted.js';
import { tempDir } from './helpers.js';

const FIXTURE = 'fixtures/audit/short.yaml';
const DATE = '2026-11-20';
const START: Step[] = [
  { on: '中心编码', input: '999901' },
  { on: '检查日期', input: DATE },
  { on: '中心名称', input: '示例市甲区综治中心' },
  { on: '检查人', input: '张三、李四' },
  { on: '检查方式', select: '督查' },
];
// Full marks on every item of the short checklist, in order.
const FULL: Record<string, Step> = {
  'INS-01': { on: '评定', select: '是' },
  'INS-02': { on: '评定', select: '完全达到' },
  'INS-03': { on: '勾选', checkbox: ['法院', '检察院', '公安', '信访'] },
  'MEC-01': { on: '问题个数', input: '0' },
  'MEC-02': { on: '实测数值', input: '95' },
  'MEC-03': { on: '直接打分', input: '10' },
  'MEC-04': { on: '评定', select: '是' },
  'BON-01': { on: '评定', select: '否' },
};
const CONFIRM: Step = { on: '确认以上结果', select: '确认完成' };

let out: string;
let file: string;
beforeEach(() => {
  out = tempDir('zongzhi-audit-');
  file = join(out, `${DATE}-999901-short.audit.yaml`);
});

function options(extra: Partial<AuditOptions> = {}): AuditOptions {
  return { checklist: FIXTURE, checklistGiven: true, out, ...extra };
}

/** Runs the whole flow on a script; every step must be used. */
async function run(steps: Step[], opts: AuditOptions = options()) {
  const p = new ScriptedPrompter(steps);
  const end = await runAudit(opts, p);
  expect(p.remaining, p.text).toBe(0);
  return { end, p };
}

function readBack(path = file) {
  const read = readAuditFile(path, new ChecklistRegistry([FIXTURE]));
  expect(read.problems).toEqual([]);
  return read.audit!;
}

function full(...ids: string[]): Step[] {
  return ids.map((id) => FULL[id]);
}

describe('zongzhi audit: a complete walk', () => {
  it('asks every item in the form its method calls for and ends in a final file, results and a summary', async () => {
    const { end, p } = await run([
      ...START,
      { on: '评定', select: '否' }, // INS-01: veto
      { on: '确认本项不达标', select: '确认' },
      { on: '整改问题', select: '确认' },
      { on: '评定', select: '基本达到' }, // INS-02
      { on: '整改问题', select: '确认' },
      { on: '勾选', checkbox: ['法院', '公安', '信访'] }, // INS-03
      { on: '整改问题', select: '修改' },
      { on: '问题描述', input: '' },
      { on: '整改措施', input: '协调检察院派员入驻' },
      { on: '责任单位', input: '' },
      { on: '责任人', input: '王五' },
      { on: '整改时限', input: '2026-12-31' },
      { on: '问题个数', input: '2' }, // MEC-01
      { on: '第 1/2 处', input: '10月排查台账缺失' },
      { on: '第 2/2 处', input: '11月排查台账缺失' },
      { on: '整改问题', select: '确认' },
      { on: '实测数值', input: '９２%' }, // MEC-02: full-width digits
      { on: '直接打分', input: '不适用' }, // MEC-03
      { on: '不适用的理由', input: '本级无此项' },
      { on: '评定', select: '是' }, // MEC-04
      { on: '评定', select: '是' }, // BON-01
      CONFIRM,
    ]);
    expect(end).toEqual({ outcome: 'final', file, failed: false });
    expect(existsSync(file.replace('.audit.yaml', '.xlsx'))).toBe(true);
    expect(p.text).toContain(`已写入 ${file.replace('.audit.yaml', '.xlsx')}`);

    // The card: where, the item, its criteria and guidance, progress and points so far.
    expect(p.text).toContain('── 机构设置规范化 · 第 1/7 项  已答 0/7 · 已得 0/0 分');
    expect(p.text).toContain('INS-03  政法部门和信访部门常驻  20 分 · 按选项累加');
    expect(p.text).toMatch(/\n {2}评分标准 +每常驻一个部门得 5 分。\n {2}检查方法 +现场查看入驻窗口和人员。\n/);
    expect(p.text).toContain('第 3/7 项  已答 2/7 · 已得 5/20 分');
    expect(p.text).toContain('一票否决');
    // The finding shown on the spot, from the checklist's defaults (deadline = date + days).
    expect(p.text).toMatch(/本项扣 10 分,将登记为整改问题:\n\s+问题描述\s+综治中心未挂牌或未实体化运行\n\s+整改措施\s+按统一标识挂牌/);
    expect(p.text).toMatch(/整改时限\s+2026-12-20/);
    // The summary: total, grade, veto, dimensions, findings.
    expect(p.text).toContain('总分 71.7 等次 不合格');
    expect(p.text).toContain('一票否决:INS-01 综治中心挂牌并实体化运行 得 0 分');
    expect(p.text).toMatch(/运行机制规范化 │ +40\.0 │ +50 │ +60 │ +80\.0%/);
    expect(p.text).toContain('999901-20261120-MEC-01-2');

    const audit = readBack();
    expect(audit.status).toBe('final');
    expect(audit.inspectors).toEqual(['张三', '李四']);
    expect(Object.keys(audit.answers)).toEqual(['INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01']);
    expect(audit.answers['MEC-03']).toEqual({ na: true, note: '本级无此项' });
    // Only what the inspector changed is stored over the checklist's defaults.
    expect(audit.findings).toEqual({ 'INS-03': { measure: '协调检察院派员入驻', person: '王五', deadline: '2026-12-31' } });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('MEC-01: { value: 2, deficiencies: [ 10月排查台账缺失, 11月排查台账缺失 ] }');
    expect(text).toContain('MEC-02: { value: 92 }');

    const [result] = JSON.parse(readFileSync(file.replace('.audit.yaml', '.json'), 'utf8'));
    expect(result).toMatchObject({ status: 'final', total: 71.7, base: 66.7, grade: '不合格', veto: ['INS-01'] });
    expect(result.findings.map((f: { id: string }) => f.id)).toEqual([
      '999901-20261120-INS-01',
      '999901-20261120-INS-02',
      '999901-20261120-INS-03',
      '999901-20261120-MEC-01-1',
      '999901-20261120-MEC-01-2',
    ]);
    expect(result.findings[2]).toMatchObject({ measure: '协调检察院派员入驻', owner: '县委政法委', person: '王五', deadline: '2026-12-31' });
  });

  it('asks no finding for an item that keeps its points, and a full audit scores 100 plus the bonus cap', async () => {
    const { p } = await run([...START, ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04'), { select: '是' }, CONFIRM]);
    expect(p.text).not.toContain('? 整改问题');
    expect(p.text).toContain('总分 105.0 等次 优秀');
    expect(readBack().findings).toEqual({});
  });

  it('writes the draft before the first answer and after every answer', async () => {
    const p = new ScriptedPrompter([...START, FULL['INS-01'], { on: '评定', exit: true }]);
    await runAudit(options(), p);
    expect(p.text).toContain(`每答一项自动保存到 ${file}`);
    expect(readBack().answers).toEqual({ 'INS-01': { value: true, na: false } });
  });
});

describe('zongzhi audit: answers are read as files read them', () => {
  it('refuses typed answers the method does not accept, saying what is valid', async () => {
    await run([
      ...START,
      ...full('INS-01', 'INS-02', 'INS-03'),
      { on: '问题个数', input: 'abc', rejected: '"abc" 不是问题个数(应为 0 或正整数)。应填:问题个数(每处扣 5 分,扣完 20 分为止)' },
      { on: '问题个数', input: '1.5', rejected: '不是问题个数' },
      { on: '问题个数', input: '不适用', rejected: '本项不能答"不适用"。应填:问题个数' },
      { on: '问题个数', input: '', rejected: '请作答。应填:问题个数' },
      { on: '问题个数', input: '0' },
      { on: '实测数值', input: '150', rejected: '150% 超出取值范围 0–100%' },
      { on: '实测数值', input: '九十', rejected: '"九十" 不是数字。应填:实测数值,0–100%' },
      { on: '实测数值', input: '85.5%' },
      { on: '整改问题', select: '确认' },
      { on: '直接打分', input: '10.3', rejected: '步长 0.5' },
      { on: '直接打分', input: '11', rejected: '0–10' },
      { on: '直接打分', input: '９.５' },
      { on: '整改问题', select: '确认' },
      ...full('MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    const audit = readBack();
    expect(audit.answers['MEC-02'].value?.toString()).toBe('85.5');
    expect(audit.answers['MEC-03'].value?.toString()).toBe('9.5');
  });

  it('offers 不适用 only where the item allows it, and then asks why', async () => {
    const { p } = await run([
      ...START,
      ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03'),
      { on: '评定', select: '不适用' }, // MEC-04
      { on: '不适用的理由', input: '  ', rejected: '须说明理由' },
      { on: '不适用的理由', input: '本级未要求设立' },
      ...full('BON-01'),
      CONFIRM,
    ]);
    // INS-01 (veto, not na) lists no 不适用; MEC-04 (na) does.
    const ins01 = p.text.slice(p.text.indexOf('INS-01  '), p.text.indexOf('INS-02  '));
    expect(ins01).not.toContain('不适用');
    expect(p.text.slice(p.text.indexOf('MEC-04  '))).toContain('  不适用');
    expect(readBack().answers['MEC-04']).toEqual({ na: true, note: '本级未要求设立' });
    expect(p.text).toContain('不适用项 MEC-04(10) 共 10 分,从分母中扣除');
  });

  it('takes a note from the menu, before or after answering', async () => {
    await run([
      ...START,
      { on: '评定', select: '⋯' }, // INS-01: note first, then the answer
      { on: 'INS-01:要做什么', select: '为本项写备注' },
      { on: '备注', input: '牌子挂在二楼' },
      { on: '评定', select: '是' },
      { on: '评定', select: '⋯' }, // INS-02: back to INS-01 and change its note
      { on: 'INS-02:要做什么', select: '上一项' },
      { on: '评定', select: '⋯' },
      { on: 'INS-01:要做什么', select: '为本项写备注' },
      { on: '备注', input: '牌子挂在一楼大厅' },
      { on: '评定', select: '是' },
      ...full('INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    expect(readBack().answers['INS-01']).toEqual({ value: true, na: false, note: '牌子挂在一楼大厅' });
  });
});

describe('zongzhi audit: moving around', () => {
  it('goes back, skips, and at the end names the unanswered items and goes to them', async () => {
    const { p } = await run([
      ...START,
      FULL['INS-01'],
      { on: '评定', select: '⋯' }, // INS-02
      { on: 'INS-02:要做什么', select: '上一项 INS-01' },
      { on: '评定', select: '否' }, // INS-01 changed: its finding is asked now
      { on: '确认本项不达标', select: '确认' },
      { on: '整改问题', select: '确认' },
      { on: '评定', select: '⋯' }, // INS-02
      { on: 'INS-02:要做什么', select: '跳过本项' },
      ...full('INS-03', 'MEC-01'),
      { on: '实测数值', input: '?' }, // MEC-02: the menu from a typed question
      { on: 'MEC-02:要做什么', select: '跳过本项' },
      ...full('MEC-03', 'MEC-04', 'BON-01'),
      { on: '现在怎么办', select: '逐项补答' },
      { on: '评定', select: '⋯' }, // INS-02 skipped again: on to the next unanswered
      { on: 'INS-02:要做什么', select: '跳过本项' },
      FULL['MEC-02'],
      { on: '现在怎么办', select: '逐项补答未答项(从 INS-02 开始)' },
      FULL['INS-02'],
      CONFIRM,
    ]);
    expect(p.text).toContain('还有 2 个评分项未答,全部作答(或答"不适用")后才能完成评估:\n  INS-02 机构规格和中心领导配备\n  MEC-02 群众满意率');
    expect(p.text).toMatch(/当前答案 +是\(得 10 分\)/);
    const audit = readBack();
    expect(audit.status).toBe('final');
    expect(audit.answers['INS-01'].value).toBe(false);
  });

  it('passes through an answered item with Enter and does not ask its finding again', async () => {
    await run([
      ...START,
      { on: '评定', select: '否' },
      { on: '确认本项不达标', select: '确认' },
      { on: '整改问题', select: '修改' },
      { on: '问题描述', input: '中心未实体化运行' },
      { on: '整改措施', input: '' },
      { on: '责任单位', input: '' },
      { on: '责任人', input: '' },
      { on: '整改时限', input: '2026-11-19', rejected: '不早于检查日期 2026-11-20' },
      { on: '整改时限', input: '2026年12月1日' },
      { on: '评定', select: '⋯' },
      { on: 'INS-02', select: '上一项' },
      { on: '评定', select: '否' }, // same answer: no finding step
      ...full('INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    expect(readBack().findings).toEqual({ 'INS-01': { problem: '中心未实体化运行', deadline: '2026-12-01' } });
  });

  it('drops an edited finding when the item no longer loses points', async () => {
    await run([
      ...START,
      { on: '评定', select: '否' },
      { on: '确认本项不达标', select: '确认' },
      { on: '整改问题', select: '修改' },
      { input: '' }, { input: '' }, { input: '另一单位' }, { input: '' }, { input: '' },
      { on: '评定', select: '⋯' },
      { on: 'INS-02', select: '上一项' },
      { on: '评定', select: '是' },
      ...full('INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    expect(readBack().findings).toEqual({});
  });

  it('jumps to a dimension and an item, then goes on from there', async () => {
    const { p } = await run([
      ...START,
      { on: '评定', select: '⋯' },
      { on: 'INS-01:要做什么', select: '跳转' },
      { on: '跳转到哪一类', select: '运行机制规范化(已答 0/4)' },
      { on: '跳转到哪一项', select: 'MEC-03' },
      FULL['MEC-03'],
      FULL['MEC-04'],
      FULL['BON-01'],
      { on: '现在怎么办', select: '逐项补答' },
      ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02'),
      CONFIRM,
    ]);
    expect(p.text).toContain('MEC-03 信息化平台应用  未答');
    expect(readBack().status).toBe('final');
  });

  it('goes back from the summary to change an item, and comes back to the summary', async () => {
    const { p } = await run([
      ...START,
      ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      { on: '确认以上结果', select: '返回修改' },
      { on: '跳转到哪一类', select: '机构设置规范化' },
      { on: '跳转到哪一项', select: 'INS-02' },
      { on: '评定', select: '完全达到' },
      { on: '确认以上结果', select: '返回修改' },
      { on: '跳转到哪一类', select: '加分项' },
      { on: '跳转到哪一项', select: 'BON-01' },
      { on: '评定', select: '是' },
      CONFIRM,
    ]);
    expect(p.text).toContain('总分 100.0 等次 优秀');
    expect(p.text).toContain('总分 105.0 等次 优秀');
  });

  it('leaves with the draft saved and the command to continue', async () => {
    const { end, p } = await run([...START, FULL['INS-01'], { on: '评定', select: '⋯' }, { on: '要做什么', select: '暂存草稿' }]);
    expect(end).toEqual({ outcome: 'saved', file });
    expect(p.text).toContain(`草稿已保存在 ${file}。继续评估:\n  zongzhi audit --resume ${file}`);
    expect(readBack().status).toBe('draft');
  });
});

describe('zongzhi audit: interruption and resume', () => {
  it('on Ctrl-C says where the draft is and how to resume; --resume goes on at the first unanswered item', async () => {
    const first = await run([...START, ...full('INS-01', 'INS-02'), { on: '勾选', exit: true }]);
    expect(first.end).toEqual({ outcome: 'interrupted', file });
    expect(first.p.text).toContain(`已中断。已答内容都保存在草稿 ${file} 中,继续评估:\n  zongzhi audit --resume ${file}`);
    expect(Object.keys(readBack().answers)).toEqual(['INS-01', 'INS-02']);

    const second = await run([...full('INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'), CONFIRM], options({ resume: file }));
    expect(second.p.text).toContain('继续评估 示例市甲区综治中心(999901),检查日期 2026-11-20:已答 2/7 个评分项,尚有 5 项未答(加分项另计)。');
    expect(second.p.text).toContain('INS-03  政法部门和信访部门常驻');
    expect(second.p.text).not.toContain('INS-01  ');
    const audit = readBack();
    expect(audit.status).toBe('final');
    expect(Object.keys(audit.answers)).toHaveLength(8);
  });

  it('resumes a draft whose checklist changed only with --allow-checklist-change, and then records the new one', async () => {
    await run([...START, ...full('INS-01', 'INS-02'), { on: '勾选', exit: true }]);
    const changed = join(out, 'short.yaml');
    writeFileSync(changed, `# 修订:补充检查方法\n${readFileSync(FIXTURE, 'utf8')}`);
    const refused = runAudit(options({ resume: file, checklist: changed }), new ScriptedPrompter([]));
    await expect(refused).rejects.toThrow('--allow-checklist-change');
    await run([...full('INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'), CONFIRM], options({ resume: file, checklist: changed, allowChecklistChange: true }));
    const read = readAuditFile(file, new ChecklistRegistry([changed]));
    expect(read.problems).toEqual([]);
    expect(read.audit!.status).toBe('final');
  });

  it('reopens a final audit: a change makes it a draft until confirmed, and the results are rewritten after asking', async () => {
    await run([...START, ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'), CONFIRM]);
    const unchanged = await run(
      [
        { on: '确认以上结果', select: '返回修改' },
        { on: '跳转到哪一类', select: '运行机制规范化' },
        { on: '跳转到哪一项', select: 'MEC-02' },
        { on: '实测数值', input: '' }, // Enter keeps 95: no change, still final
        { on: '确认以上结果', select: '返回修改' },
        { on: '跳转到哪一类', select: '运行机制规范化' },
        { on: '跳转到哪一项', select: 'MEC-02' },
        { on: '实测数值', exit: true },
      ],
      options({ resume: file }),
    );
    expect(unchanged.p.text).toContain('这份评估已经定稿。改动任何一项后它会回到草稿状态');
    expect(unchanged.p.text).toContain('? 实测数值,0–100%(输入 ? 打开菜单) (95%)');
    expect(readBack().status).toBe('final');

    const changed = await run(
      [
        { on: '确认以上结果', select: '返回修改' },
        { on: '跳转到哪一类', select: '运行机制规范化' },
        { on: '跳转到哪一项', select: 'MEC-02' },
        { on: '实测数值', input: '85' },
        { on: '整改问题', exit: true },
      ],
      options({ resume: file }),
    );
    expect(changed.p.text).toContain('本项扣 10 分');
    expect(readBack().status).toBe('draft');

    const { p } = await run(
      [
        // The finding left unconfirmed keeps the checklist's defaults.
        { on: '确认以上结果', select: '确认完成' },
        { on: '已有同名结果文件', select: '覆盖' },
      ],
      options({ resume: file }),
    );
    expect(p.text).toContain('总分 90.0 等次 优秀');
    expect(readBack().status).toBe('final');
    expect(JSON.parse(readFileSync(file.replace('.audit.yaml', '.json'), 'utf8'))[0].total).toBe(90);
  });

  it('keeps existing results when asked to, saying how to write them again', async () => {
    await run([...START, ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'), CONFIRM]);
    const json = file.replace('.audit.yaml', '.json');
    writeFileSync(json, '[]\n');
    const { end, p } = await run([CONFIRM, { on: '已有同名结果文件', select: '保留' }], options({ resume: file }));
    expect(end).toEqual({ outcome: 'final', file, failed: false });
    expect(p.text).toContain(`保留了原有的 ${json};需要时可用 zongzhi score ${file} -o ${json} --force 重新生成`);
    expect(readFileSync(json, 'utf8')).toBe('[]\n');
  });

  it('keeps the answer when interrupted while editing its finding', async () => {
    await run([...START, { select: '否' }, { on: '确认本项不达标', select: '确认' }, { on: '整改问题', select: '修改' }, { on: '问题描述', exit: true }]);
    expect(readBack().answers['INS-01'].value).toBe(false);
  });

  it('saves nothing when interrupted before the first answer', async () => {
    const { end, p } = await run([{ on: '中心编码', exit: true }]);
    expect(end).toEqual({ outcome: 'interrupted', file: undefined });
    expect(p.text).toContain('尚未开始作答,没有保存任何内容');
  });

  it('refuses a damaged draft with the place of the problem, and leaves the file alone', async () => {
    await run([...START, ...full('INS-01', 'INS-02'), { exit: true }]);
    const damaged = readFileSync(file, 'utf8').replace('INS-02: { value: 完全达到 }', 'INS-02: { value: 全部达到 }');
    writeFileSync(file, damaged);
    const line = damaged.split('\n').findIndex((l) => l.includes('全部达到')) + 1;
    const col = damaged.split('\n')[line - 1].indexOf('全部达到') + 1;
    const attempt = runAudit(options({ resume: file }), new ScriptedPrompter([]));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(runAudit(options({ resume: file }), new ScriptedPrompter([]))).rejects.toThrow(
      `${file}:${line}:${col}: "全部达到" 不是该项的等级(可选:完全达到/基本达到/未达到)`,
    );
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('refuses a truncated draft with the place of the YAML error', async () => {
    await run([...START, ...full('INS-01'), { exit: true }]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/INS-01: \{ value: 是 \}\n$/, 'INS-01: { value: 是\n'));
    await expect(runAudit(options({ resume: file }), new ScriptedPrompter([]))).rejects.toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
  });
});

describe('zongzhi audit: starting', () => {
  it('refuses to start over an existing draft unless --force, pointing at --resume, before asking anything', async () => {
    await run([...START, { exit: true }]);
    const preset = options({ center: '999901', date: DATE });
    await expect(runAudit(preset, new ScriptedPrompter([]))).rejects.toThrow(`继续这份草稿请用 zongzhi audit --resume ${file}`);
    const { p } = await run([{ on: '中心名称', input: '乙中心' }, { on: '检查人', input: '赵六' }, { on: '检查方式', select: '督查' }, { exit: true }], { ...preset, force: true });
    expect(p.text).not.toContain('中心编码');
    expect(readBack().center).toEqual({ code: '999901', name: '乙中心' });
  });

  it('validates the center code and the date as they are typed', async () => {
    await run([
      { on: '中心编码', input: '99990', rejected: '应为 6、9 或 12 位数字' },
      // The short checklist is a county one: a township center is refused as typed, with the checklists that fit it.
      { on: '中心编码', input: '９９９９０１１０１', rejected: '按编码是乡镇(街道)中心,不能用县级清单 short 评估' },
      { on: '中心编码', input: '９９９９０２' },
      { on: '检查日期', input: '2026-02-30', rejected: '不是有效日期' },
      { on: '检查日期', input: '2026年11月20日' },
      { on: '中心名称', input: ' ', rejected: '请填写中心名称' },
      { on: '中心名称', input: '乙镇综治中心' },
      { on: '检查人', input: '', rejected: '至少填写一名检查人' },
      { on: '检查人', input: '赵六,钱七' },
      { on: '检查方式', select: '督查' },
      { exit: true },
    ]);
    const audit = readBack(join(out, `${DATE}-999902-short.audit.yaml`));
    expect(audit.center.code).toBe('999902');
    expect(audit.inspectors).toEqual(['赵六', '钱七']);
  });

  it('offers the name from --centers, and says when the code is not in it', async () => {
    const centers = 'fixtures/audit/centers.csv';
    const known = await run([{ on: '中心编码', input: '999902' }, { input: DATE }, { on: '中心名称', input: '' }, { input: '张三' }, { on: '检查方式', select: '督查' }, { exit: true }], options({ centers }));
    expect(known.p.text).toContain('? 中心名称 (示例市乙县综治中心)');
    expect(readBack(join(out, `${DATE}-999902-short.audit.yaml`)).center.name).toBe('示例市乙县综治中心');

    const unknown = await run([{ input: '999903' }, { input: DATE }, { on: '中心名称', input: '丙县综治中心' }, { input: '张三' }, { on: '检查方式', select: '督查' }, { exit: true }], options({ centers }));
    expect(unknown.p.text).toContain(`中心名录 ${centers} 中没有编码 999903,请直接填写名称。`);
  });

  it('refuses a center whose registry level is not the checklist’s, before asking anything when --center gives it', async () => {
    const centers = 'fixtures/audit/centers.csv';
    // 层级 乡镇 in the registry: the county checklist does not apply, even as typed.
    const typed = await run([{ on: '中心编码', input: '999901101', rejected: '在中心名录中是乡镇(街道)中心' }, { input: '999901' }, { input: DATE }, { on: '中心名称', input: '' }, { input: '张三' }, { on: '检查方式', select: '督查' }, { exit: true }], options({ centers }));
    expect(typed.p.text).toContain('可用的乡镇(街道)清单:township(--checklist township)');
    const preset = runAudit(options({ centers, center: '999901101', date: DATE }), new ScriptedPrompter([]));
    await expect(preset).rejects.toThrow('未开始评估:中心 999901101 在中心名录中是乡镇(街道)中心,不能用县级清单 short 评估');
    // A city's code is never a center.
    await expect(runAudit(options({ center: '999900', date: DATE }), new ScriptedPrompter([]))).rejects.toThrow('以 00 结尾');
  });

  it('refuses a broken --centers registry before asking anything', async () => {
    const broken = join(out, 'centers.csv');
    writeFileSync(broken, '名称,层级\n甲区,县级\n');
    await expect(runAudit(options({ centers: broken }), new ScriptedPrompter([]))).rejects.toThrow(UserError);
  });

  it('loads the checklist while the first question is on screen, and withdraws it when the checklist is bad', async () => {
    const p = new ScriptedPrompter([{ on: '中心编码', input: '999901' }]);
    await expect(runAudit(options({ checklist: 'no-such-checklist' }), p)).rejects.toThrow('no-such-checklist');
    expect(p.remaining).toBe(1);
  });

  it('refuses a bad --center or --date, and --resume together with --center', async () => {
    await expect(runAudit(options({ center: '12345' }), new ScriptedPrompter([]))).rejects.toThrow('--center "12345" 不是有效的中心编码');
    await expect(runAudit(options({ date: '2026-13-01' }), new ScriptedPrompter([]))).rejects.toThrow('--date "2026-13-01" 不是有效日期');
    await expect(runAudit(options({ resume: file, center: '999901' }), new ScriptedPrompter([]))).rejects.toThrow('--resume 的中心编码和检查日期取自草稿本身');
    expect(existsSync(file)).toBe(false);
  });
});

describe('the item card', () => {
  it('wraps by display width with a hanging indent, never starting a line with closing punctuation', () => {
    // 44 columns leave 31 for the text: fifteen CJK characters.
    expect(field('评分标准', '一二三四五六七八九十一二三四五六七', 44)).toBe(['  评分标准  一二三四五六七八九十一二三四五', '            六七'].join('\n'));
    // The mark does not fit: the character before it goes down with it (the line stays within the width).
    expect(field('评分标准', '一二三四五六七八九十一二三四五\u3002六七', 44)).toBe(['  评分标准  一二三四五六七八九十一二三四', '            五\u3002六七'].join('\n'));
  });
});

// Issue 18: what the first users tripped over in the walk.
describe('zongzhi audit: what first users tripped over', () => {
  const VETO_OK: Step = { on: '确认本项不达标', select: '确认' };

  it('never records 无 when Enter is pressed with nothing ticked: it asks, and ⋯ opens the menu', async () => {
    const { p } = await run([
      ...START,
      ...full('INS-01', 'INS-02'),
      { on: '勾选', checkbox: [] }, // INS-03: Enter meant to open the menu
      { on: '没有勾选任何选项', select: '⋯' },
      { on: 'INS-03:要做什么', select: '暂存草稿' },
    ]);
    // The options list holds the options only; the actions are offered after an empty Enter.
    const list = p.text.slice(p.text.indexOf('? 勾选'), p.text.indexOf('? 没有勾选'));
    expect(list).not.toContain('⋯');
    expect(readBack().answers['INS-03']).toBeUndefined();
    expect(readBack().findings).toEqual({});
  });

  it('records 无 (0 points) only when the inspector says so, after going back to tick once', async () => {
    await run([
      ...START,
      ...full('INS-01', 'INS-02'),
      { on: '勾选', checkbox: [] },
      { on: '没有勾选任何选项', select: '返回勾选' },
      { on: '勾选', checkbox: [] },
      { on: '没有勾选任何选项', select: '都未做到' },
      { on: '整改问题', select: '确认' },
      { on: '问题个数', exit: true },
    ]);
    expect(readBack().answers['INS-03']).toEqual({ value: [], na: false });
  });

  it('on resume asks only unanswered items when walking forward, and counts items one way everywhere', async () => {
    await run([
      ...START,
      ...full('INS-01', 'INS-02'),
      { on: '勾选', checkbox: [] },
      { on: '没有勾选任何选项', select: '⋯' },
      { on: 'INS-03:要做什么', select: '跳过本项' },
      FULL['MEC-01'],
      { on: '实测数值', exit: true },
    ]);
    const { p } = await run(
      [
        FULL['INS-03'],
        // MEC-01 is answered: the walk goes on to MEC-02, not back through MEC-01.
        FULL['MEC-02'],
        { on: '直接打分', exit: true },
      ],
      options({ resume: file }),
    );
    expect(p.text).toContain('已答 3/7 个评分项,尚有 4 项未答(加分项另计)');
    expect(p.text).toContain('第 3/7 项  已答 3/7');
    expect(p.text).toContain('第 5/7 项  已答 4/7');
    expect(p.text).not.toContain('MEC-01  ');
    expect(p.text).not.toMatch(/第 \d+\/8 项/);
  });

  it('after going back, walks item by item up to where the inspector was', async () => {
    await run([
      ...START,
      ...full('INS-01', 'INS-02', 'INS-03'),
      { on: '问题个数', input: '?' }, // MEC-01
      { on: 'MEC-01:要做什么', select: '上一项' },
      { on: '勾选', checkbox: [] },
      { on: '没有勾选任何选项', select: '⋯' },
      { on: 'INS-03:要做什么', select: '上一项' },
      { on: '评定', select: '基本达到' }, // INS-02 changed
      { on: '整改问题', select: '确认' },
      { on: '勾选', checkbox: ['法院', '检察院', '公安', '信访'] }, // INS-03 shown again (kept)
      FULL['MEC-01'],
      { on: '实测数值', exit: true },
    ]);
    expect(readBack().answers['INS-02'].value).toBe('基本达到');
  });

  it('finds a checklist kept outside checklists/ from the draft alone, and prints no --checklist to resume', async () => {
    const first = await run([...START, ...full('INS-01'), { on: '评定', exit: true }]);
    expect(first.p.text).toContain(`zongzhi audit --resume ${file}\n`.trimEnd());
    expect(first.p.text).not.toContain('--checklist');
    expect(readFileSync(file, 'utf8')).toMatch(/checklist: \{ id: short, version: "2026\.1", sha256: \w+, file: \S*fixtures\/audit\/short\.yaml \}/);
    // Neither the resume nor a later score names the checklist.
    await run([...full('INS-02', 'INS-03'), { on: '问题个数', exit: true }], options({ resume: file, checklist: 'county', checklistGiven: false }));
    const read = readAuditFile(file, new ChecklistRegistry([]));
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.audit!.answers)).toEqual(['INS-01', 'INS-02', 'INS-03']);
  });

  it('says at once that 否 on a veto item makes the grade 不合格, and lets the inspector answer again', async () => {
    const { p } = await run([...START, { on: '评定', select: '否' }, { on: '确认本项不达标', select: '重新作答' }, { on: '评定', select: '是' }, { on: '评定', exit: true }]);
    expect(p.text).toContain('INS-01 是一票否决项:本项得 0 分,本次评估等次将定为"不合格",不论总分多少。');
    expect(p.text).toContain('确认:本项得 0 分,等次定为"不合格"');
    expect(readBack().answers['INS-01'].value).toBe(true);
    await run([{ on: '评定', select: '⋯' }, { on: '要做什么', select: '上一项' }, { on: '评定', select: '否' }, VETO_OK, { on: '整改问题', exit: true }], options({ resume: file }));
    expect(readBack().answers['INS-01'].value).toBe(false);
  });

  describe('a final audit is never called a draft', () => {
    const ALL = (): Step[] => [...START, ...full('INS-01', 'INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'), CONFIRM];
    const preset = () => options({ center: '999901', date: DATE });

    it('refuses to start over a final audit without --force, in its own words', async () => {
      await run(ALL());
      const again = runAudit(preset(), new ScriptedPrompter([]));
      await expect(again).rejects.toThrow(`评估 ${file} 已经定稿。要修改它请用 zongzhi audit --resume ${file}`);
      await expect(runAudit(preset(), new ScriptedPrompter([]))).rejects.not.toThrow('草稿');
    });

    it('replaces a final audit with --force only after an explicit confirmation', async () => {
      await run(ALL());
      const kept = runAudit({ ...preset(), force: true }, new ScriptedPrompter([{ on: '是已定稿的评估', select: '不替换' }]));
      await expect(kept).rejects.toThrow(`未作改动:已定稿的评估 ${file} 保持原样`);
      expect(readBack().status).toBe('final');
      const { p } = await run([{ on: '是已定稿的评估', select: '替换' }, { on: '中心名称', input: '示例市甲区综治中心' }, { on: '检查人', input: '张三' }, { on: '检查方式', select: '回头看' }, { on: '评定', exit: true }], { ...preset(), force: true });
      expect(readBack().status).toBe('draft');
      expect(p.text).toContain('已中断。已答内容都保存在草稿');
    });

    it('on Ctrl-C or leaving a reopened final audit says it stands unchanged', async () => {
      await run(ALL());
      const interrupted = await run([{ on: '确认以上结果', exit: true }], options({ resume: file }));
      expect(interrupted.p.text).toContain(`已中断。已定稿的评估 ${file} 保持定稿时的内容,未作改动。`);
      expect(interrupted.p.text.slice(interrupted.p.text.indexOf('已中断'))).not.toContain('草稿');
      const left = await run([{ on: '确认以上结果', select: '暂存' }], options({ resume: file }));
      expect(left.p.text).toContain(`已定稿的评估 ${file} 未作改动。`);
      expect(readBack().status).toBe('final');
    });

    it('says the final audit stands when interrupted at the question to overwrite its results', async () => {
      await run(ALL());
      const { p } = await run([{ on: '确认以上结果', select: '返回修改' }, { on: '跳转到哪一类', select: '运行机制' }, { on: '跳转到哪一项', select: 'MEC-02' }, { on: '实测数值', input: '96' }, CONFIRM, { on: '已有同名结果文件', exit: true }], options({ resume: file }));
      expect(p.text).toContain('已中断。已定稿的评估');
      expect(readBack().status).toBe('final');
    });
  });
});

describe('zongzhi audit: mode, evidence and 未查', () => {
  it('asks the mode after the inspectors and records it; --mode skips the question', async () => {
    const asked = await run([...START.slice(0, 4), { on: '检查方式', select: '暗访' }, { on: '评定', exit: true }]);
    expect(asked.p.text).toContain(['? 检查方式', '  自查', '  督查', '  明察', '  暗访', '  交叉检查', '  回头看'].join('\n'));
    expect(readBack().mode).toBe('暗访');
    expect(readFileSync(file, 'utf8')).toContain('\nmode: 暗访\n');

    const given = await run([...START.slice(0, 4), { on: '评定', exit: true }], options({ mode: '交叉检查', force: true }));
    expect(given.p.text).not.toContain('检查方式');
    expect(readBack().mode).toBe('交叉检查');
  });

  it('refuses a --mode that is not one, listing the modes, before asking anything', async () => {
    await expect(runAudit(options({ mode: '抽查' }), new ScriptedPrompter([]))).rejects.toThrow('--mode "抽查" 不是检查方式,可选:自查、督查、明察、暗访、交叉检查、回头看');
    expect(existsSync(file)).toBe(false);
  });

  it('a resumed draft keeps its mode: not asked again, and a contradicting --mode is refused', async () => {
    await run([...START.slice(0, 4), { on: '检查方式', select: '回头看' }, ...full('INS-01'), { on: '评定', exit: true }]);
    const resumed = await run([{ on: '评定', exit: true }], options({ resume: file }));
    expect(resumed.p.text).not.toContain('检查方式');
    expect(readBack().mode).toBe('回头看');
    await expect(runAudit(options({ resume: file, mode: '明察' }), new ScriptedPrompter([]))).rejects.toThrow(`--mode 明察 与草稿 ${file} 记录的检查方式"回头看"不一致`);
    // A draft from before modes were asked takes the one given.
    writeFileSync(file, readFileSync(file, 'utf8').replace('mode: 回头看\n', ''));
    await run([{ on: '评定', exit: true }], options({ resume: file, mode: '自查' }));
    expect(readBack().mode).toBe('自查');
  });

  it('attaches evidence from the menu: a missing file is re-asked, each file is hashed and recorded relative to the audit file', async () => {
    const folder = join(out, '佐证');
    mkdirSync(folder);
    const scan = join(folder, '台账.jpg');
    const photo = join(folder, '现场 照片.png');
    writeFileSync(scan, 'scan of the ledger');
    writeFileSync(photo, 'photo of the hall');
    const { p } = await run([
      ...START,
      FULL['INS-01'],
      { on: '评定', select: '⋯' }, // INS-02: nothing to attach evidence to yet
      { on: 'INS-02:要做什么', select: '上一项' },
      { on: '评定', select: '⋯' }, // INS-01, answered
      { on: 'INS-01:要做什么', select: '添加佐证材料' },
      { on: '佐证材料文件路径', input: join(folder, '台帐.jpg'), rejected: `找不到文件 ${join(folder, '台帐.jpg')}:请输入已有文件的路径(相对当前目录 ${process.cwd()},或绝对路径)` },
      { on: '佐证材料文件路径', input: folder, rejected: '是文件夹,不是文件' },
      { on: '佐证材料文件路径', input: relative(process.cwd(), scan) },
      { on: '佐证材料文件路径', input: `'${photo}'` }, // as a terminal pastes a dragged file
      { on: '佐证材料文件路径', input: '' },
      { on: '评定', select: '是' },
      ...full('INS-02', 'INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    expect(p.text).toContain('? INS-02:要做什么?\n  回到本项作答\n  上一项 INS-01 综治中心挂牌并实体化运行\n  跳过本项(留空,稍后再答)\n  为本项写备注\n  添加佐证材料(照片、扫描件等文件)… (先作答本项)\n');
    expect(p.text).toContain('已登记佐证材料 台账.jpg(b5e73d11),记录为 佐证/台账.jpg');
    // The card shows what is attached when the item comes round again.
    expect(p.text).toContain('  佐证材料  佐证/台账.jpg(sha256 b5e73d11)\n            佐证/现场 照片.png(sha256 4646088b)');
    const audit = readBack();
    expect(audit.answers['INS-01']).toEqual({
      value: true,
      na: false,
      evidence: [
        { path: '佐证/台账.jpg', sha256: sha256('scan of the ledger') },
        { path: '佐证/现场 照片.png', sha256: sha256('photo of the hall') },
      ],
    });
    // Paths relative to the audit file: the folder moves with its evidence and still checks.
    const moved = tempDir('zongzhi-moved-');
    cpSync(out, moved, { recursive: true });
    const read = readAuditFile(join(moved, basename(file)), new ChecklistRegistry([FIXTURE]));
    expect(read.warnings).toEqual([]);
    // The results JSON written at the end carries the evidence.
    expect(JSON.parse(readFileSync(file.replace('.audit.yaml', '.json'), 'utf8'))[0].items[0].evidence).toEqual(audit.answers['INS-01'].evidence);
  });

  it('keeps evidence when the item is answered again, and marks an item 未查 with its reason from the menu', async () => {
    const scan = join(out, '台账.jpg');
    writeFileSync(scan, 'scan of the ledger');
    const { p } = await run([
      ...START,
      { on: '评定', select: '⋯' }, // INS-01: 未查 is reachable before answering
      { on: 'INS-01:要做什么', select: '本项未查' },
      { on: '本次未查的原因', input: '', rejected: '标记"未查"须说明原因' },
      { on: '本次未查的原因', input: '中心负责人外出,未能核实' },
      { on: '评定', select: '⋯' }, // INS-02
      { on: 'INS-02:要做什么', select: '上一项' },
      { on: '评定', select: '⋯' }, // INS-01, now 未查: evidence may back it
      { on: 'INS-01:要做什么', select: '添加佐证材料' },
      { on: '佐证材料文件路径', input: scan },
      { on: '佐证材料文件路径', input: '' },
      { on: '评定', select: '⋯' },
      { on: 'INS-01:要做什么', select: '下一项' },
      FULL['INS-02'],
      { on: '勾选', exit: true },
    ]);
    expect(p.text).toContain('  当前答案  未查\n  未查原因  中心负责人外出,未能核实\n  佐证材料  台账.jpg(sha256 b5e73d11)');
    expect(readBack().answers['INS-01']).toEqual({ na: true, uninspected: true, note: '中心负责人外出,未能核实', evidence: [{ path: '台账.jpg', sha256: sha256('scan of the ledger') }] });

    // Answered after all: the evidence stays, the 未查 reason goes.
    const again = await run([{ on: '勾选', checkbox: [] }, { on: '没有勾选任何选项', select: '⋯' }, { on: 'INS-03:要做什么', select: '跳转' }, { on: '哪一类', select: '机构设置' }, { on: '哪一项', select: 'INS-01' }, { on: '评定', select: '是' }, { on: '评定', exit: true }], options({ resume: file }));
    expect(again.p.text).not.toContain('? 本次未查的原因');
    expect(readBack().answers['INS-01']).toEqual({ value: true, na: false, evidence: [{ path: '台账.jpg', sha256: sha256('scan of the ledger') }] });
  });

  it('the summary before confirming names the mode and the items not inspected', async () => {
    const { p } = await run([
      ...START.slice(0, 4),
      { on: '检查方式', select: '暗访' },
      FULL['INS-01'],
      { on: '评定', select: '⋯' },
      { on: 'INS-02:要做什么', select: '本项未查' },
      { on: '本次未查的原因', input: '台账未能调阅' },
      ...full('INS-03', 'MEC-01', 'MEC-02', 'MEC-03', 'MEC-04', 'BON-01'),
      CONFIRM,
    ]);
    expect(p.text).toContain('检查方式:暗访');
    expect(p.text).toContain('部分检查:未查 1 项 INS-02(10) 共 10 分,本次未检查,从分母中扣除');
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
