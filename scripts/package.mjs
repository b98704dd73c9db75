#!/usr/bin/env node
// npm run package: the offline release, in release/ (git-ignored).
//   zongzhi-audit-<version>.tgz           every runtime dependency bundled: `npm install -g ./<tgz> --offline`
//                                         works with an empty npm cache (a plain `npm pack` does not: ENOTCACHED)
//   zongzhi-audit-<version>-portable/     one bundled JS entry (esbuild) + checklists + schema + launchers;
//   zongzhi-audit-<version>-portable.zip  needs only a Node.js runtime on the machine
// Both carry exactly the dependency versions the tests ran with (the lockfile's, exceljs patched by
// scripts/patch-exceljs.mjs), so `overrides` never has to reach a user's install.
// Run `npm run build` first (npm install does it).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'release');
const name = `${pkg.name}-${pkg.version}`;
const SHIPPED = ['bin', 'dist', 'checklists', 'schema', 'README.md'];

function main() {
  if (!existsSync(join(root, 'dist', 'cli.js'))) fail('dist/ is missing: run npm run build first');
  execFileSync(process.execPath, [join(root, 'scripts', 'patch-exceljs.mjs'), root], { stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const tarball = packTarball();
  return bundlePortable().then((portable) => {
    const zip = zipFolder(portable);
    console.log(['written:', tarball, portable, zip].filter(Boolean).join('\n  '));
  });
}

/** A staged copy of the package with the production node_modules inside, packed with bundleDependencies. */
function packTarball() {
  const stage = join(out, '.stage', 'package');
  rmSync(join(out, '.stage'), { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of SHIPPED) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  for (const dir of productionPackages()) cpSync(join(root, dir), join(stage, dir), { recursive: true, dereference: true });
  const staged = {
    ...pkg,
    bundleDependencies: Object.keys(pkg.dependencies),
    scripts: undefined,
    devDependencies: undefined,
    overrides: undefined,
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  const file = join(out, `${name}.tgz`);
  rmSync(file, { force: true });
  const packed = spawnSync('npm', ['pack', '--pack-destination', out, '--ignore-scripts', '--silent'], { cwd: stage, encoding: 'utf8' });
  if (packed.status !== 0) fail(`npm pack failed:\n${packed.stderr}`);
  rmSync(join(out, '.stage'), { recursive: true, force: true });
  return file;
}

/** Top-level folders under node_modules holding the runtime dependency tree (nested ones travel with them). */
function productionPackages() {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const top = new Set();
  for (const path of listed.split('\n').filter(Boolean)) {
    const parts = relative(root, path).split(sep);
    if (parts[0] !== 'node_modules') continue;
    top.add(parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join(sep));
  }
  return [...top].sort();
}

async function bundlePortable() {
  const folder = join(out, `${name}-portable`);
  rmSync(folder, { recursive: true, force: true });
  // The entry sits in <folder>/dist/ like dist/paths.js in a checkout, so package-relative paths hold. Chunks stay
  // beside it: each command's code (and exceljs, the prompts) still loads only when that command runs.
  await build({
    entryPoints: { zongzhi: join(root, 'bin', 'zongzhi.js') },
    outdir: join(folder, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    legalComments: 'eof',
    logLevel: 'warning',
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __zongzhiRequire } from 'node:module'; const require = __zongzhiRequire(import.meta.url);" },
  });
  for (const entry of ['checklists', 'schema', 'dist/checklists.precompiled.json']) cpSync(join(root, entry), join(folder, entry), { recursive: true });
  // Files the charts read at run time, which a bundle cannot inline: resvg's WebAssembly and the
  // browser build of ECharts the .html embeds (src/charts/assets.ts looks in vendor/ first).
  mkdirSync(join(folder, 'vendor'), { recursive: true });
  cpSync(join(root, 'node_modules/@resvg/resvg-wasm/index_bg.wasm'), join(folder, 'vendor', 'resvg.wasm'));
  cpSync(join(root, 'node_modules/echarts/dist/echarts.common.min.js'), join(folder, 'vendor', 'echarts.common.min.js'));
  const manifest = { name: pkg.name, version: pkg.version, type: 'module', private: true, engines: pkg.engines };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeLaunchers(folder);
  const readme = readFileSync(join(root, 'scripts', 'release', 'README-离线安装.txt'), 'utf8').replaceAll('{version}', pkg.version);
  writeFileSync(join(folder, 'README-离线安装.txt'), readme.replace(/\r?\n/g, '\r\n'));
  return folder;
}

function writeLaunchers(folder) {
  const sh = [
    '#!/bin/sh',
    '# zongzhi-audit portable: runs the bundled CLI with the Node.js on PATH (or the one named by $NODE).',
    'dir=$(cd "$(dirname "$0")" && pwd)',
    'exec "${NODE:-node}" "$dir/dist/zongzhi.mjs" "$@"',
    '',
  ].join('\n');
  writeFileSync(join(folder, 'zongzhi'), sh, { mode: 0o755 });
  // cmd.exe wants CRLF; a node.exe placed beside the launcher wins over the one on PATH.
  const cmd = [
    '@echo off',
    'rem zongzhi-audit portable: runs the bundled CLI with node.exe from this folder or from PATH.',
    'setlocal',
    'set "ZONGZHI_NODE=node"',
    'if exist "%~dp0node.exe" set "ZONGZHI_NODE=%~dp0node.exe"',
    '"%ZONGZHI_NODE%" "%~dp0dist\\zongzhi.mjs" %*',
    '',
  ].join('\r\n');
  writeFileSync(join(folder, 'zongzhi.cmd'), cmd);
}

function zipFolder(folder) {
  const file = `${folder}.zip`;
  rmSync(file, { force: true });
  const zipped = spawnSync('zip', ['-qr', file, relative(out, folder)], { cwd: out });
  if (zipped.error || zipped.status !== 0) {
    console.warn(`zip is not available here: ${relative(root, folder)} is the portable release (zip it to hand it on)`);
    return undefined;
  }
  return file;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

await main();
