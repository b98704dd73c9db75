import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

/** The November 通报 of the demo city as one web page, with the .json beside it to check the charts' figures against. */
const ARGS = ['briefing', '--month', '2026-11', 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '--ledger', 'fixtures/demo/ledger.xlsx', '--as-of', '2026-12-05'];
// CI installs chromium: there the browser test must run, never skip.
const hasChromium = process.env.CI === 'true' || spawnSync('chromium', ['--version']).status === 0;

let dir: string;
let html: string;
let page: string;
interface CountyJson {
  county: { code: string; name: string };
  countyScore: number | null;
  townshipMean: number | null;
}
let json: { city: CountyJson; counties: CountyJson[]; progress: { city: { closureRatePercent: number } } };

beforeAll(async () => {
  dir = tempDir('zongzhi-html-');
  html = join(dir, '通报.html');
  const r = await runCli([...ARGS, '--issue-no', '第 11 期', '-o', html, '-o', join(dir, '通报.json')]);
  expect(r.code).toBe(0);
  page = readFileSync(html, 'utf8');
  json = JSON.parse(readFileSync(join(dir, '通报.json'), 'utf8'));
}, 60_000);

/** The chart options the page embeds, by chart id (the order of the .chart elements). */
function charts(): { series: { name: string; data: ({ value: number } | number | null)[] }[]; xAxis: { data: string[] } }[] {
  return JSON.parse(page.match(/const CHARTS = (.*);\n/)![1]);
}
const values = (data: ({ value: number } | number | null)[]) => data.map((d) => (d === null || typeof d === 'number' ? d : d.value));

describe('briefing -o 通报.html', () => {
  it('has the .docx\'s sections, tables and numbered figures', () => {
    const headings = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、总体情况', '二、排名情况', '三、整改进展', '四、下步要求']);
    expect(page).toContain('<p class="issue-no">第 11 期</p>');
    expect(page.match(/<table>/g)).toHaveLength(7);
    expect([...page.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1])).toEqual([
      '图1 本月等次分布',
      '图2 近12个月全市平均分',
      '图3 县级综治中心各县(市、区)平均分',
      '图4 乡镇(街道)综治中心各县(市、区)平均分',
      '图5 近12个月整改销号率(各月末)',
    ]);
  });

  it('needs no network: the chart library is inlined and nothing outside it names another place', () => {
    const scripts = [...page.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    // The first script is ECharts' own browser build, byte for byte; the second only draws the embedded options.
    expect(scripts[0]).toBe(readFileSync(join(ROOT, 'node_modules/echarts/dist/echarts.common.min.js'), 'utf8'));
    expect(scripts[1]).not.toMatch(/https?:|\/\/[a-z]|fetch|XMLHttpRequest|import/i);
    const markup = page.replace(/<script>.*?<\/script>/gs, '');
    expect(markup).not.toMatch(/\b(src|href)=|url\(|@import|https?:/i);
    // The only addresses in the whole file: XML namespace names (identifiers, never fetched) and the licence notices.
    expect([...new Set(page.match(/https?:\/\/[^\s"'<>)]+/g))].sort()).toEqual([
      'http://www.apache.org/licenses/LICENSE-2.0',
      'http://www.w3.org/1999/xlink',
      'http://www.w3.org/2000/svg',
      'http://www.w3.org/2000/xmlns/',
      'http://www.w3.org/XML/1998/namespace',
      'https://github.com/ecomfe/zrender/blob/master/LICENSE',
    ]);
  });

  it('charts the 12 months with gaps for months without audits, ending on the month\'s own figures', () => {
    const [, trend, , , closure] = charts();
    expect(trend.xAxis.data).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const [county, township] = trend.series.map((s) => values(s.data));
    // The demo city was audited from September: eight months of gaps, not zeros.
    expect(county.slice(0, 9)).toEqual(Array(9).fill(null));
    expect(county[11]).toBe(json.city.countyScore);
    expect(township[11]).toBe(json.city.townshipMean);
    // 销号率 at each month's end: by 30 November 21 of the 302 findings were closed (甲区's, on the 28th) = 7.0 %;
    // the ledger table, as of 5 December, also counts the 28 closed on 1 December (49 / 302 = 16.2 %).
    expect(values(closure.series[0].data).slice(8)).toEqual([null, 0, 0, 7]);
    expect(json.progress.city.closureRatePercent).toBe(16.2);
  });

  it('keeps names from the inputs as text: in the tables, the title and the chart data', async () => {
    // A registry whose county name would end the script, open a comment and add markup if pasted raw.
    const hostile = '甲区</script><!--<b>&';
    const centers = join(dir, 'centers.csv');
    writeFileSync(centers, readFileSync('fixtures/demo/centers.csv', 'utf8').replace('999901,甲区综治中心', `999901,${hostile}综治中心`));
    const out = join(dir, 'hostile.html');
    const r = await runCli(['briefing', '--month', '2026-11', 'fixtures/demo/audits', '--centers', centers, '--title', `${hostile}通报`, '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('<h1>甲区&lt;/script&gt;&lt;!--&lt;b&gt;&amp;通报</h1>');
    expect(text.match(/<script>/g)).toHaveLength(2);
    expect(text.match(/<\/script>/g)).toHaveLength(2);
    const options = JSON.parse(text.match(/const CHARTS = (.*);\n/)![1]) as { id?: string; xAxis: { data: string[] } }[];
    // The county chart's axis carries the name exactly as the registry wrote it.
    expect(options[2].xAxis.data).toContain(hostile);
  });
});

describe.skipIf(!hasChromium)('通报.html in headless Chromium', () => {
  /** Chromium with every host name unresolvable: a page that needed the network would not draw. */
  const chromium = (...args: string[]) =>
    execFileSync('chromium', ['--headless', '--disable-gpu', '--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND', `--user-data-dir=${join(dir, 'chromium')}`, '--virtual-time-budget=10000', ...args, `file://${html}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 120_000,
      maxBuffer: 1 << 26,
    });

  it('loads offline and draws every chart as SVG with its bars, lines and labels', () => {
    const dom = chromium('--dump-dom');
    const drawn = [...dom.matchAll(/<div class="chart" data-chart="(\d)"[^>]*>(.*?)<\/svg>/gs)];
    expect(drawn.map((m) => m[1])).toEqual(['0', '1', '2', '3', '4']);
    for (const [, , svg] of drawn) {
      expect(svg).toMatch(/<svg[^>]*width="\d+"/);
      expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(10);
      expect(svg).toMatch(/<text[^>]*>[^<]+<\/text>/);
    }
    // The first chart's axis says what it counts; the third's bars are labelled with each county's name and score.
    expect(drawn[0][2]).toContain('中心数');
    const scored = json.counties.filter((c) => c.countyScore !== null);
    expect(scored.length).toBeGreaterThan(1);
    for (const c of scored) {
      expect(drawn[2][2]).toContain(`>${c.county.name}</text>`);
      expect(drawn[2][2]).toContain(`>${c.countyScore!.toFixed(1)}</text>`);
    }
  }, 150_000);

  it('takes a screenshot of the page', () => {
    const shot = join(dir, 'page.png');
    chromium(`--screenshot=${shot}`, '--window-size=1000,2400');
    expect(existsSync(shot)).toBe(true);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1000, 2400]);
    // A blank page compresses to a few kilobytes; text, tables and five charts do not.
    expect(statSync(shot).size).toBeGreaterThan(100_000);
  }, 150_000);
});
