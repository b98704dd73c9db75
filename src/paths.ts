import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// This module compiles to dist/paths.js, one folder below the package root; the portable build's bundle sits
// at <folder>/dist/ as well. Every file the CLI reads from its own package is found from here, so the
// same code runs from a checkout, an installed tarball and the portable folder.
const root = new URL('../', import.meta.url);

export const PACKAGE_ROOT = fileURLToPath(root);
export const SHIPPED_CHECKLISTS_DIR = fileURLToPath(new URL('checklists/', root));
export const PRECOMPILED_CHECKLISTS = fileURLToPath(new URL('dist/checklists.precompiled.json', root));
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
