import { describe, expect, it } from 'vitest';
import { UserError, formatProblem } from '../src/errors.js';
import { parseTasks } from '../src/formats/tasks-file.js';

const good = `format: 1
name: 2026年第四季度重点任务
tasks:
  - id: RW-01
    title: 落实综治中心专项经费
    scope: counties
    owner: 县财政局
    deadline: "2026-11-30"
    evidence: 预算批复文件
  - id: RW-02
    title: 开展一次回头看
    scope: ["999902", "999903"]
    owner: 县委政法委
    deadline: 2026-12-15
  - id: RW-03
    title: 乡镇中心挂牌
    scope: { townships: "999901" }
    owner: 镇党委
    deadline: "2026-11-10"
`;

async function problemsOf(text: string): Promise<string[]> {
  try {
    await parseTasks(text, 'tasks.yaml');
  } catch (e) {
    if (e instanceof UserError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('tasks file', () => {
  it('reads the three scopes, deadlines and evidence', async () => {
    const { name, tasks } = await parseTasks(good, 'tasks.yaml');
    expect(name).toBe('2026年第四季度重点任务');
    expect(tasks.map((t) => [t.id, t.scope, t.deadline, t.evidence])).toEqual([
      ['RW-01', { kind: 'counties' }, '2026-11-30', '预算批复文件'],
      ['RW-02', { kind: 'counties', counties: ['999902', '999903'] }, '2026-12-15', undefined],
      ['RW-03', { kind: 'townships', county: '999901' }, '2026-11-10', undefined],
    ]);
  });

  it('locates a missing key, an unknown key and a bad scope', async () => {
    const text = good
      .replace('    owner: 县财政局\n', '    owenr: 县财政局\n')
      .replace('scope: { townships: "999901" }', 'scope: all');
    expect(await problemsOf(text)).toEqual([
      'tasks.yaml:4:5: 缺少必填键 owner',
      'tasks.yaml:7:5: 未知的键 owenr,是否想写 owner?(可用的键:id, title, scope, owner, deadline, evidence)',
      'tasks.yaml:17:12: 任务范围应为 counties(全部县级中心)、县级编码列表(如 [999901, 999903]),或 { townships: 999901 }(该县全部乡镇中心)',
    ]);
  });

  it('locates a date that is not one, a code that is not a county and a repeated id', async () => {
    const text = good.replace('deadline: 2026-12-15', 'deadline: 2026-11-31').replace('"999903"]', '"999903101"]').replace('id: RW-03', 'id: RW-01');
    expect(await problemsOf(text)).toEqual([
      'tasks.yaml:12:23: "999903101" 不是县级中心编码:应为 6 位数字且不以 00 结尾,如 999901',
      'tasks.yaml:14:15: "2026-11-31" 不是日期,应写成 YYYY-MM-DD,如 2026-11-30',
      'tasks.yaml:15:9: 任务编号 RW-01 重复(首次在第 4 行)',
    ]);
  });

  it('refuses a YAML syntax error at its place', async () => {
    // The unclosed [ on line 11 is seen where the next key starts.
    const [first] = await problemsOf(good.replace('title: 开展一次回头看', 'title: [开展'));
    expect(first).toMatch(/^tasks\.yaml:12:5: YAML 语法错误/);
  });
});
