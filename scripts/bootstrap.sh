#!/usr/bin/env bash
# One-time set-up on a fresh machine: pnpm (pinned), Debian's Chromium for the browser tests (when root and
# missing), the workspace's dependencies from the lockfile, and a build of core and viewer.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION with npm"
  npm install -g "pnpm@$PNPM_VERSION" --no-audit --no-fund >/dev/null
fi

if [ ! -x /usr/bin/chromium ] && [ "${SKIP_CHROMIUM:-}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing Debian's chromium (browser tests and the HTML report screenshot)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "bootstrap: /usr/bin/chromium is missing; install it (sudo apt-get install chromium) for the browser tests" >&2
  fi
fi

pnpm install --frozen-lockfile
pnpm -r build
