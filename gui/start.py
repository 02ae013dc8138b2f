"""How a desk program starts: its Qt application with a CJK font, its translations, one
instance per machine, and the cyclic collector held off until the first screen is up — one
path for the kiosk (``kiosk.main``) and the staff desk (``ui.main``)."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import resources_dir

if TYPE_CHECKING:  # Qt loads when a program starts, not when this module is imported
    from PySide6.QtCore import QLockFile, QTranslator
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

EXIT_ALREADY_RUNNING = 3
APP_ICON = resources_dir() / "kiosk" / "logo.svg"


# The size the platform's default text has when nobody made it bigger (Windows: Segoe UI 9 pt;
# a Linux desktop's 10 or 11 pt): a system font larger than this makes the staff desk larger.
USUAL_SYSTEM_PT = 9.0 if sys.platform == "win32" else 11.0


def font_family() -> str:
    """A CJK font: Chinese must never be boxes."""
    if sys.platform == "win32":
        return "Microsoft YaHei"
    return "Noto Sans CJK SC"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with the desks' font."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)  # a widget program's application
    if app.property("system_font_pt") is None:  # the system's own size, before ours is set
        app.setProperty("system_font_pt", app.font().pointSizeF())
    app.setFont(QFont(font_family()))
    if app.windowIcon().isNull():  # the title bar's and the taskbar's: FrontDesk's own
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(APP_ICON)))
    return app


def one_instance(data_dir: Path, name: str) -> QLockFile | None:
    """The lock that keeps a second copy of this program from opening the same data (held
    while the program runs), or None when another copy holds it."""
    from PySide6.QtCore import QLockFile

    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / f"{name}.lock"))
    return lock if lock.tryLock(0) else None


class Translations:
    """Installs the .qm translator for a screen language (English is the source)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.current: QTranslator | None = None

    def __call__(self, lang: str) -> None:
        from PySide6.QtCore import QTranslator

        if self.current is not None:
            self.app.removeTranslator(self.current)
            self.current = None
        if lang == "en":
            return
        translator = QTranslator(self.app)
        path = resources_dir() / "i18n" / f"frontdesk_{lang}.qm"
        if translator.load(str(path)):
            self.app.installTranslator(translator)
            self.current = translator
        else:
            log.error("no translation file %s", path.name)


def collect_later() -> Callable[[], None]:
    """Turn the cyclic garbage collector off for start-up; call what this returns once the
    first screen is up.

    Start-up makes some hundred thousand long-lived objects (Qt's enums and classes, the
    modules, the widgets) and next to no garbage, yet the collector would walk them all
    some 40 times before the window shows (about 6 ms of the kiosk's start).  Turned back
    on, it leaves what start-up made frozen, so later full collections on the screen's
    thread do not walk it again."""
    gc.disable()

    def resume() -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    return resume
