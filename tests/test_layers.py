"""The core stays Qt-free and the layers import downwards only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _names_in(source: str) -> set[str]:
    """The top-level packages a module imports, wherever in it the import stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _imports(package: str) -> dict[Path, set[str]]:
    return {
        path: _names_in(path.read_text(encoding="utf-8")) for path in (ROOT / package).rglob("*.py")
    }


QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
# What each layer may not import, at any level of any module: the core is Qt-free and knows
# no screen, no server and no composition root; the server knows no screen; the two desks
# share Qt code through ``gui`` alone, never one another; a widget never talks SQL or HTTP
# (it asks its back end).  ``frontdesk`` — the command, the demo, the
# self-test — is the one package that imports them all.
FORBIDDEN = {
    "app": QT | {"gui", "ui", "kiosk", "server", "frontdesk"},
    "server": QT | {"gui", "ui", "kiosk", "frontdesk"},
    "gui": {"ui", "kiosk", "server", "frontdesk", "sqlalchemy", "requests"},
    "ui": {"kiosk", "server", "frontdesk", "sqlalchemy", "requests"},
    "kiosk": {"ui", "server", "frontdesk", "sqlalchemy", "requests"},
}


def test_each_layer_imports_only_downwards() -> None:
    offenders = {
        f"{p.relative_to(ROOT)}": sorted(names & forbidden)
        for package, forbidden in FORBIDDEN.items()
        for p, names in _imports(package).items()
        if names & forbidden
    }
    assert offenders == {}


def test_the_layer_check_sees_a_late_import() -> None:
    """An import inside a function counts as much as one at the top of a module."""
    source = "import json\n\ndef f():\n    from ui.window import StaffWindow\n"
    assert _names_in(source) & FORBIDDEN["app"] == {"ui"}


def test_importing_every_app_module_loads_no_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if '.migrations' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'shiboken6', 'gui', 'ui', 'kiosk', 'server', 'frontdesk', 'fastapi'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def _modules_in(source: str) -> set[str]:
    """The full names of the modules a module imports (``from a.b import c`` → ``a.b``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_pages_and_screens_know_a_narrow_interface_not_the_window() -> None:
    """A staff page sees ``ui.desk.Desk``, a kiosk screen ``kiosk.host.Kiosk``: neither
    imports its window (not even for type hints), so no import circle is left."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            _modules_in(path.read_text(encoding="utf-8")) & {window}
        )
        for package, window in (("ui", "ui.window"), ("kiosk", "kiosk.window"))
        for path in (ROOT / package).glob("*.py")
        if path.stem not in ("window", "main", "__init__")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert _modules_in("from ui.window import StaffWindow\n") == {"ui.window"}
