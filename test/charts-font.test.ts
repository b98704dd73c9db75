import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChartFont, fontCandidates } from '../src/charts/font.js';
import { UserError } from '../src/errors.js';
import { tempDir } from './helpers.js';

describe('the charts\' CJK font', () => {
  it('is found among the Windows fonts, 黑体 first', () => {
    const windir = tempDir('zongzhi-windir-');
    mkdirSync(join(windir, 'Fonts'));
    expect(findChartFont({ WINDIR: windir }, 'win32')).toBeUndefined();
    writeFileSync(join(windir, 'Fonts', 'simsun.ttc'), '');
    expect(findChartFont({ WINDIR: windir }, 'win32')).toBe(join(windir, 'Fonts', 'simsun.ttc'));
    writeFileSync(join(windir, 'Fonts', 'simhei.ttf'), '');
    expect(findChartFont({ WINDIR: windir }, 'win32')).toBe(join(windir, 'Fonts', 'simhei.ttf'));
  });

  it('looks where Kylin, UOS and other Linux put Noto CJK, 文泉驿 and the WPS fonts', () => {
    const places = fontCandidates({}, 'linux');
    expect(places).toContain('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    expect(places).toContain('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
    expect(places).toContain('/usr/share/fonts/wps-office/simhei.ttf');
  });

  it('is the file ZONGZHI_CHART_FONT names, and an unreadable one is the user\'s error, named', () => {
    const dir = tempDir('zongzhi-font-');
    const font = join(dir, 'my.ttf');
    writeFileSync(font, '');
    expect(findChartFont({ ZONGZHI_CHART_FONT: font }, 'linux')).toBe(font);
    const missing = join(dir, 'none.ttf');
    const error = (() => {
      try {
        findChartFont({ ZONGZHI_CHART_FONT: missing }, 'linux');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems.map((p) => p.code)).toEqual(['chart.bad-font']);
    expect((error as UserError).problems[0].message).toContain(missing);
  });
});
