#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests. Playwright never downloads a
# browser build here: it drives the distribution's chromium (CHROMIUM_PATH, default /usr/bin/chromium).
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "ensure-chromium: using $chromium"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $chromium is missing and $(id -un) is not root, so it cannot be installed here." >&2
  echo "ensure-chromium: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
if [ "$chromium" != /usr/bin/chromium ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$chromium does not exist; apt-get can only provide /usr/bin/chromium." >&2
  exit 1
fi

echo "ensure-chromium: installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
if [ ! -x "$chromium" ]; then
  echo "ensure-chromium: apt-get finished but $chromium is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$chromium" --version 2>/dev/null || echo chromium)"
