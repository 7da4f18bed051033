#!/usr/bin/env bash
# Every test, in the order that fails fastest: lint, types, unit + UI, build, interop, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm run -s lint
npm run -s typecheck
npm run -s build
npx web-ext lint -s dist/firefox --self-hosted
npx vitest run
