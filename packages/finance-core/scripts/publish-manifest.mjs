#!/usr/bin/env node
// npm pack / npm publish lifecycle for @truth-spine/finance-core.
//
// `prepare` (prepack): checks that dist/ is a complete, current build (every source module
// compiled, no compiled module whose source is gone), saves package.json aside and writes
// the manifest a consumer should see: the workspace-only `@truth-spine/source` export
// condition and the `nx` block removed, no lifecycle scripts.
// `restore` (postpack): puts the workspace package.json back byte for byte.
//
// npm runs prepack before it reads the manifest, so the tarball carries the rewritten one.
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const packageDir = new URL('..', import.meta.url).pathname;
const manifestPath = join(packageDir, 'package.json');
const savedPath = join(packageDir, '.package.workspace.json');
const SOURCE_CONDITION = '@truth-spine/source';

/** Module paths (no extension) under `dir` whose file names satisfy `keep`. */
function modulesUnder(dir, keep, strip) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).slice(0, -strip.length));
}

function assertCurrentBuild() {
  const dist = join(packageDir, 'dist');
  const src = join(packageDir, 'src');
  if (!existsSync(join(dist, 'index.js'))) {
    throw new Error(`no build in ${dist}: run "npx nx build @truth-spine/finance-core" first`);
  }
  const sources = new Set(
    modulesUnder(src, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'), '.ts').filter(
      (path) => !path.split('/').includes('__fixtures__'),
    ),
  );
  const compiled = new Set(modulesUnder(dist, (name) => name.endsWith('.js'), '.js'));
  const stale = [...compiled].filter((path) => !sources.has(path));
  const missing = [...sources].filter((path) => !compiled.has(path));
  if (stale.length > 0 || missing.length > 0) {
    throw new Error(
      `dist/ does not match src/ (stale: ${stale.join(', ') || 'none'}; not compiled: ${
        missing.join(', ') || 'none'
      }): delete dist/ and rebuild before packing`,
    );
  }
}

/** The manifest as published: no workspace-only export condition, Nx block or scripts. */
function publishedManifest(manifest) {
  const exports = Object.fromEntries(
    Object.entries(manifest.exports).map(([subpath, target]) => [
      subpath,
      typeof target === 'string'
        ? target
        : Object.fromEntries(
            Object.entries(target).filter(([condition]) => condition !== SOURCE_CONDITION),
          ),
    ]),
  );
  const { nx: _nx, scripts: _scripts, ...rest } = manifest;
  return { ...rest, exports };
}

function prepare() {
  if (existsSync(savedPath)) restore();
  assertCurrentBuild();
  const text = readFileSync(manifestPath, 'utf8');
  writeFileSync(savedPath, text);
  writeFileSync(manifestPath, `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
}

function restore() {
  renameSync(savedPath, manifestPath);
}

const command = process.argv[2];
if (command === 'prepare') prepare();
else if (command === 'restore') restore();
else {
  console.error('usage: publish-manifest.mjs prepare|restore');
  process.exit(64);
}
