"""The core stays Qt-free and the layers import downwards only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(package: str) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[path] = names
    return found


# The command line and the demo are the composition roots: ``frontdesk kiosk`` and
# ``frontdesk demo`` start the screens.  They import them inside the command, never at module
# level (checked below).
ENTRY_POINT = {"app/cli.py": {"kiosk", "ui"}, "app/demo_run.py": {"kiosk", "ui"}}


def test_app_source_never_imports_qt_or_screens() -> None:
    forbidden = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "ui", "kiosk"}
    offenders = {
        str(p.relative_to(ROOT)): sorted(names & forbidden)
        for p, names in _imports("app").items()
        if names & forbidden - ENTRY_POINT.get(str(p.relative_to(ROOT)), set())
    }
    assert offenders == {}
    for entry in ENTRY_POINT:
        tree = ast.parse((ROOT / entry).read_text(encoding="utf-8"))
        top_level = {
            n.module.split(".")[0] for n in tree.body if isinstance(n, ast.ImportFrom) and n.module
        } | {a.name.split(".")[0] for n in tree.body if isinstance(n, ast.Import) for a in n.names}
        assert not top_level & forbidden, entry


def test_importing_every_app_module_loads_no_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if '.migrations' not in m.name and m.name != 'app.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'shiboken6', 'ui', 'kiosk'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_kiosk_does_not_import_staff_screens() -> None:
    offenders = [str(p) for p, names in _imports("kiosk").items() if "ui" in names]
    assert offenders == []
