#!/usr/bin/env bash
# finance-core consumer test: build and `npm pack` the package, check the tarball,
# install it into a throwaway project outside the workspace, and use it the way a stranger
# would — from plain Node ESM and from TypeScript compiled with `tsc --strict` — computing a
# TWR, an XIRR and a factor model checked against independently computed values.
# Needs no network (finance-core has no runtime dependencies). Fails loudly on any mismatch.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
package="$root/packages/finance-core"
tsc="$root/node_modules/typescript/bin/tsc"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! (cd "$root" && NX_DAEMON=false npx nx build @truth-spine/finance-core --outputStyle=static >"$work/build.log" 2>&1); then
  cat "$work/build.log" >&2
  exit 1
fi
(cd "$package" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/*.tgz)"

mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
node "$here/verify-tarball.mjs" "$work/unpacked/package"

consumer="$work/consumer"
mkdir "$consumer"
cp "$here/cases.mjs" "$here/consumer.mjs" "$here/consumer.ts" "$here/tsconfig.json" "$consumer/"
printf '{ "name": "finance-core-consumer", "private": true, "type": "module" }\n' >"$consumer/package.json"
(cd "$consumer" && npm install --silent --no-audit --no-fund --ignore-scripts "$tarball")

(cd "$consumer" && node consumer.mjs)
(cd "$consumer" && node "$tsc" -p tsconfig.json --strict && node out/consumer.js)
