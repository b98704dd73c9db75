import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Problem } from '../errors.js';
import type { ResponseRead } from './results-json.js';

// Placeholder until spreadsheet reading lands: it refuses the file with a located message.
export async function readFilledWorkbook(file: string, _registry: ChecklistRegistry): Promise<{ responses: ResponseRead[]; problems: Problem[] }> {
  return { responses: [], problems: [problem('file.unreadable', { path: file, reason: 'xlsx' }, { file })] };
}
