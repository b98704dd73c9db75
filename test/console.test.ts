import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNotices } from '../src/notices.js';
import { detectAscii, displayPath } from '../src/util/console.js';
import { assertWritable, EXCEL_PATH_LIMIT } from '../src/util/fs.js';
import { displayWidth } from '../src/util/width.js';
import { runCli, tempDir } from './helpers.js';

describe('consoles that cannot draw box characters', () => {
  it('falls back to ASCII in the legacy Windows console, not in Windows Terminal or elsewhere', () => {
    expect(detectAscii([], {}, 'win32')).toBe(true);
    expect(detectAscii([], { WT_SESSION: 'a1b2' }, 'win32')).toBe(false);
    expect(detectAscii([], { TERM_PROGRAM: 'vscode' }, 'win32')).toBe(false);
    expect(detectAscii([], {}, 'linux')).toBe(false);
    expect(detectAscii(['score', 'x', '--ascii'], {}, 'linux')).toBe(true);
    expect(detectAscii([], { ZONGZHI_ASCII: '1' }, 'darwin')).toBe(true);
  });

  it('draws tables with - | + only under --ascii or ZONGZHI_ASCII=1, every line the same width', async () => {
    for (const run of [runCli(['checklist', 'list', '--ascii']), runCli(['checklist', 'list'], { env: { ZONGZHI_ASCII: '1' } })]) {
      const { code, stdout } = await run;
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/[─│┌┐└┘├┤┬┴┼]/);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^\+-+\+/);
      expect(lines[2]).toMatch(/^\+-+\+/);
      expect(lines.at(-1)).toMatch(/^\+-+\+/);
      expect(new Set(lines.map(displayWidth)).size).toBe(1);
    }
  });

  it('keeps box drawing by default', async () => {
    const { stdout } = await runCli(['checklist', 'list']);
    expect(stdout).toMatch(/^┌/);
  });
});

describe('paths shown to the user', () => {
  it('shows a file below the working folder relative to it, with the platform separator', () => {
    expect(displayPath('C:\\县\\政法委\\checklists\\county.yaml', 'C:\\县\\政法委', path.win32)).toBe('checklists\\county.yaml');
    expect(displayPath('/home/a/checklists/county.yaml', '/home/a', path.posix)).toBe('checklists/county.yaml');
  });

  it('shows a file elsewhere (another drive, a parent folder) as it is', () => {
    expect(displayPath('D:\\清单\\county.yaml', 'C:\\县\\政法委', path.win32)).toBe('D:\\清单\\county.yaml');
    expect(displayPath('/opt/zongzhi/checklists/county.yaml', '/home/a', path.posix)).toBe('/opt/zongzhi/checklists/county.yaml');
  });

  it('does not take a sibling folder that shares a prefix for a sub-folder', () => {
    expect(displayPath('/home/ab/x.yaml', '/home/a', path.posix)).toBe('/home/ab/x.yaml');
  });
});

describe('workbook paths Excel cannot open', () => {
  it('warns once, naming the length and the limit, when an .xlsx output path is longer than 218 characters', () => {
    const notices = collectNotices();
    const dir = tempDir();
    const long = path.join(dir, `${'a'.repeat(230)}.xlsx`);
    expect(path.resolve(long).length).toBeGreaterThan(EXCEL_PATH_LIMIT);
    assertWritable(long);
    assertWritable(long);
    assertWritable(path.join(dir, `${'a'.repeat(230)}.json`));
    assertWritable(path.join(dir, 'short.xlsx'));
    expect(notices.map((p) => [p.code, p.file])).toEqual([['file.path-too-long-for-excel', long]]);
    expect(notices[0].message).toContain(`${path.resolve(long).length} 个字符,超过 Excel 能打开的 218 个字符`);
  });
});
