#!/usr/bin/env node
// Applies the exceljs fixes at build time (scripts/exceljs/: CJK decoding, inline strings): `prepare` runs it on the
// project's node_modules and `npm run package` on the staged release, so the tarball and the portable bundle carry
// the fixed modules. Idempotent. It refuses any exceljs file it does not know, so an upgrade cannot silently drop it.
//   node scripts/patch-exceljs.mjs [package-folder]      (default: the current folder)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each fixed file and the sha256 of the exceljs 4.4.0 original it replaces.
const FIXES = [
  // Streaming UTF-8 decoding: CJK split across chunks.
  // Also refuses merged ranges cell by cell, bounds text runs, keeps inline rich text whole (reader limits).
  {
    module: 'exceljs/lib/utils/parse-sax.js',
    fixed: 'exceljs/parse-sax.js',
    original: '14c05f86bc7eb0a698ad263b479ccaa53335821b9c082bb977fca980a93b1b27',
    // Earlier versions of this fix, replaced by the current one.
    earlier: ['feecea9ee20261e4eca2d54dc84f03f92d97d957fbaad764f170b654e97a5470', '39acd2cc0bd1e18666c9c7bcfb69934c799373269992056ec849964764aefe45'],
  },
  // Strings written without a shared-string table as real inline strings, not t="str" without a formula.
  { module: 'exceljs/lib/xlsx/xform/sheet/cell-xform.js', fixed: 'exceljs/cell-xform.js', original: '918a4beee95625afe5f350e89796c60dd3486cf60e4cbb4093dbc071901e12a0' },
];
const folder = resolve(process.argv[2] ?? '.');
const sha = (b) => createHash('sha256').update(b).digest('hex');
let failed = false;
for (const fix of FIXES) {
  const target = createRequire(join(folder, 'package.json')).resolve(fix.module);
  const fixed = readFileSync(fileURLToPath(new URL(fix.fixed, import.meta.url)));
  const current = readFileSync(target);
  if (sha(current) === sha(fixed)) continue;
  if (sha(current) === fix.original || fix.earlier?.includes(sha(current))) {
    writeFileSync(target, fixed);
    console.log(`patched ${target}`);
  } else {
    console.error(`${target} is not the exceljs 4.4.0 file this fix was written for (sha256 ${sha(current)}): review scripts/${fix.fixed} against it`);
    failed = true;
  }
}
if (failed) process.exit(1);
