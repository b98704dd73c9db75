import { readFileSync } from 'node:fs';
import { CHART_SIZE, type ChartSpec } from './specs.js';
import { ASSETS, assetPath } from './assets.js';

/**
 * Charts drawn offline: ECharts renders each option to SVG on the server (no DOM, no
 * canvas), and resvg, compiled to WebAssembly, rasterises it to PNG. Both are plain
 * JavaScript and one .wasm file, so the portable release runs them on any platform Node
 * runs on (resvg-js's native binaries exist for a fixed list of platforms, none for
 * LoongArch). Loaded only when a .docx is written.
 */

/** PNG pixels per SVG pixel: 1680 px across 156 mm of text width is about 270 dpi, sharp in print. */
const ZOOM = 3;

export async function chartSvg(spec: ChartSpec): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Each chart as PNG, its text drawn with the font file at `fontPath`. */
export async function chartPngs(specs: readonly ChartSpec[], fontPath: string): Promise<Buffer[]> {
  const resvg = await loadResvg();
  const font = new Uint8Array(readFileSync(fontPath));
  const pngs: Buffer[] = [];
  for (const spec of specs) {
    const svg = await chartSvg(spec);
    const image = new resvg.Resvg(svg, { font: { fontBuffers: [font], loadSystemFonts: false }, fitTo: { mode: 'zoom', value: ZOOM }, background: '#ffffff' });
    pngs.push(Buffer.from(image.render().asPng()));
    image.free();
  }
  return pngs;
}

let resvgReady: Promise<typeof import('@resvg/resvg-wasm')> | undefined;

/** The WebAssembly module can be initialised once per process. */
function loadResvg(): Promise<typeof import('@resvg/resvg-wasm')> {
  resvgReady ??= import('@resvg/resvg-wasm').then(async (resvg) => {
    await resvg.initWasm(readFileSync(assetPath(ASSETS.resvgWasm)));
    return resvg;
  });
  return resvgReady;
}
