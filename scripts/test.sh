#!/usr/bin/env bash
# `npm test`: every test, in the order that fails fastest — lint, types, unit + UI, build,
# web-ext lint, store packages, live interop, real-browser e2e. The phases run one after
# another (not as one vitest run) so the browsers and the Python servers never compete with the fast suites for the
# machine's cores. The last line totals every phase as "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm run -s lint
npm run -s typecheck
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
phase() { # name, vitest args…
  local name=$1
  shift
  echo "── $name"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$reports/$name.json"
}
phase unit --project unit --project ui
npm run -s build
npx web-ext lint -s dist/firefox --self-hosted
node scripts/package.mjs
phase dist --project dist
phase interop --project interop
phase e2e --project e2e
node scripts/test-summary.mjs "$reports"
