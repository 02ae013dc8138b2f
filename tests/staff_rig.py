"""A real guide desk for tests: its own data folder (stand-alone with the demo hospital, or
enrolled with a real server), the back end opened on the bridge's thread as ``frontdesk
staff`` opens it, the window offscreen at 1600×900, a clock that stands still."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import config
from app.clock import Clock, FixedClock
from app.staff_runtime import StaffRuntime, open_staff
from gui.bridge import Bridge
from gui.start import Translations
from ui.main import desk_settings
from ui.window import StaffWindow

from .kiosk_rig import dispose

TZ = ZoneInfo("Asia/Shanghai")
PASSWORD = "demo-1234"


@dataclass
class StaffRig:
    qtbot: Any
    window: StaffWindow
    bridge: Bridge
    clock: Clock
    translations: Translations
    sounds: list[int] = field(default_factory=list)

    @property
    def runtime(self) -> StaffRuntime:
        return self.bridge.runtime

    @property
    def backend(self) -> Any:
        return self.runtime.backend

    def settle(self) -> None:
        for _ in range(3):
            self.bridge.wait_idle()
            QApplication.processEvents()

    def click(self, widget: QWidget) -> None:
        assert widget.isVisible(), f"{widget!r} is not on screen"
        assert widget.isEnabled(), f"{widget!r} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        self.settle()

    def key(
        self, widget: QWidget, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.settle()

    def type(self, widget: QWidget, text: str) -> None:
        """Keys for ASCII; Chinese arrives as the input method commits it."""
        widget.setFocus()
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        self.settle()

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.window.signin_page
        page.username.setText(username)
        page.password.setText(password)
        self.click(page.go)

    def board_ids(self) -> list[str]:
        return [r.visit_id for r in self.window.model.rows()]

    def choose(self, visit_id: str) -> None:
        assert self.window.board_page.select(visit_id), "not on the board"
        self.window.board_page.table.setFocus()
        QApplication.processEvents()

    def dialog(self, kind: type) -> Any:
        self.settle()
        found = [d for d in self.window.findChildren(kind) if d.isVisible()]
        assert found, f"no {kind.__name__} open"
        return found[-1]


def make_staff(
    qtbot: Any,
    data_dir: Path,
    *,
    language: str = "zh_CN",
    clock: Clock | None = None,
    server_url: str | None = None,
    location: str = "一楼导医台",
    extra: list[str] | None = None,
) -> StaffRig:
    cfg = config.load(
        data_dir.parent / "none.toml",
        [f"data_dir={data_dir}", f"language={language}", f"location={location}", *(extra or [])],
    )
    clock = clock or FixedClock(tz=TZ, at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    app = QApplication.instance()
    translations = Translations(app)
    translations(language)
    sounds: list[int] = []
    window_ref: list[StaffWindow] = []

    def opener() -> StaffRuntime:
        return open_staff(
            cfg,
            clock,
            demo=server_url is None,
            server_url=server_url,
            on_status=lambda st: bridge.post(lambda: window_ref[0].sync_status(st)),
            on_pulled=lambda t: bridge.post(lambda: window_ref[0].remote(t)),
        )

    bridge = Bridge(opener, name="staff")
    settings = desk_settings(cfg, clock)
    settings.sound = lambda: sounds.append(1)
    window = StaffWindow(settings, bridge, translations)
    window_ref.append(window)
    window.install_guards(app)
    window.resize(1600, 900)
    window.show()
    window.activateWindow()
    bridge.start()
    qtbot.waitUntil(lambda: bridge.is_ready, timeout=30_000)
    QApplication.processEvents()
    return StaffRig(qtbot, window, bridge, clock, translations, sounds)


def close_staff(rig: StaffRig) -> None:
    app = QApplication.instance()
    rig.window.remove_guards(app)
    rig.window.close()
    rig.bridge.close()
    rig.translations("en")
    dispose(rig.window)
