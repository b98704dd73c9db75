import { basename, dirname, join } from 'node:path';
import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Problem } from '../errors.js';
import { readAuditFile } from '../formats/audit-file.js';
import { readResultsJson, type ResponseRead } from '../formats/results-json.js';
import { collectInputs, extensionOf } from '../util/fs.js';

export const RESPONSE_EXTENSIONS = ['.audit.yaml', '.audit.yml', '.yaml', '.yml', '.json', '.xlsx'];

/**
 * Every source of responses behind one door: audit files, results JSON and filled
 * workbooks, from files or folders. All problems of all files are collected.
 */
export async function readResponses(paths: string[], registry: ChecklistRegistry): Promise<{ responses: ResponseRead[]; problems: Problem[] }> {
  const files = withoutAuditOutputs(collectInputs(paths, RESPONSE_EXTENSIONS));
  const responses: ResponseRead[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const ext = extensionOf(file);
    if (ext === '.xlsx') {
      // exceljs costs a quarter second to load: only when a workbook is among the inputs.
      const { readFilledWorkbook } = await import('../formats/fill-in-workbook.js');
      const read = await readFilledWorkbook(file, registry);
      responses.push(...read.responses);
      problems.push(...read.problems);
    } else if (ext === '.json') {
      const read = readResultsJson(file, registry);
      responses.push(...read.responses);
      problems.push(...read.problems);
    } else {
      const read = readAuditFile(file, registry);
      if (read.audit && read.checklist) responses.push({ audit: read.audit, checklist: read.checklist });
      problems.push(...read.problems);
    }
  }
  const unique = onePerAudit(responses);
  return { responses: unique.responses, problems: [...problems, ...unique.problems] };
}

/**
 * `zongzhi audit` writes X.json and X.xlsx beside X.audit.yaml. They say nothing the
 * audit file does not, so with the audit file among the inputs they are not read again.
 */
function withoutAuditOutputs(files: string[]): string[] {
  const audits = new Set(files.filter((f) => /\.audit\.ya?ml$/i.test(f)).map((f) => join(dirname(f), basename(f).replace(/\.audit\.ya?ml$/i, ''))));
  return files.filter((f) => !/\.(json|xlsx)$/i.test(f) || !audits.has(f.replace(/\.(json|xlsx)$/i, '')));
}

/**
 * The same center audited on the same date with the same checklist must be one
 * response: identical copies (an audit file and its results JSON) count once,
 * differing ones are a conflict the user must settle.
 */
function onePerAudit(responses: ResponseRead[]): { responses: ResponseRead[]; problems: Problem[] } {
  const seen = new Map<string, ResponseRead>();
  const problems: Problem[] = [];
  for (const r of responses) {
    const { center, date, checklist } = r.audit;
    const key = `${center.code}|${date}|${checklist.id}@${checklist.version}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (fingerprint(first) !== fingerprint(r)) {
      problems.push(problem('responses.conflict', { code: center.code, date, other: first.audit.source }, { file: r.audit.source }));
    }
  }
  return { responses: [...seen.values()], problems };
}

/** The answers define an audit; a results JSON restates finding defaults an audit file leaves out. */
function fingerprint(r: ResponseRead): string {
  return JSON.stringify(r.audit.answers);
}
