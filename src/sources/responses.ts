import type { ChecklistRegistry } from '../checklist/registry.js';
import type { Problem } from '../errors.js';
import { readAuditFile } from '../formats/audit-file.js';
import { readResultsJson, type ResponseRead } from '../formats/results-json.js';
import { collectInputs, extensionOf } from '../util/fs.js';

export const RESPONSE_EXTENSIONS = ['.audit.yaml', '.audit.yml', '.yaml', '.yml', '.json', '.xlsx'];

/**
 * Every source of responses behind one door: audit files, results JSON and filled
 * workbooks, from files or folders. All problems of all files are collected.
 */
export async function readResponses(paths: string[], registry: ChecklistRegistry): Promise<{ responses: ResponseRead[]; problems: Problem[] }> {
  const files = collectInputs(paths, RESPONSE_EXTENSIONS);
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
  return { responses, problems };
}
