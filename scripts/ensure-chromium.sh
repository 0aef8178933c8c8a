#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (the Electron binary cannot be downloaded everywhere).
# Installs it when missing and allowed to (root with apt-get); otherwise says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $chromium: run 'sudo apt-get install -y chromium'" >&2
echo "(or set CHROMIUM_PATH to a Chromium or Chrome binary)." >&2
exit 1
