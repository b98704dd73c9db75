import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../errors.js';

/**
 * The CJK font the chart images are drawn with. The WebAssembly renderer sees no system
 * fonts, so it is given one file: ZONGZHI_CHART_FONT when set, else the first of the usual
 * places on Windows, Kylin/UOS and other Linux, and macOS. None is bundled: a CJK font
 * under a free licence (Noto Sans CJK, OFL) is 16–20 MB, more than the whole release.
 */
export const FONT_ENV = 'ZONGZHI_CHART_FONT';

export function fontCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const fonts = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    // 黑体 first: the charts' sans-serif look, and on every Windows since XP.
    return ['simhei.ttf', 'msyh.ttc', 'msyh.ttf', 'simsun.ttc', 'simfang.ttf', 'simkai.ttf'].map((f) => join(fonts, f));
  }
  if (platform === 'darwin') return ['/System/Library/Fonts/PingFang.ttc', '/System/Library/Fonts/STHeiti Medium.ttc', '/System/Library/Fonts/Hiragino Sans GB.ttc'];
  return [
    // Debian, Ubuntu, Kylin, UOS (fonts-noto-cjk); Fedora; Arch and openSUSE.
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    // 文泉驿 and the WPS fonts Kylin/UOS ship instead of Microsoft's.
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
    '/usr/share/fonts/wps-office/simhei.ttf',
    '/usr/share/fonts/truetype/arphic/uming.ttc',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  ];
}

/** The font file to draw with, or undefined when none is installed; a ZONGZHI_CHART_FONT that cannot be read is the user's error. */
export function findChartFont(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env[FONT_ENV];
  if (chosen) {
    if (!readable(chosen)) throw inputError('chart.bad-font', { path: chosen });
    return chosen;
  }
  return fontCandidates(env, platform).find(readable);
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
