#!/usr/bin/env bash
# make browser-test (issue 10): installs Debian's chromium and chromedriver when missing, then
# runs browser_test.py against the debug binary. Screenshots land in docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
fc-list 2>/dev/null | grep -q DejaVuSans || need="$need fonts-dejavu-core"
if [ -n "$need" ]; then
  echo "installing:$need"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
  $sudo apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $need >/dev/null
fi
exec python3 tools/browser-test/browser_test.py
