import { Writable } from 'node:stream';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { askItem, type Asked } from '../src/audit/ask.js';
import { resolveChecklist } from '../src/checklist/load.js';
import { setLang } from '../src/i18n/index.js';
import type { Answer } from '../src/model/audit.js';
import { placedItems, type Item } from '../src/model/checklist.js';
import { InquirerPrompter } from '../src/prompts/inquirer.js';

// The real inquirer prompts, driven through @inquirer/testing: each test renders one
// item's question (which may be several prompts in a row) and types into it.
const checklist = resolveChecklist('fixtures/audit/short.yaml');
const item = (id: string): Item => placedItems(checklist).find((p) => p.item.id === id)!.item;

afterEach(() => setLang('zh'));

/**
 * render() gives one output stream, and each inquirer prompt ends the stream it writes
 * to when it is done (harmless on process.stdout, which is never ended). An item's
 * question can be several prompts (a count, then each deficiency), so they write
 * through this, which stays open.
 */
class KeepOpen extends Writable {
  constructor(private readonly to: NodeJS.WritableStream) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.to.write(chunk);
    done();
  }
  override end(): this {
    return this;
  }
}

async function ask(id: string, current?: Answer) {
  return render(
    (target: Item, streams) => askItem(new InquirerPrompter({ input: streams?.input, output: new KeepOpen(streams!.output!) }), target, current),
    item(id),
  );
}

/** The prompt module loads lazily: wait until the screen shows `text` rather than sleeping. */
async function until(getScreen: () => string, text: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const screen = getScreen();
    if (screen.includes(text)) return screen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`the screen never showed "${text}":\n${getScreen()}`);
}

function valueOf(asked: Asked) {
  expect(asked.kind).toBe('answer');
  return asked.kind === 'answer' ? asked.answer : undefined;
}

describe('select prompts (check, levels)', () => {
  it('lists the levels with their points, the menu entry and key help in Chinese', async () => {
    const { answer, events, getScreen } = await ask('INS-02');
    const screen = await until(getScreen, '完全达到');
    expect(screen).toContain('? 评定');
    expect(screen).toContain('❯ 1. 完全达到(得 10 分)');
    expect(screen).toContain('2. 基本达到(得 5 分)');
    expect(screen).toContain('⋯ 备注、佐证、未查、跳过、上一项、跳转、完成');
    expect(screen).not.toContain('不适用');
    expect(screen).toContain('↑↓ 移动 · ⏎ 选择');
    events.keypress('down');
    events.keypress('enter');
    expect(valueOf(await answer)).toEqual({ value: '基本达到', na: false });
  });

  it('starts on the answer already given, and a number key picks a choice', async () => {
    const kept = await ask('INS-02', { value: '未达到', na: false });
    expect(await until(kept.getScreen, '未达到')).toContain('❯ 3. 未达到(得 0 分)');
    kept.events.keypress('enter');
    expect(valueOf(await kept.answer)).toEqual({ value: '未达到', na: false });

    const check = await ask('INS-01');
    await until(check.getScreen, '否');
    check.events.type('2');
    check.events.keypress('enter');
    expect(valueOf(await check.answer)).toEqual({ value: false, na: false });
  });

  it('offers 不适用 where the item allows it and asks the reason', async () => {
    const { answer, events, getScreen } = await ask('MEC-04');
    await until(getScreen, '不适用');
    events.type('3');
    events.keypress('enter');
    await until(getScreen, '不适用的理由');
    events.keypress('enter');
    expect(await until(getScreen, '须说明理由')).toContain('答"不适用"须说明理由');
    events.type('本级未要求设立');
    events.keypress('enter');
    expect(valueOf(await answer)).toEqual({ na: true, note: '本级未要求设立' });
  });

  it('opens the menu from the ⋯ entry', async () => {
    const { answer, events, getScreen } = await ask('INS-01');
    await until(getScreen, '⋯');
    events.type('3');
    events.keypress('enter');
    expect(await answer).toEqual({ kind: 'menu' });
  });
});

describe('number prompts (scale, points)', () => {
  it('refuses what the method refuses, saying what is valid, and reads full-width digits', async () => {
    const { answer, events, getScreen } = await ask('MEC-02');
    expect(await until(getScreen, '实测数值')).toContain('? 实测数值,0–100%(输入 ? 打开菜单)');
    events.type('九十二');
    events.keypress('enter');
    expect(await until(getScreen, '应填')).toContain('"九十二" 不是数字。应填:实测数值,0–100%');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('１５０');
    events.keypress('enter');
    expect(await until(getScreen, '超出')).toContain('150% 超出取值范围 0–100%');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('９２.５％');
    events.keypress('enter');
    expect(String(valueOf(await answer)?.value)).toBe('92.5');
  });

  it('refuses 不适用 on an item that does not allow it', async () => {
    const { answer, events, getScreen } = await ask('MEC-02');
    await until(getScreen, '实测数值');
    events.type('不适用');
    events.keypress('enter');
    expect(await until(getScreen, '本项不能答')).toContain('本项不能答"不适用"。应填:实测数值,0–100%');
    // The question stays until a valid answer: a prompt left open would be force-closed as the test worker exits.
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('90');
    events.keypress('enter');
    expect(String(valueOf(await answer)?.value)).toBe('90');
  });

  it('takes a direct score in steps, 不适用 with a reason, and ? for the menu', async () => {
    const scored = await ask('MEC-03');
    expect(await until(scored.getScreen, '直接打分')).toContain('不适用请填"不适用"');
    scored.events.type('7.3');
    scored.events.keypress('enter');
    expect(await until(scored.getScreen, '应填')).toContain('应填:直接打分:0–10,步长 0.5');
    for (let i = 0; i < 3; i++) scored.events.keypress('backspace');
    scored.events.type('7.5');
    scored.events.keypress('enter');
    expect(String(valueOf(await scored.answer)?.value)).toBe('7.5');

    const na = await ask('MEC-03');
    await until(na.getScreen, '直接打分');
    na.events.type('不适用');
    na.events.keypress('enter');
    await until(na.getScreen, '不适用的理由');
    na.events.type('平台尚未部署到本级');
    na.events.keypress('enter');
    expect(valueOf(await na.answer)).toEqual({ na: true, note: '平台尚未部署到本级' });

    const menu = await ask('MEC-03');
    await until(menu.getScreen, '直接打分');
    menu.events.type('？');
    menu.events.keypress('enter');
    expect(await menu.answer).toEqual({ kind: 'menu' });
  });
});

describe('count prompts (deduct)', () => {
  it('asks the count, then a description of each deficiency in Chinese, ended by an empty line', async () => {
    const { answer, events, getScreen } = await ask('MEC-01');
    expect(await until(getScreen, '问题个数')).toContain('问题个数(每处扣 5 分,扣完 20 分为止)');
    events.type('３');
    events.keypress('enter');
    expect(await until(getScreen, '第 1/3 处')).toContain('第 1/3 处问题的描述');
    events.type('十月排查台账缺失');
    events.keypress('enter');
    await until(getScreen, '第 2/3 处');
    events.type('十一月排查台账缺失,仅有口头汇报');
    events.keypress('enter');
    await until(getScreen, '第 3/3 处');
    events.keypress('enter');
    const value = valueOf(await answer)?.value;
    expect(value).toEqual({ count: 3, descriptions: ['十月排查台账缺失', '十一月排查台账缺失,仅有口头汇报'] });
  });

  it('puts the current count on the line and refuses a negative one', async () => {
    const { answer, events, getScreen } = await ask('MEC-01', { value: { count: 1, descriptions: ['十月台账缺失'] }, na: false });
    expect(await until(getScreen, '问题个数')).toContain('(1)');
    events.type('-1');
    events.keypress('enter');
    expect(await until(getScreen, '不是问题个数')).toContain('"-1" 不是问题个数(应为 0 或正整数)');
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.keypress('enter');
    // The description already given is on the line to keep or change.
    expect(await until(getScreen, '第 1/1 处')).toContain('十月台账缺失');
    events.keypress('enter');
    expect(valueOf(await answer)?.value).toEqual({ count: 1, descriptions: ['十月台账缺失'] });
  });
});

describe('checkbox prompts (multi)', () => {
  it('ticks options with the space bar, with key help in Chinese, and echoes them with 、', async () => {
    const { answer, events, getScreen } = await ask('INS-03');
    const screen = await until(getScreen, '法院');
    expect(screen).toContain('法院(得 5 分)');
    expect(screen).toContain('空格 选择');
    expect(screen).not.toContain('space');
    // Only the options are in the list: Enter on an action entry cannot submit an empty answer.
    expect(screen).not.toContain('⋯');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    expect(valueOf(await answer)?.value).toEqual(['法院', '检察院']);
    expect(getScreen().replace(/\n/g, '')).toMatch(/ 法院、检察院$/);
  });

  it('asks what an Enter with nothing ticked means, and opens the menu from there', async () => {
    const { answer, events, getScreen } = await ask('INS-03');
    await until(getScreen, '法院');
    events.keypress('enter');
    const screen = await until(getScreen, '没有勾选任何选项');
    expect(screen).toContain('❯ 2. 返回勾选');
    events.type('3');
    events.keypress('enter');
    expect(await answer).toEqual({ kind: 'menu' });
  });
});

describe('work done while a question is on screen', () => {
  it('runs after the question is drawn, and withdraws the question with its error', async () => {
    let shown = '';
    const { answer, getScreen } = await render(
      (_: object, streams) =>
        new InquirerPrompter({ input: streams?.input, output: new KeepOpen(streams!.output!) }).input({
          message: '中心编码',
          meanwhile: () => {
            shown = getScreen();
            throw new Error('清单有误');
          },
        }),
      {},
    );
    await expect(answer).rejects.toThrow('清单有误');
    expect(shown).toContain('? 中心编码');
  });
});

describe('in English', () => {
  it('asks with --lang en', async () => {
    setLang('en');
    const { answer, events, getScreen } = await ask('MEC-02');
    expect(await until(getScreen, 'measured')).toContain('? the measured value, 0–100% (? for the menu)');
    events.type('abc');
    events.keypress('enter');
    expect(await until(getScreen, 'Valid')).toContain('"abc" is not a number. Valid: the measured value, 0–100%');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('88');
    events.keypress('enter');
    expect(String(valueOf(await answer)?.value)).toBe('88');
  });
});
