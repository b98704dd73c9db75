import { describe, expect, it } from 'vitest';
import { progress } from '../src/xlsx/progress.js';

/** A stand-in terminal: records what is written to it. */
function terminal() {
  const written: string[] = [];
  return { written, stream: { isTTY: true, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe('the progress bar', () => {
  it('clears its line when done, leaving nothing behind the next output', () => {
    const { written, stream } = terminal();
    const bar = progress('评分报告.xlsx', 10, stream);
    bar.tick(5);
    expect(written.join('')).toContain('[###############...............] 5/10');
    bar.done();
    expect(written[written.length - 1]).toBe('\r\x1b[2K');
    expect(written.join('')).not.toContain('\n');
  });

  it('writes nothing when it never drew, nor to a pipe', () => {
    const { written, stream } = terminal();
    progress('x', 10, stream).done();
    const pipe = terminal();
    const bar = progress('x', 10, { ...pipe.stream, isTTY: false } as NodeJS.WriteStream);
    bar.tick(10);
    bar.done();
    expect([...written, ...pipe.written]).toEqual([]);
  });
});
