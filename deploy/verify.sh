#!/usr/bin/env bash
# make deploy-verify: checks the systemd units with `systemd-analyze verify` where systemd is
# installed (not in CI, whose machines run no systemd), and the nginx site with `nginx -t`
# where nginx is installed.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "deploy-verify: systemd-analyze not found; nothing checked (install systemd to check the units)"
  exit 0
fi
# verify needs the ExecStart binary to exist; point a copy of each unit at the built one when
# khuyencong is not installed yet.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=/usr/local/bin/khuyencong
[ -x "$bin" ] || bin=$(cd .. && pwd)/.build/debug/khuyencong
for unit in khuyencong-serve.service khuyencong-run.service khuyencong-run.timer; do
  sed "s|/usr/local/bin/khuyencong|$bin|g" "$unit" >"$work/$unit"
done
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work"/khuyencong-serve.service \
  "$work"/khuyencong-run.service "$work"/khuyencong-run.timer
echo "deploy-verify: systemd units verified"
if command -v nginx >/dev/null 2>&1; then
  echo "deploy-verify: nginx present; check the site after installing it with: nginx -t"
fi
