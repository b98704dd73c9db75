// The monthly briefing over a year of results: 12 months × 3,000 centers (BENCH_CENTERS to
// change it; 100 per county), results JSON in a folder per month (files of at most 500
// results, as `zongzhi score -o` writes them), a registry of all centers, the briefing for
// the last month.
// Reported, median of interleaved runs (the machines are shared): the briefing over the whole
// year against the briefing over only the two months it needs (issue 17: ≤ 1.5×) and against
// only reading those two months (readResponses); peak RSS of each (issue 17: ≤ 400 MB at
// 40,000 centers, and flat in the number of months). Then the 通报 as .xlsx, .md and .json,
// and the .docx (with its charts and their 12-month trend) and .html against the .xlsx alone
// (issue 14: .docx ≤ 2×), over the same year (BENCH_SINKS=0 skips them).
//
//   npm run build && node bench/briefing.bench.mjs        (BENCH_RUNS=3 by default)
//   BENCH_CENTERS=40000 BENCH_RUNS=1 BENCH_SINKS=0 node bench/briefing.bench.mjs
//
// The data is generated deterministically (a seeded generator, the shipped checklists, the
// real scoring) into a temp folder, and removed at the end. The last three months are scored
// audit by audit (up to 1,000 centers per level; results of further centers re-use those,
// re-coded); the nine before them are the third-last month's files re-dated, which is what
// the briefing skips.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const sinks = process.env.BENCH_SINKS !== '0';
const MONTHS = 12;
const COUNTIES = Math.max(1, Math.round(Number(process.env.BENCH_CENTERS ?? 3000) / 100));
const TOWNSHIPS = 99;
/** Results per file: a county's worth (a results JSON over 16 MB is refused as input). */
const PER_FILE = 500;
/** Audits scored for real per level and month; the others reuse their results. */
const POOL = 1000;

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
    // Six digits not ending in 00 (that would be a prefecture): 990001 … 990099, 990101 …
    const code = `99${String(c + Math.floor((c - 1) / 99)).padStart(4, '0')}`;
    centers.push({ code, name: `县${c}综治中心` });
    for (let t = 1; t <= TOWNSHIPS; t++) centers.push({ code: `${code}${100 + t}`, name: `县${c}镇${t}综治中心` });
  }
  writeFileSync(join(dir, 'centers.csv'), `编码,名称,层级,上级编码\n${centers.map((c) => `${c.code},${c.name},${c.code.length === 6 ? '县级' : '乡镇'},${c.code.length === 6 ? '' : c.code.slice(0, 6)}`).join('\n')}\n`);
  const inputs = join(dir, 'audits');
  const monthOf = (m) => `2026-${String(m + 1).padStart(2, '0')}`;
  let bytes = 0;
  /** One month's results JSON, in files of PER_FILE results, written as they fill (a month of 40,000 is gigabytes in memory). */
  const scoreMonth = (m) => {
    const month = monthOf(m);
    mkdirSync(join(inputs, month), { recursive: true });
    let results = [];
    let files = 0;
    const flush = () => {
      const text = resultsJsonText(results);
      bytes += text.length;
      writeFileSync(join(inputs, month, `results-${month}-${++files}.json`), text);
      results = [];
    };
    const pool = { county: [], township: [] };
    centers.forEach((center, i) => {
      const rnd = random(i * 131 + m);
      // About one center in fifty is skipped each month: the briefing lists them.
      if (rnd() < 0.02) return;
      const level = center.code.length === 6 ? 'county' : 'township';
      const checklist = level === 'county' ? county : township;
      // Past POOL centers of a level, a pooled result is re-coded: scoring 40,000 audits a month would take most of an hour.
      if (pool[level].length === POOL) {
        results.push(recoded(pool[level][i % POOL], center));
        if (results.length === PER_FILE) flush();
        return;
      }
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
      pool[level].push(outcome.result);
      if (results.length === PER_FILE) flush();
    });
    if (results.length) flush();
    return files;
  };
  const from = monthOf(MONTHS - 3);
  const files = scoreMonth(MONTHS - 3);
  // Earlier months: the same results re-dated (dates and finding ids), each file a month older.
  for (let m = 0; m < MONTHS - 3; m++) {
    const to = monthOf(m);
    mkdirSync(join(inputs, to), { recursive: true });
    for (let f = 1; f <= files; f++) {
      const text = readFileSync(join(inputs, from, `results-${from}-${f}.json`), 'utf8');
      const moved = text.replaceAll(`"${from}-`, `"${to}-`).replaceAll(`-${from.replace('-', '')}`, `-${to.replace('-', '')}`);
      bytes += moved.length;
      writeFileSync(join(inputs, to, `results-${to}-${f}.json`), moved);
    }
  }
  for (let m = MONTHS - 2; m < MONTHS; m++) scoreMonth(m);
  return { inputs, needed: [monthOf(MONTHS - 2), monthOf(MONTHS - 1)].map((m) => join(inputs, m)), centers: join(dir, 'centers.csv'), month: monthOf(MONTHS - 1), count: centers.length, bytes };
}

/** `result` as if it were `center`'s: its code in the center, the findings and their ids. */
function recoded(result, center) {
  const id = (f) => `${center.code}${f.id.slice(result.center.code.length)}`;
  return { ...result, center, findings: result.findings.map((f) => ({ ...f, id: id(f), center })) };
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

  // Only reading the two months the briefing needs: every file parsed and every answer read back, nothing scored or written.
  const readOnly = [
    '-e',
    `const r = await import(${JSON.stringify(join(root, 'dist/sources/responses.js'))});
     const c = await import(${JSON.stringify(join(root, 'dist/checklist/registry.js'))});
     const read = await r.readResponses(${JSON.stringify(data.needed)}, new c.ChecklistRegistry());
     if (read.problems.length) throw new Error('problems');`,
    '--input-type=module',
  ];
  const out = join(dir, 'out');
  const brief = (inputs, ...outputs) => ['bin/zongzhi.js', 'briefing', '--month', data.month, ...inputs, '--centers', data.centers, ...outputs.flatMap((ext) => ['-o', `${out}${ext}`]), '--force'];
  const rows = { read: [], needed: [], year: [], all: [], xlsx: [], docx: [], html: [] };
  for (let i = 0; i < runs; i++) {
    rows.read.push(once(readOnly));
    rows.needed.push(once(brief(data.needed, '.json')));
    rows.year.push(once(brief([data.inputs], '.json')));
    if (!sinks) continue;
    rows.all.push(once(brief([data.inputs], '.xlsx', '.md', '.json')));
    rows.xlsx.push(once(brief([data.inputs], '.xlsx')));
    rows.docx.push(once(brief([data.inputs], '.docx')));
    rows.html.push(once(brief([data.inputs], '.html')));
  }
  const summary = (name, xs) => ({ name, s: median(xs.map((x) => x.s)), mb: Math.max(...xs.map((x) => x.mb)) });
  const read = summary('only reading the two months it needs', rows.read);
  const needed = summary('briefing over the two months it needs → .json', rows.needed);
  const year = summary(`briefing over ${MONTHS} months → .json`, rows.year);
  console.log(`median of ${runs} interleaved runs; peak RSS is the highest seen\n`);
  console.log(`${'what'.padEnd(52)}${'time s'.padStart(8)}${'peak MB'.padStart(9)}${'× read'.padStart(8)}${'× 2 mo'.padStart(8)}`);
  const shown = [read, needed, year];
  if (sinks) shown.push(summary(`briefing over ${MONTHS} months → .xlsx .md .json`, rows.all), summary('briefing → 通报.xlsx only', rows.xlsx), summary('briefing → 通报.docx only (charts)', rows.docx), summary('briefing → 通报.html only (charts)', rows.html));
  for (const r of shown) console.log(`${r.name.padEnd(52)}${r.s.toFixed(2).padStart(8)}${r.mb.toFixed(0).padStart(9)}${(r.s / read.s).toFixed(2).padStart(8)}${(r.s / needed.s).toFixed(2).padStart(8)}`);
  console.log(`\n${MONTHS} months ÷ the two it needs: ${(year.s / needed.s).toFixed(2)} (issue 17 asks ≤ 1.5), peak ${year.mb.toFixed(0)} MB (≤ 400 MB)`);
  if (sinks) console.log(`.docx ÷ .xlsx: ${(shown[5].s / shown[4].s).toFixed(2)} (issue 14 asks ≤ 2); .html ÷ .xlsx: ${(shown[6].s / shown[4].s).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
