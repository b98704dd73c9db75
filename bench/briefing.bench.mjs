// The monthly briefing over a year of results: 12 months × 3,000 centers (results .json
// files of 500 centers, as `zongzhi score -o` writes them), a 3,000-center registry, the
// briefing for the last month written as .xlsx, .md and .json.
// Reported: wall time and peak RSS of the briefing, and its time as a ratio to only
// reading the same inputs (readResponses: parsing every file and reading every answer),
// measured in the same run, interleaved, because the machines are shared.
// Then the 通报 as a .docx (with its charts and their 12-month trend) and as an .html against the
// .xlsx alone, same inputs, same run (issue 14: .docx ≤ 2×).
//
//   npm run build && node bench/briefing.bench.mjs        (BENCH_RUNS=3 by default)
//
// The data is generated deterministically (a seeded generator, the shipped checklists,
// the real scoring) into a temp folder, and removed at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, seeded as random } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS ?? 3);
const MONTHS = 12;
const COUNTIES = 30;
const TOWNSHIPS = 99;

const dist = (p) => import(join(root, 'dist', p));
const { loadChecklistFile } = await dist('checklist/load.js');
const { readAnswer } = await dist('model/answers.js');
const { refOf } = await dist('model/checklist.js');
const { score } = await dist('scoring/score.js');
const { resultsJsonText } = await dist('formats/results-json.js');

/** A plausible answer: mostly good, sometimes short, as an audit file would hold it. */
function answer(item, rnd, quality) {
  const good = rnd() < quality;
  switch (item.method) {
    case 'check':
      return { value: good || item.veto ? '是' : '否' };
    case 'levels':
      return { value: item.levels[good ? 0 : 1 + Math.floor(rnd() * (item.levels.length - 1))].label };
    case 'multi':
      return { value: item.options.filter((_, i) => i === 0 || good || rnd() < 0.5).map((o) => o.label) };
    case 'deduct':
      return { value: good ? 0 : 1 + Math.floor(rnd() * 3) };
    case 'scale':
      return { value: item.bands[good ? 0 : Math.floor(rnd() * item.bands.length)].min };
    case 'points': {
      const step = item.step ?? 0.5;
      const steps = Math.round(item.points / step);
      return { value: (good ? steps : Math.floor(rnd() * steps)) * step };
    }
  }
}

function generate(dir) {
  const load = (f) => loadChecklistFile(join(root, 'checklists', f)).checklist;
  const county = load('county.yaml');
  const township = load('township.yaml');
  const centers = [];
  for (let c = 1; c <= COUNTIES; c++) {
    const code = `9999${String(c).padStart(2, '0')}`;
    centers.push({ code, name: `县${c}综治中心` });
    for (let t = 1; t <= TOWNSHIPS; t++) centers.push({ code: `${code}${100 + t}`, name: `县${c}镇${t}综治中心` });
  }
  writeFileSync(join(dir, 'centers.csv'), `编码,名称,层级,上级编码\n${centers.map((c) => `${c.code},${c.name},${c.code.length === 6 ? '县级' : '乡镇'},${c.code.length === 6 ? '' : c.code.slice(0, 6)}`).join('\n')}\n`);
  const inputs = join(dir, 'audits');
  let bytes = 0;
  for (let m = 0; m < MONTHS; m++) {
    const month = `2026-${String(m + 1).padStart(2, '0')}`;
    mkdirSync(inputs, { recursive: true });
    const results = [];
    centers.forEach((center, i) => {
      const rnd = random(i * 131 + m);
      // About one center in fifty is skipped each month: the briefing lists them.
      if (rnd() < 0.02) return;
      const checklist = center.code.length === 6 ? county : township;
      const quality = 0.55 + 0.4 * random(i)() + m * 0.005;
      const answers = {};
      for (const d of checklist.dimensions) {
        for (const item of d.items) {
          const read = readAnswer(item, answer(item, rnd, quality));
          if (read.kind !== 'answer') throw new Error(`bench answer for ${item.id} does not parse`);
          answers[item.id] = read.answer;
        }
      }
      const audit = { source: '', checklist: refOf(checklist), center, date: `${month}-${String(1 + (i % 28)).padStart(2, '0')}`, inspectors: ['张三', '李四'], status: 'final', answers, findings: {} };
      const outcome = score(checklist, audit);
      if (!outcome.ok) throw new Error(`bench audit ${center.code} does not score: ${outcome.code}`);
      results.push(outcome.result);
    });
    // In files of 500 centers (about 8 MB): a month of 3,000 in one file passes the 16 MB input limit (input.too-large).
    for (let from = 0; from < results.length; from += 500) {
      const text = resultsJsonText(results.slice(from, from + 500));
      bytes += text.length;
      writeFileSync(join(inputs, `results-${month}-${from / 500 + 1}.json`), text);
    }
  }
  return { inputs, centers: join(dir, 'centers.csv'), month: `2026-${String(MONTHS).padStart(2, '0')}`, count: centers.length, bytes };
}

/** Wall time (s) and peak RSS (MB) of one run, from /usr/bin/time. */
function once(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { s: seconds, mb: kb / 1024 };
}

const dir = mkdtempSync(join(tmpdir(), 'zongzhi-bench-briefing-'));
try {
  const started = Date.now();
  const data = generate(dir);
  console.log(`generated ${MONTHS} months × ${data.count} centers (${(data.bytes / 1e6).toFixed(0)} MB of results JSON) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Only reading the inputs: every file parsed and every answer read back, nothing scored or written.
  const readOnly = [
    '-e',
    `const r = await import(${JSON.stringify(join(root, 'dist/sources/responses.js'))});
     const c = await import(${JSON.stringify(join(root, 'dist/checklist/registry.js'))});
     const read = await r.readResponses([${JSON.stringify(data.inputs)}], new c.ChecklistRegistry());
     if (read.problems.length) throw new Error('problems');`,
    '--input-type=module',
  ];
  const out = join(dir, 'out');
  const briefing = ['bin/zongzhi.js', 'briefing', '--month', data.month, data.inputs, '--centers', data.centers, '-o', `${out}.xlsx`, '-o', `${out}.md`, '-o', `${out}.json`, '--force'];

  const only = (ext) => ['bin/zongzhi.js', 'briefing', '--month', data.month, data.inputs, '--centers', data.centers, '-o', `${out}${ext}`, '--force'];
  const rows = { read: [], briefing: [], xlsx: [], docx: [], html: [] };
  for (let i = 0; i < runs; i++) {
    rows.read.push(once(readOnly));
    rows.briefing.push(once(briefing));
    rows.xlsx.push(once(only('.xlsx')));
    rows.docx.push(once(only('.docx')));
    rows.html.push(once(only('.html')));
  }
  const summary = (name, xs) => ({ name, s: median(xs.map((x) => x.s)), mb: Math.max(...xs.map((x) => x.mb)) });
  const read = summary('only reading the inputs (readResponses)', rows.read);
  const full = summary(`briefing --month ${data.month} → .xlsx .md .json`, rows.briefing);
  console.log(`median of ${runs} interleaved runs; peak RSS is the highest seen\n`);
  console.log(`${'what'.padEnd(52)}${'time s'.padStart(8)}${'peak MB'.padStart(9)}${'× read'.padStart(8)}`);
  const xlsx = summary('briefing → 通报.xlsx only', rows.xlsx);
  const docx = summary('briefing → 通报.docx only (charts)', rows.docx);
  const html = summary('briefing → 通报.html only (charts)', rows.html);
  for (const r of [read, full, xlsx, docx, html]) console.log(`${r.name.padEnd(52)}${r.s.toFixed(2).padStart(8)}${r.mb.toFixed(0).padStart(9)}${(r.s / read.s).toFixed(2).padStart(8)}`);
  console.log(`\n.docx ÷ .xlsx: ${(docx.s / xlsx.s).toFixed(2)} (issue 14 asks ≤ 2); .html ÷ .xlsx: ${(html.s / xlsx.s).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
