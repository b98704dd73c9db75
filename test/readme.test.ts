import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');

/** The shell examples a reader copies: the ```sh blocks, continuation lines joined. */
function shellCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.replace(/\\\n\s*/g, ' ').split('\n')).map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l.startsWith('npx zongzhi'));
}

// Issue 18: the README's examples, run in order, stopped at §4 with "评分报告.xlsx 已存在".
describe('README examples', () => {
  it('never write the same output twice, so they run in order without --force', () => {
    const outputs = shellCommands().flatMap((cmd) => [...cmd.matchAll(/(?:^|\s)-o\s+(\S+)/g)].map((m) => m[1]));
    expect(outputs.length).toBeGreaterThan(8);
    const repeated = outputs.filter((o, i) => outputs.indexOf(o) !== i);
    expect(repeated).toEqual([]);
  });
});
