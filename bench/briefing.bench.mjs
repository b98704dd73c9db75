// The monthly briefing over a year of results: 12 months × 3,000 centers (BENCH_CENTERS to
// change it; 100 per county), a folder per month holding one results.jsonl (issue 17), or with
// BENCH_FORMAT=json results JSON files of at most 500 results (as `zongzhi score -o` writes
// them), a registry of all centers, the briefing for the last month.
// Reported, median of interleaved runs (the machines are shared), as ratios of CPU time: the
// briefing over the whole year against only reading the two months it needs with the tool's
// own streaming read (issue 17: ≤ 1.5×) and against the briefing over those two months alone
// (flat in the number of months); peak RSS of each (issue 17: ≤ 400 MB at 40,000 centers).
// Then the 通报 as .xlsx, .md and .json, and the .docx (with its charts and their 12-month
// trend) and .html against the .xlsx alone (issue 14: .docx ≤ 2×), over the same year
// (BENCH_SINKS=0 skips them).
//
//   npm run build && node bench/briefing.bench.mjs        (BENCH_RUNS=3 by default)
//   BENCH_CENTERS=40000 BENCH_RUNS=1 BENCH_SINKS=0 node bench/briefing.bench.mjs
//
// BENCH_DATA=<dir> keeps the generated data there and re-uses it when present (generating
// 40,000 centers takes minutes; BENCH_RUNS=0 only generates); BENCH_BEFORE=<root of another
// build> adds the year's briefing (→ .json, and → .docx with the sinks) run by that build
// (a checkout of main, built), for before/after in the same run.
//
// The data is generated deterministically (a seeded generator, the shipped checklists, the
// real scoring) into a temp folder, removed at the end unless BENCH_DATA names it. The last
// three months are scored audit by audit (up to 1,000 centers per level; results of further
// centers re-use those, re-coded); the nine before them are the third-last month's files
// re-dated, which is what the briefing skips.
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
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
const jsonl = (process.env.BENCH_FORMAT ?? 'jsonl') === 'jsonl';
const before = process.env.BENCH_BEFORE;
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
const { resultLine } = await dist('formats/results-jsonl.js');

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
      const text = jsonl ? results.map(resultLine).join('') : resultsJsonText(results);
      bytes += Buffer.byteLength(text);
      if (jsonl) appendFileSync(join(inputs, month, `results-${month}.jsonl`), text);
      else writeFileSync(join(inputs, month, `results-${month}-${++files}.json`), text);
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
    const redate = (text) => text.replaceAll(`"${from}-`, `"${to}-`).replaceAll(`-${from.replace('-', '')}`, `-${to.replace('-', '')}`);
    if (jsonl) {
      // A month of 40,000 results is longer than the longest string V8 holds: a chunk of whole lines at a time.
      for (const chunk of lineChunks(join(inputs, from, `results-${from}.jsonl`))) {
        const moved = redate(chunk);
        bytes += Buffer.byteLength(moved);
        appendFileSync(join(inputs, to, `results-${to}.jsonl`), moved);
      }
      continue;
    }
    for (let f = 1; f <= files; f++) {
      const moved = redate(readFileSync(join(inputs, from, `results-${from}-${f}.json`), 'utf8'));
      bytes += Buffer.byteLength(moved);
      writeFileSync(join(inputs, to, `results-${to}-${f}.json`), moved);
    }
  }
  for (let m = MONTHS - 2; m < MONTHS; m++) scoreMonth(m);
  return { inputs, needed: [monthOf(MONTHS - 2), monthOf(MONTHS - 1)].map((m) => join(inputs, m)), centers: join(dir, 'centers.csv'), month: monthOf(MONTHS - 1), count: centers.length, bytes };
}

/** The text of a file in pieces of about 16 MB, each ending at a newline. */
function* lineChunks(file) {
  const fd = openSync(file, 'r');
  try {
    let rest = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 24);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const data = Buffer.concat([rest, chunk.subarray(0, n)]);
      const end = n === 0 ? data.length : data.lastIndexOf(10) + 1;
      if (end) yield data.subarray(0, end).toString('utf8');
      rest = data.subarray(end);
      if (n === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** `result` as if it were `center`'s: its code in the center, the findings and their ids. */
function recoded(result, center) {
  const id = (f) => `${center.code}${f.id.slice(result.center.code.length)}`;
  return { ...result, center, findings: result.findings.map((f) => ({ ...f, id: id(f), center })) };
}

/** Wall time (s), CPU time (s, user + system) and peak RSS (MB) of one run, from /usr/bin/time. */
function once(args, cwd = root) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const [seconds, user, system, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { s: seconds, cpu: user + system, mb: kb / 1024 };
}

const dir = process.env.BENCH_DATA ?? mkdtempSync(join(tmpdir(), 'zongzhi-bench-briefing-'));
mkdirSync(dir, { recursive: true });
try {
  const started = Date.now();
  const kept = join(dir, 'data.json');
  const reused = existsSync(kept);
  const data = reused ? JSON.parse(readFileSync(kept, 'utf8')) : generate(dir);
  if (process.env.BENCH_DATA) writeFileSync(kept, JSON.stringify(data));
  console.log(`${reused ? 'using' : 'generated'} ${MONTHS} months × ${data.count} centers (${(data.bytes / 1e6).toFixed(0)} MB of results ${jsonl ? 'JSONL' : 'JSON'}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (!runs) process.exit(0);
  // Only reading the two months the briefing needs: the tool's own streaming read, every
  // result parsed and its answers read back against its checklist, nothing kept, scored or written.
  const readOnly = [
    '-e',
    `const r = await import(${JSON.stringify(join(root, 'dist/sources/responses.js'))});
     const c = await import(${JSON.stringify(join(root, 'dist/checklist/registry.js'))});
     let n = 0;
     const read = await r.streamResponses(${JSON.stringify(data.needed)}, new c.ChecklistRegistry(), { response: () => n++, withdraw: () => {} });
     if (read.problems.length || !n) throw new Error('problems');`,
    '--input-type=module',
  ];
  const out = join(dir, 'out');
  const brief = (inputs, ...outputs) => ['bin/zongzhi.js', 'briefing', '--month', data.month, ...inputs, '--centers', data.centers, ...outputs.flatMap((ext) => ['-o', `${out}${ext}`]), '--force'];
  const measured = [
    ['only reading the two months it needs', () => readOnly],
    ['briefing over the two months it needs → .json', () => brief(data.needed, '.json')],
    [`briefing over ${MONTHS} months → .json`, () => brief([data.inputs], '.json')],
    ...(before ? [[`before: briefing over ${MONTHS} months → .json`, () => brief([data.inputs], '.json'), before]] : []),
    ...(sinks
      ? [
          [`briefing over ${MONTHS} months → .xlsx .md .json`, () => brief([data.inputs], '.xlsx', '.md', '.json')],
          ['briefing → 通报.xlsx only', () => brief([data.inputs], '.xlsx')],
          ['briefing → 通报.docx only (charts)', () => brief([data.inputs], '.docx')],
          ...(before ? [['before: briefing → 通报.docx only (charts)', () => brief([data.inputs], '.docx'), before]] : []),
          ['briefing → 通报.html only (charts)', () => brief([data.inputs], '.html')],
        ]
      : []),
  ];
  const rows = measured.map(() => []);
  for (let i = 0; i < runs; i++) measured.forEach(([, args, cwd], j) => rows[j].push(once(args(), cwd)));
  const shown = measured.map(([name], j) => ({ name, s: median(rows[j].map((x) => x.s)), cpu: median(rows[j].map((x) => x.cpu)), mb: Math.max(...rows[j].map((x) => x.mb)) }));
  const [read, needed, year] = shown;
  console.log(`median of ${runs} interleaved runs; peak RSS is the highest seen; ratios of CPU time (user + system)\n`);
  console.log(`${'what'.padEnd(52)}${'time s'.padStart(8)}${'CPU s'.padStart(8)}${'peak MB'.padStart(9)}${'× read'.padStart(8)}${'× 2 mo'.padStart(8)}`);
  for (const r of shown) console.log(`${r.name.padEnd(52)}${r.s.toFixed(2).padStart(8)}${r.cpu.toFixed(2).padStart(8)}${r.mb.toFixed(0).padStart(9)}${(r.cpu / read.cpu).toFixed(2).padStart(8)}${(r.cpu / needed.cpu).toFixed(2).padStart(8)}`);
  console.log(`\n${MONTHS} months ÷ reading the two it needs: ${(year.cpu / read.cpu).toFixed(2)} CPU (issue 17 asks ≤ 1.5), ÷ the briefing over those two: ${(year.cpu / needed.cpu).toFixed(2)}; peak ${year.mb.toFixed(0)} MB (≤ 400 MB)`);
  const named = (name) => shown.find((r) => r.name.startsWith(name));
  if (sinks) console.log(`.docx ÷ .xlsx: ${(named('briefing → 通报.docx').cpu / named('briefing → 通报.xlsx').cpu).toFixed(2)} (issue 14 asks ≤ 2); .html ÷ .xlsx: ${(named('briefing → 通报.html').cpu / named('briefing → 通报.xlsx').cpu).toFixed(2)}`);
} finally {
  if (!process.env.BENCH_DATA) rmSync(dir, { recursive: true, force: true });
}
