// Runs StrykerJS (stryker.config.mjs) through its engine. Stryker 10's package entry refuses Node < 22 as soon as
// it is imported (a guard in its command line module), but the engine runs on the Node 20 this project supports,
// so the engine module is loaded by path.
//   npm run mutation                  the whole scope
//   npm run mutation -- model ledger  the named areas of stryker.config.mjs only
//   npm run mutation -- 'src/x.ts'    any other argument is a mutate glob
//   npm run mutation -- --score       only print the scores recorded in the incremental report
//   npm run mutation -- --survivors   …and every mutant no test detected, with its place and replacement
import { readFileSync } from 'node:fs';
import config, { areas } from '../stryker.config.mjs';

const reportFile = config.incrementalFile;
const args = process.argv.slice(2);

if (!args.includes('--score') && !args.includes('--survivors')) {
  // Incremental mode keeps the results of files outside this run's scope: areas add up in one report.
  const mutate = args.flatMap((a) => areas[a] ?? [a]);
  const { Stryker } = await import(new URL('../node_modules/@stryker-mutator/core/dist/src/stryker.js', import.meta.url).href);
  const stryker = new Stryker({ configFile: 'stryker.config.mjs', ...(mutate.length ? { mutate } : {}) });
  await stryker.runMutationTest();
}
printScores();
if (args.includes('--survivors')) printSurvivors();

/** Score = (killed + timed out) / (those + survived + no coverage), per area and overall, as Stryker counts it. */
function printScores() {
  const { files } = JSON.parse(readFileSync(reportFile, 'utf8'));
  const rows = Object.entries(areas).map(([area, globs]) => tally(area, Object.keys(files).filter((f) => globs.some((g) => matches(f, g)))));
  rows.push(tally('total', Object.keys(files)));
  for (const r of rows) console.log(`${r.area.padEnd(9)} ${r.score.padStart(7)} % (${r.detected} of ${r.valid}, ${r.survived} survived, ${r.noCoverage} not covered)`);

  function tally(area, names) {
    const mutants = names.flatMap((f) => files[f].mutants);
    const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const valid = detected + count('Survived', 'NoCoverage');
    const score = valid ? ((100 * detected) / valid).toFixed(2) : '—';
    return { area, detected, valid, score, survived: count('Survived'), noCoverage: count('NoCoverage') };
  }
}

/** The areas' globs are whole files or `dir/**` patterns: a prefix test is enough. */
function matches(file, glob) {
  if (!glob.includes('*')) return file === glob;
  return file.startsWith(glob.slice(0, glob.indexOf('*')));
}

function printSurvivors() {
  const { files } = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const [file, { mutants, source }] of Object.entries(files)) {
    const lines = source.split('\n');
    for (const m of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
      const { start, end } = m.location;
      const original = start.line === end.line ? lines[start.line - 1].slice(start.column - 1, end.column - 1) : `${lines[start.line - 1].slice(start.column - 1)}…`;
      console.log(`${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${oneLine(original)} → ${oneLine(m.replacement ?? '')}`);
    }
  }
}

function oneLine(s) {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
