#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo need, only when something is missing.
# Real parts, not mocks: Debian's Chromium and Firefox ESR for the extension, Debian's Python
# Flask/Starlette/FastAPI for interop and the demo. Needs root (CI and the dev machines are root).
set -euo pipefail
# Node comes first and is not installed here: npm ci already ran on it. Vite 8 needs 20.19+,
# and with an older Node npm only warns, then the build fails far from the cause.
node -e 'const [a, b] = process.versions.node.split(".").map(Number);
if (a < 20 || (a === 20 && b < 19)) {
  console.error(`Node ${process.versions.node} is too old: Session Lens needs Node 20.19 or later (Debian bookworm ships 18; install NodeSource nodejs 20)`);
  process.exit(1);
}'
need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
for mod in flask:python3-flask starlette:python3-starlette fastapi:python3-fastapi uvicorn:python3-uvicorn itsdangerous:python3-itsdangerous httpx:python3-httpx; do
  /usr/bin/python3 -c "import ${mod%%:*}" 2>/dev/null || need+=("${mod##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
