#!/usr/bin/env bash
# Set up FrontDesk on this machine: Debian packages (when run as root on Debian/Ubuntu), then a
# virtual environment in .venv with the program installed in it.
#   build/bootstrap.sh          what running FrontDesk needs
#   build/bootstrap.sh --dev    also the test, lint and server tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras="server"
[ "${1:-}" = "--dev" ] && extras="server,dev"

# Qt's xcb platform, sound for text-to-speech, a CJK font, a virtual screen, PostgreSQL,
# pdftoppm (tests look at printed tickets).
DEBS="libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxkbcommon0 libxkbcommon-x11-0 libegl1
      libgl1 libfontconfig1 libdbus-1-3 libpulse0 fonts-noto-cjk xvfb xauth imagemagick
      postgresql poppler-utils"
# the developer's tools add makensis (the Windows installer's script) and PyInstaller's needs
[ "${1:-}" = "--dev" ] && DEBS="$DEBS nsis binutils"  # binutils: PyInstaller reads libraries

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends $missing >/dev/null
  else
    echo "== please install these Debian packages first (as root):$missing" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PY" -m venv .venv
fi
# Every release pinned (requirements/*.lock, made by uv pip compile from pyproject.toml — the
# command is in each file's first lines): the same set on every machine and in CI.
lock=requirements/app.lock
[ "$extras" = "server" ] || lock=requirements/dev.lock
echo "== installing FrontDesk[$extras] into .venv, as $lock pins it"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e ".[$extras]"
echo "== ready: .venv/bin/frontdesk"
