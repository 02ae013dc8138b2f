#!/usr/bin/env bash
# Freeze FrontDesk into one folder (build/out/dist/FrontDesk) and run its self-test offscreen.
#   build/freeze.sh            build, then self-test
#   build/freeze.sh --no-test  build only
# Needs the dev tools: build/bootstrap.sh --dev
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
out=build/out
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out/dist" --workpath "$out/work" build/frontdesk.spec
bundle="$out/dist/FrontDesk"
echo "== frozen in $(( $(date +%s) - start )) s: $bundle ($(du -sm "$bundle" | cut -f1) MB)"
[ "${1:-}" = "--no-test" ] && exit 0
cli="$bundle/frontdesk-cli"
[ -x "$cli.exe" ] && cli="$cli.exe"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$cli" self-test
