#!/usr/bin/env bash
# Compile the Windows installer (NSIS) around the one-folder program from build/freeze.sh.
#   build/installer.sh           build/out/FrontDesk-Setup-<version>.exe (LZMA, as shipped)
#   build/installer.sh --check   compile without compressing: the script's syntax check (CI)
# On Linux this proves the script; the real installer wraps the Windows build of the folder
# (.github/workflows/windows.yml).  Needs makensis (Debian: nsis).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
version=$("$PY" -c "import app; print(app.__version__)")
dist="$PWD/build/out/dist/FrontDesk"
[ -d "$dist" ] || { echo "no $dist: run build/freeze.sh first" >&2; exit 1; }
extra=()
out="$PWD/build/out/FrontDesk-Setup-$version.exe"
if [ "${1:-}" = "--check" ]; then
  extra=(-DSTORE_ONLY)
  out="$PWD/build/out/FrontDesk-Setup-check.exe"
fi
start=$(date +%s)
makensis -WX -V2 "${extra[@]}" -DVERSION="$version" -DDIST="$dist" -DOUTFILE="$out" \
  build/installer/frontdesk.nsi
echo "== installer compiled in $(( $(date +%s) - start )) s: $out ($(du -m "$out" | cut -f1) MB)"
[ "${1:-}" = "--check" ] && rm -f "$out"
exit 0
