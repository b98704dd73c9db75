#!/usr/bin/env node
// Applies the exceljs CJK decoding fix at build time (see scripts/exceljs/parse-sax.js): `prepare` runs it on the
// project's node_modules and `npm run package` on the staged release, so the tarball and the portable bundle carry
// the fixed module. Idempotent. It refuses any exceljs file it does not know, so an upgrade cannot silently drop it.
//   node scripts/patch-exceljs.mjs [package-folder]      (default: the current folder)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ORIGINAL_SHA256 = '14c05f86bc7eb0a698ad263b479ccaa53335821b9c082bb977fca980a93b1b27';
// Earlier versions of the fix, replaced by the current one.
const EARLIER_FIXES = ['feecea9ee20261e4eca2d54dc84f03f92d97d957fbaad764f170b654e97a5470', '39acd2cc0bd1e18666c9c7bcfb69934c799373269992056ec849964764aefe45'];
const folder = resolve(process.argv[2] ?? '.');
const target = createRequire(join(folder, 'package.json')).resolve('exceljs/lib/utils/parse-sax.js');
const fixed = readFileSync(fileURLToPath(new URL('exceljs/parse-sax.js', import.meta.url)));
const current = readFileSync(target);
const sha = (b) => createHash('sha256').update(b).digest('hex');

if (sha(current) === sha(fixed)) {
  process.exit(0);
} else if (sha(current) === ORIGINAL_SHA256 || EARLIER_FIXES.includes(sha(current))) {
  writeFileSync(target, fixed);
  console.log(`patched ${target} (streaming UTF-8 decoding)`);
} else {
  console.error(`${target} is not the exceljs 4.4.0 file this fix was written for (sha256 ${sha(current)}): review scripts/exceljs/parse-sax.js against it`);
  process.exit(1);
}
