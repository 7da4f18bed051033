#!/usr/bin/env bash
# `npm start [-- --fixed | --shared | --outer]`: install what is missing, build, start the demo
# (the broken variant by default, where Flask and FastAPI cannot read each other's `session`
# cookie; --fixed for the one where they agree; --shared where the Node app shares Flask's cookie
# too, through sessionlens/express; --outer where Starlette's SessionMiddleware wraps the whole
# app, mounted Flask included, so one Flask response sets `session` twice) and open Chromium with
# DevTools on the Session Lens panel.
set -euo pipefail
cd "$(dirname "$0")/.."
variant=broken
for arg in "$@"; do
  case "$arg" in
    --fixed) variant=fixed ;;
    --shared) variant=shared ;;
    --outer) variant=outer ;;
    --broken) variant=broken ;;
    -h | --help)
      echo "usage: npm start [-- --fixed | --shared | --outer | --broken]"
      exit 0
      ;;
    *)
      echo "npm start: unknown option '$arg' (expected --fixed, --shared, --outer or --broken)" >&2
      exit 2
      ;;
  esac
done
bash scripts/install-system-deps.sh
npm run -s build
exec node scripts/open-browser.mjs --variant "$variant"
