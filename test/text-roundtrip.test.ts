import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readAuditText } from '../src/formats/audit-file.js';
import { loadLedger, readLedgerCopy, writeLedger } from '../src/formats/ledger-workbook.js';
import { addAudits } from '../src/ledger/audits.js';
import { mergeLedger } from '../src/ledger/merge.js';
import { normalizeText, TEXT_LIMIT } from '../src/model/text.js';
import { collectNotices } from '../src/notices.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { writeReport } from '../src/sinks/report-xlsx.js';
import { zipEntries, zipText } from '../src/xlsx/zip.js';
import { ROOT, runCli, tempDir } from './helpers.js';
import { fixtureChecklist } from './scoring-helpers.js';

const methodsFile = join(ROOT, 'fixtures', 'scoring', 'methods.yaml');
const registry = new ChecklistRegistry([methodsFile]);
const sha = fixtureChecklist('methods').sha256;
const { SaxesParser } = await import('saxes');

/** Every XML part of a workbook parses as XML 1.0, checked apart from the program's own reader (which drops illegal characters). */
function assertWellFormed(file: string): void {
  const entries = zipEntries(file)!;
  for (const entry of entries.filter((e) => e.name.endsWith('.xml') || e.name.endsWith('.rels'))) {
    const parser = new SaxesParser();
    let error: Error | undefined;
    parser.on('error', (e: Error) => (error ??= e));
    parser.write(zipText(file, entry, 1 << 30)).close();
    expect(error?.message, `${file}!${entry.name}`).toBeUndefined();
  }
}

function auditWith(text: string): string {
  // JSON escapes are YAML double-quoted escapes: any string, lone surrogates included, goes in as written.
  const quoted = JSON.stringify(text);
  return `format: 1
checklist: { id: methods, version: "1", sha256: ${sha} }
center: { code: "999901", name: ${JSON.stringify(`甲区${text}`)} }
date: "2026-11-20"
answers:
  A-1: { value: 否, note: ${quoted} }
findings:
  A-1: { problem: ${quoted}, measure: ${quoted} }
`;
}

// Controls, separators, non-characters, surrogates (paired or not), CJK from both planes, plain text.
const piece = fc.oneof(
  fc.constantFrom('\u0002', '\u0003', '\u0007', '\u000b', '\u2028', '\ufffe', '\uffff', '\ud800', '\udfff', '\u0085', '\r\n', '\t', ' ', '&', '<', ']]>', '"', '\\'),
  fc.constantFrom('综治中心', '𠀀𪚥', '\ud83d\ude00', 'e\u0301', '未挂牌'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('').repeat(40_000).slice(0, 40_000)) },
);

describe('any text through audit → report / ledger → status / merge', () => {
  it('is cleaned where it enters, then survives every writer and reader unchanged, or is refused as too long', async () => {
    collectNotices();
    const dir = tempDir();
    let run = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        run++;
        const read = readAuditText(auditWith(raw), 'p.audit.yaml', registry);
        const clean = normalizeText(raw);
        if (read.problems.length) {
          // The only refusal: a text over a cell's limit, at its place.
          expect(read.problems.map((p) => p.code)).toContain('text.too-long');
          expect(read.problems.every((p) => p.code === 'text.too-long')).toBe(true);
          refused++;
          return;
        }
        expect(clean.length).toBeLessThanOrEqual(TEXT_LIMIT);
        // Only A-1 is answered: the rest count as 0 (--blank zero), which yields findings too.
        const scored = scoreResponses([{ audit: read.audit!, checklist: read.checklist! }], { blankAsZero: true });
        expect(scored.problems).toEqual([]);
        const report = join(dir, `report-${run}.xlsx`);
        await writeReport(report, scored.results);
        assertWellFormed(report);
        const built = addAudits([], [{ result: scored.results[0], source: 'p.audit.yaml' }]);
        const ledgerFile = join(dir, `ledger-${run}.xlsx`);
        await writeLedger(ledgerFile, { rows: built.rows, log: [] });
        assertWellFormed(ledgerFile);
        const ledger = await loadLedger(ledgerFile);
        const row = ledger.rows.find((r) => r.id.endsWith('-A-1'))!;
        expect(row.problem).toBe(clean);
        expect(row.measure).toBe(clean);
        const copy = (await readLedgerCopy(ledgerFile))!;
        const merged = mergeLedger({ ledger, ledgerFile, copies: [copy], audits: [], time: '2026-12-01 09:00:00' });
        expect(merged.ok).toBe(true);
        const out = join(dir, `merged-${run}.xlsx`);
        await writeLedger(out, (merged as { ledger: typeof ledger }).ledger);
        expect((await loadLedger(out)).rows).toEqual(ledger.rows);
      }),
      { numRuns: 25, seed: 10 },
    );
    // Both branches ran: texts that went all the way through, and over-long ones refused.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(run);
  }, 300_000);

  it('the trial’s case through the CLI: an audit with Word line breaks and control characters builds a ledger that status and merge read back', async () => {
    const dir = tempDir();
    const audit = join(dir, 'a.audit.yaml');
    // Every item answered (ledger build takes complete audits only): A-1 fails, the rest earn full marks.
    const rest = '  A-2: 完全达到\n  A-3: [法院, 检察院, 公安]\n  B-1: 0\n  B-2: 99\n  B-3: { value: 不适用, note: 无 }\n';
    writeFileSync(audit, auditWith('门牌\u0002未挂\u0003\u0007,Word 换行\u000b第二行\ufffe').replace('findings:', `${rest}findings:`));
    const report = await runCli(['score', audit, '--checklist', methodsFile, '-o', join(dir, 'r.xlsx')]);
    expect(report.code).toBe(0);
    expect(report.stderr).toContain(`${audit}:6:`);
    assertWellFormed(join(dir, 'r.xlsx'));
    const ledger = join(dir, 'l.xlsx');
    expect((await runCli(['ledger', 'build', audit, '--checklist', methodsFile, '-o', ledger])).code).toBe(0);
    const status = await runCli(['ledger', 'status', ledger, '--as-of', '2026-12-01', '--json']);
    expect(status.code).toBe(0);
    const merged = await runCli(['ledger', 'merge', ledger, ledger, '-o', join(dir, 'm.xlsx')]);
    expect(merged.code).toBe(0);
    const rows = (await loadLedger(join(dir, 'm.xlsx'))).rows;
    expect(rows.find((r) => r.id.endsWith('-A-1'))!.problem).toBe('门牌未挂,Word 换行 第二行');
  }, 120_000);
});
