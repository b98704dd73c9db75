import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readAuditFile } from '../src/formats/audit-file.js';
import { BIN, ROOT, tempDir } from './helpers.js';

// One end-to-end run of the built binary in a real pseudo-terminal (`npm run build` first).
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const FIXTURE = 'fixtures/audit/short.yaml';

/** A tmux server of our own (its own socket), so nothing else running tmux is touched. */
class Terminal {
  private readonly socket = `zongzhi-audit-test-${process.pid}`;

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  start(command: string): void {
    this.tmux('new-session', '-d', '-s', 'audit', '-x', '110', '-y', '50', '-c', ROOT, command);
  }

  /** The whole pane, scrollback included. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'audit');
  }

  /**
   * Waits until `text` shows after the last `anchor` (the card of the item being asked),
   * polling rather than sleeping: the prompt must be drawn before keys are sent, or a
   * prompt that has not started yet would discard them.
   */
  async waitFor(text: string, anchor = '', timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = this.screen();
      const from = anchor ? screen.lastIndexOf(anchor) : 0;
      if (from >= 0 && screen.indexOf(text, from) >= 0) return screen;
      if (Date.now() > deadline) throw new Error(`the terminal never showed "${text}"${anchor ? ` after "${anchor}"` : ''}:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'audit', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'audit', '-l', text);
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone with its only session.
    }
  }
}

// Under CI tmux is installed (.ci/run): a missing one fails there rather than skipping.
describe.skipIf(!hasTmux && !process.env.CI)('zongzhi audit in a real terminal (tmux)', () => {
  const term = new Terminal();
  afterAll(() => term.stop());

  it('completes the short checklist with the keyboard', async () => {
    const out = tempDir();
    const file = join(out, '2026-11-20-999901-short.audit.yaml');
    term.start(`env NO_COLOR=1 ZONGZHI_LANG=zh node ${BIN} audit --checklist ${FIXTURE} --center 999901 --date 2026-11-20 --out ${out}; echo "[exit $?]"; sleep 60`);

    await term.waitFor('? 中心名称');
    term.type('示例市甲区综治中心');
    term.keys('Enter');
    await term.waitFor('? 检查人');
    term.type('张三、李四');
    term.keys('Enter');
    const modes = await term.waitFor('? 检查方式');
    // 督查 highlighted, with what it means under the list.
    expect(modes).toContain('上级督查组检查');
    term.keys('Enter');

    await term.waitFor('? 评定', 'INS-01  ');
    term.keys('Enter'); // 是
    await term.waitFor('? 评定', 'INS-02  ');
    term.keys('2', 'Enter'); // 基本达到
    await term.waitFor('? 整改问题', 'INS-02  ');
    term.keys('Enter'); // confirm the finding
    const options = await term.waitFor('? 勾选', 'INS-03  ');
    expect(options.slice(options.lastIndexOf('INS-03  '))).toContain('空格 选择');
    // The trap first users fell into: down to the bottom and Enter, meaning to open the menu.
    term.keys('Down', 'Down', 'Down', 'Enter');
    await term.waitFor('? 没有勾选任何选项', 'INS-03  ');
    expect(readFileSync(file, 'utf8')).not.toContain('INS-03');
    term.keys('Enter'); // 返回勾选, the highlighted choice
    await term.waitFor('? 勾选', '没有勾选任何选项');
    term.keys('Space', 'Down', 'Space', 'Down', 'Space', 'Down', 'Space', 'Enter');
    expect(await term.waitFor('? 问题个数', 'MEC-01  ')).toContain('法院、检察院、公安、信访');
    term.type('1');
    term.keys('Enter');
    await term.waitFor('? 第 1/1 处', 'MEC-01  ');
    term.type('10月排查台账缺失');
    term.keys('Enter');
    await term.waitFor('? 整改问题', 'MEC-01  ');
    term.keys('Enter');
    await term.waitFor('? 实测数值', 'MEC-02  ');
    term.type('９５');
    term.keys('Enter');
    await term.waitFor('? 直接打分', 'MEC-03  ');
    term.type('不适用');
    term.keys('Enter');
    await term.waitFor('? 不适用的理由', 'MEC-03  ');
    term.type('本级无此项');
    term.keys('Enter');
    await term.waitFor('? 评定', 'MEC-04  ');
    term.keys('Enter');
    await term.waitFor('? 评定', 'BON-01  ');
    term.keys('2', 'Enter'); // 否

    const summary = await term.waitFor('? 确认以上结果');
    expect(summary).toContain('总分 88.9 等次 良好');
    term.keys('Enter');
    const end = await term.waitFor('[exit ');

    expect(end).toContain(`评估已完成,定稿保存在 ${file}`);
    const read = readAuditFile(file, new ChecklistRegistry([FIXTURE]));
    expect(read.problems).toEqual([]);
    expect(read.audit!.status).toBe('final');
    expect(read.audit!.mode).toBe('督查');
    expect(read.audit!.answers['INS-03'].value).toEqual(['法院', '检察院', '公安', '信访']);
    expect(read.audit!.answers['MEC-01'].value).toEqual({ count: 1, descriptions: ['10月排查台账缺失'] });
    expect(read.audit!.answers['MEC-03']).toEqual({ na: true, note: '本级无此项' });
    expect(JSON.parse(readFileSync(file.replace('.audit.yaml', '.json'), 'utf8'))[0].total).toBe(88.9);
    expect(existsSync(file.replace('.audit.yaml', '.xlsx'))).toBe(true);
    expect(end).toContain('[exit 0]');
  });
});
