import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecklistFile, SHIPPED_DIR } from '../src/checklist/load.js';
import { ROOT } from './helpers.js';

const shipped = readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.yaml'));

describe('shipped checklists precompiled at build time', () => {
  it('has an entry for every shipped checklist, keyed by the bytes of the file as it is now', () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'dist', 'checklists.precompiled.json'), 'utf8')) as Record<string, { sha256: string }>;
    expect(Object.keys(table).sort()).toEqual([...shipped].sort());
    for (const name of shipped) {
      expect(table[name].sha256).toBe(createHash('sha256').update(readFileSync(join(SHIPPED_DIR, name))).digest('hex'));
    }
  });

  it('gives exactly the model that parsing the YAML gives', () => {
    for (const name of shipped) {
      const file = join(SHIPPED_DIR, name);
      const fast = loadChecklistFile(file);
      const parsed = loadChecklistFile(file, { parse: true });
      expect(parsed.problems).toEqual([]);
      expect(fast).toEqual(parsed);
    }
  });
});
