#!/usr/bin/env bash
# The browser tests drive the system Chromium (Debian's `chromium` package), never a downloaded one.
# `npm test` runs this first so that a fresh machine needs nothing installed by hand.
set -euo pipefail

if [ -n "${JEJAK_CHROMIUM:-}" ] && [ -x "$JEJAK_CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium: install it with your package manager, or set JEJAK_CHROMIUM to its binary." >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "The browser tests need Chromium: run 'sudo apt-get install chromium' once, then npm test again." >&2
    exit 1
  fi
fi

echo "Installing Debian's chromium for the browser tests (once)..." >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
