import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

// The offline release as a government intranet gets it: built with `npm run package`, the tarball installed
// with --offline and an empty npm cache, the portable folder run with the plain Node.js on the machine.
// Each must give byte-identical results to the development build.

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const release = join(ROOT, 'release');
const tarball = join(release, `zongzhi-audit-${version}.tgz`);
const portable = join(release, `zongzhi-audit-${version}-portable`);
const demo = join(ROOT, 'fixtures', 'demo');

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ZONGZHI_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('offline release', () => {
  let work: string;
  let installedBin: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'pipe' });
    work = tempDir('zongzhi-release-');
    const prefix = join(work, 'prefix');
    const cache = join(work, 'empty-cache');
    mkdirSync(cache);
    const installed = spawnSync(
      'npm',
      ['install', '-g', tarball, '--offline', '--prefix', prefix, '--cache', cache, '--no-audit', '--no-fund'],
      { encoding: 'utf8' },
    );
    expect(installed.stderr).not.toMatch(/ENOTCACHED|ERR!/);
    expect(installed.status).toBe(0);
    installedBin = join(prefix, 'bin', 'zongzhi');
  }, 600_000);

  it('installs from the tarball alone with an empty cache and scores the demo byte for byte like the development build', () => {
    const dev = run(process.execPath, [BIN, 'score', join(demo, 'audits'), '-o', join(work, 'dev.json')], work);
    expect(dev.code).toBe(0);
    const fromTarball = run(installedBin, ['score', join(demo, 'audits'), '-o', join(work, 'tgz.json')], work);
    expect(fromTarball.stdout).toBe(dev.stdout);
    expect(fromTarball.code).toBe(0);
    expect(readFileSync(join(work, 'tgz.json'))).toEqual(readFileSync(join(work, 'dev.json')));
  });

  it('ships the exceljs CJK fix inside the tarball', () => {
    const patched = join(work, 'prefix', 'lib', 'node_modules', 'zongzhi-audit', 'node_modules', 'exceljs', 'lib', 'utils', 'parse-sax.js');
    expect(readFileSync(patched, 'utf8')).toContain('new TextDecoder');
  });

  it('runs score, template and ledger status from the portable folder with nothing but node', async () => {
    const launcher = join(portable, 'zongzhi');
    expect(readdirSync(portable).sort()).toEqual(
      expect.arrayContaining(['README-离线安装.txt', 'checklists', 'dist', 'package.json', 'schema', 'zongzhi', 'zongzhi.cmd']),
    );
    const scored = run(launcher, ['score', join(demo, 'audits'), '-o', join(work, 'portable.json')], work);
    expect(scored.code).toBe(0);
    const dev = run(process.execPath, [BIN, 'score', join(demo, 'audits'), '-o', join(work, 'dev-2.json')], work);
    expect(dev.code).toBe(0);
    expect(readFileSync(join(work, 'portable.json'))).toEqual(readFileSync(join(work, 'dev-2.json')));

    const template = run(launcher, ['template', '--checklist', 'county', '--layout', 'form', '-o', join(work, 'form.xlsx')], work);
    expect(template.code).toBe(0);
    expect(existsSync(join(work, 'form.xlsx'))).toBe(true);
    // The bundle carries the inline-string fix too: no text cell typed as a formula result.
    const sheet = await (await JSZip.loadAsync(readFileSync(join(work, 'form.xlsx')))).file('xl/worksheets/sheet4.xml')!.async('string');
    expect(sheet).toContain('t="inlineStr"');
    expect(sheet).not.toContain('t="str"');

    const status = run(launcher, ['ledger', 'status', join(demo, 'ledger.xlsx'), '--as-of', '2026-11-30'], work);
    const devStatus = run(process.execPath, [BIN, 'ledger', 'status', join(demo, 'ledger.xlsx'), '--as-of', '2026-11-30'], work);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(devStatus.stdout);
  });

  it('writes the 通报 .docx with its charts and the .html from a copy of the portable folder, away from any node_modules', async () => {
    // Under release/ the checkout's node_modules is up the tree: a copy in the temp folder proves vendor/ is enough.
    const copy = join(work, 'portable-copy');
    cpSync(portable, copy, { recursive: true });
    const docx = join(work, 'portable.docx');
    const html = join(work, 'portable.html');
    const r = run(join(copy, 'zongzhi'), ['briefing', '--month', '2026-11', join(demo, 'audits'), '--centers', join(demo, 'centers.csv'), '-o', docx, '-o', html], work);
    expect(r.stderr).not.toContain('未找到中文字体');
    expect(r.code).toBe(0);
    // Without a ledger: grades, the 12-month average, and one county-average chart per checklist level.
    const media = Object.keys((await JSZip.loadAsync(readFileSync(docx))).files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(4);
    expect(readFileSync(html, 'utf8')).toContain(readFileSync(join(copy, 'vendor', 'echarts.common.min.js'), 'utf8'));
  });

  it('launches on Windows through a CRLF .cmd that prefers a node.exe placed beside it', () => {
    const cmd = readFileSync(join(portable, 'zongzhi.cmd'), 'utf8');
    expect(cmd.split('\r\n').length).toBeGreaterThan(3);
    expect(cmd.replace(/\r\n/g, '')).not.toContain('\n');
    expect(cmd).toContain('%~dp0node.exe');
    expect(cmd).toContain('"%~dp0dist\\zongzhi.mjs" %*');
  });
});
