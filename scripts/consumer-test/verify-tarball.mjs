// Checks an unpacked finance-core tarball the way a consumer's tools would see it: the
// manifest (no workspace-only export condition, licence, engines, side effects, no runtime
// dependency the code does not import), every export target present, every compiled module
// with its types and maps, and every source map pointing at a file inside the tarball.
// Usage: node verify-tarball.mjs <unpacked package dir>
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const packageDir = resolve(process.argv[2] ?? '');
const manifestText = readFileSync(join(packageDir, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText);
const problems = [];
const expect = (condition, problem) => {
  if (!condition) problems.push(problem);
};

expect(
  !manifestText.includes('@truth-spine/source'),
  'package.json still names the workspace-only "@truth-spine/source" condition',
);
expect(
  manifest.nx === undefined && manifest.scripts === undefined,
  'package.json still carries the nx block or lifecycle scripts',
);
expect(manifest.type === 'module', 'package.json "type" is not "module"');
expect(manifest.sideEffects === false, 'package.json "sideEffects" is not false');
expect(manifest.license === 'Apache-2.0', 'package.json "license" is not Apache-2.0');
expect(existsSync(join(packageDir, 'LICENSE')), 'LICENSE file missing');
expect(existsSync(join(packageDir, 'README.md')), 'README.md missing');
expect(manifest.engines?.node === '>=20', 'package.json "engines.node" is not ">=20"');
expect(
  Object.keys(manifest.dependencies ?? {}).length === 0,
  `runtime dependencies declared but never imported by dist/: ${Object.keys(manifest.dependencies ?? {}).join(', ')}`,
);

const rootExport = manifest.exports?.['.'] ?? {};
for (const [condition, target] of Object.entries(rootExport)) {
  expect(
    existsSync(join(packageDir, target)),
    `exports["."].${condition} → ${target} is not in the tarball`,
  );
}
expect(
  rootExport.types !== undefined && rootExport.import !== undefined,
  'exports["."] lacks "types" or "import"',
);

const files = readdirSync(packageDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(packageDir, join(entry.parentPath, entry.name)));
const fileSet = new Set(files);
const compiled = files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'));
expect(compiled.length > 0, 'no compiled JavaScript under dist/');
for (const js of compiled) {
  const base = js.slice(0, -'.js'.length);
  for (const companion of [`${base}.d.ts`, `${js}.map`, `${base}.d.ts.map`]) {
    expect(fileSet.has(companion), `${companion} missing next to ${js}`);
  }
}
for (const map of files.filter((file) => file.endsWith('.map'))) {
  for (const source of JSON.parse(readFileSync(join(packageDir, map), 'utf8')).sources) {
    const target = relative(packageDir, resolve(packageDir, dirname(map), source));
    expect(fileSet.has(target), `${map} points at ${source}, which is not in the tarball`);
  }
}
const leaked = files.filter((file) => /\.test\.ts$|__fixtures__|tsbuildinfo/.test(file));
expect(leaked.length === 0, `test or build files in the tarball: ${leaked.slice(0, 5).join(', ')}`);

if (problems.length > 0) {
  console.error(`finance-core tarball is not fit to publish:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `tarball ok: ${files.length} files, ${compiled.length} modules, maps resolve inside it`,
);
