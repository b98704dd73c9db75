import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * Files the charts read from their packages at run time: the renderer's WebAssembly and the
 * browser build of ECharts the .html inlines. A checkout or an installed tarball has them in
 * node_modules; the portable release carries copies in vendor/ (scripts/package.mjs).
 */
export const ASSETS = {
  resvgWasm: { module: '@resvg/resvg-wasm/index_bg.wasm', vendor: 'resvg.wasm' },
  echartsBrowser: { module: 'echarts/dist/echarts.common.min.js', vendor: 'echarts.common.min.js' },
} as const;

export function assetPath(asset: (typeof ASSETS)[keyof typeof ASSETS]): string {
  const vendored = join(PACKAGE_ROOT, 'vendor', asset.vendor);
  if (existsSync(vendored)) return vendored;
  return createRequire(import.meta.url).resolve(asset.module);
}
