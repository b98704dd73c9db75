// The checklist JSON Schema, its TypeScript types and the standalone validator are all
// generated from the method modules (scripts/gen-schema.ts). These tests keep the
// committed files from going stale, and prove the schema file works on its own, the
// way an editor (yaml-language-server) uses it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generated } from '../scripts/generated.js';
import { ROOT } from './helpers.js';

const SCHEMA_FILE = join(ROOT, 'schema/checklist.schema.json');
const shipped = ['county', 'township'].map((id) => join(ROOT, 'checklists', `${id}.yaml`)).filter((f) => existsSync(f));
const valid = readdirSync(join(ROOT, 'fixtures/checklists/valid')).map((f) => join(ROOT, 'fixtures/checklists/valid', f));
const readYaml = (file: string) => parse(readFileSync(file, 'utf8'));

describe('generated files', () => {
  it('the committed schema, types and validator equal what the method modules generate', async () => {
    const files = await generated();
    expect(Object.keys(files).sort()).toEqual(['schema/checklist.schema.json', 'src/checklist/types.generated.ts', 'src/checklist/validate.generated.cjs']);
    for (const [path, text] of Object.entries(files)) {
      // On failure: run `npm run gen` and commit the result.
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale (run npm run gen)`).toBe(text);
    }
  });

  it('scripts/gen-schema.ts --check agrees (exit 0)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/gen-schema.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('schema/checklist.schema.json used on its own', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));

  // Editors ignore keywords they do not know (here `discriminator`); strict ajv needs it declared.
  const editorLike = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const strict = new Ajv2020({ strict: true, discriminator: true, allErrors: true }).compile(schema);

  it.each([...shipped, ...valid].map((f) => [f.replace(ROOT, ''), f]))('accepts %s', (_name, file) => {
    const data = readYaml(file);
    expect(editorLike(data), JSON.stringify(editorLike.errors)).toBe(true);
    expect(strict(data), JSON.stringify(strict.errors)).toBe(true);
  });

  it('finds at least two shipped checklists', () => {
    // The shipped checklists are written separately; once they exist they must be checked here.
    expect(shipped.length).toBe(2);
  });

  it.each([
    ['unknown-top-key.yaml', '', 'additionalProperties'],
    ['unknown-method.yaml', '/dimensions/1/items/0/method', 'enum'],
    ['points-type.yaml', '/dimensions/0/items/0/points', 'type'],
    ['item-id-pattern.yaml', '/dimensions/1/items/0/id', 'pattern'],
  ])('rejects broken/%s at %s (%s)', (file, instancePath, keyword) => {
    const data = readYaml(join(ROOT, 'fixtures/checklists/broken', file));
    expect(strict(data)).toBe(false);
    expect(strict.errors).toContainEqual(expect.objectContaining({ instancePath, keyword }));
    expect(editorLike(data)).toBe(false);
  });

  it('points editors at itself: the shipped files carry the yaml-language-server modeline', () => {
    for (const file of shipped) expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/checklist\.schema\.json$/m);
  });
});
