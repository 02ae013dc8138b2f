"""A real kiosk for tests: its own data folder and SQLite file with the demo hospital, the back
end opened on the bridge's thread exactly as ``frontdesk kiosk`` opens it, the window
offscreen at 1920×1080, tickets printed to a PDF, speech through Qt's ``mock`` engine."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app import config
from app.clock import FixedClock
from app.kiosk_runtime import KioskRuntime, open_kiosk
from app.models import Appointment, AppointmentStatus
from app.security import hash_password
from gui.bridge import Bridge
from gui.start import Translations
from kiosk.main import kiosk_settings
from kiosk.speech import Speaker
from kiosk.window import KioskWindow

PIN = "2468"
_PIN_HASH = hash_password(PIN)


@dataclass
class KioskRig:
    qtbot: Any
    window: KioskWindow
    bridge: Bridge
    clock: FixedClock
    cfg: config.Config
    pdf: Path
    translations: Translations

    @property
    def runtime(self) -> KioskRuntime:
        return self.bridge.runtime

    @property
    def db(self) -> Any:
        return self.runtime.db

    def settle(self) -> None:
        """Let every queued back-end call finish and its answer reach the screen."""
        for _ in range(3):
            self.bridge.wait_idle()
            QApplication.processEvents()

    def tap(self, widget: QWidget) -> None:
        assert widget.isVisible(), f"{widget!r} is not on screen"
        assert widget.isEnabled(), f"{widget!r} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        self.settle()

    def touch(self, widget: QWidget, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        """A tap as the platform delivers it: to the kiosk's window, which hands it on to
        the widget under the finger — the way the guards see it."""
        at = widget.mapTo(self.window, widget.rect().center())
        QTest.mouseClick(self.window.windowHandle(), button, Qt.KeyboardModifier.NoModifier, at)
        self.settle()

    def keys(self, text: str, delay: int = -1) -> None:
        type_on_window(self.window.windowHandle(), text, delay)

    def screen(self, name: str) -> Any:
        return self.window.screens[name]

    def wait_for(self, name: str, timeout: int = 5000) -> Any:
        self.qtbot.waitUntil(lambda: self.window.current == name, timeout=timeout)
        self.settle()
        return self.screen(name)

    def appointments(self) -> list[Appointment]:
        with self.db.reading() as s:
            return list(
                s.scalars(
                    select(Appointment)
                    .where(
                        Appointment.day == self.clock.today(),
                        Appointment.status != AppointmentStatus.CANCELLED,
                    )
                    .order_by(Appointment.scheduled_at)
                )
            )

    def due(self, index: int = 0, minutes_before: int = 5) -> Appointment:
        """An appointment of today, with the clock put just before it (inside the window)."""
        appt = self.appointments()[index]
        self.clock.at = appt.scheduled_at - dt.timedelta(minutes=minutes_before)
        return appt

    def visible_texts(self) -> list[str]:
        from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

        out = []
        for w in self.window.findChildren(QWidget):
            if not w.isVisibleTo(self.window):
                continue
            if isinstance(w, QLabel | QAbstractButton):
                out.append(w.text())
            elif isinstance(w, QLineEdit):
                out.append(w.text())
                out.append(w.placeholderText())
        return [t for t in out if t]


def type_on_pad(rig: KioskRig, pad, text: str) -> None:
    for ch in text:
        rig.tap(pad.keys[ch])


def walk_in(rig: KioskRig, *, phone: str = "13955556666", name: str = "王小明") -> None:
    rig.tap(rig.screen("welcome").walkin)
    w = rig.wait_for("walkin")
    rig.tap(w.agree)
    w.full_name.setText(name)
    rig.tap(w.gender.buttons["M"])
    w.age.setFocus()
    type_on_pad(rig, w.pad, "67")
    w.phone.setFocus()
    type_on_pad(rig, w.pad, phone)
    rig.tap(w.next)
    rig.tap(w.purpose.buttons["consultation"])
    rig.tap(w.source.buttons["referral"])
    rig.tap(w.next)
    rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
    first = next(iter(w.dept_cards.values()))
    rig.tap(first)
    rig.tap(w.next)


def type_on_window(window: QWindow, text: str, delay: int = -1) -> None:
    """Keys as the platform delivers them: to the window first, then to its focus widget.
    A USB scanner is a keyboard: Shift goes down around a capital; "\n" is Enter.  ``delay``
    ms before each key (a person types about one key in 100 ms, a scanner all at once)."""
    no, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    press, click, release = (QTest.KeyAction.Press, QTest.KeyAction.Click, QTest.KeyAction.Release)
    for ch in text:
        if ch == "\n":
            QTest.sendKeyEvent(click, window, Qt.Key.Key_Return, "\r", no, delay)
            continue
        key = Qt.Key(ord(ch.upper()))
        if ch.isupper():
            QTest.sendKeyEvent(press, window, Qt.Key.Key_Shift, "", no, delay)
            QTest.sendKeyEvent(click, window, key, ch, shift)
            QTest.sendKeyEvent(release, window, Qt.Key.Key_Shift, "", shift)
        else:
            QTest.sendKeyEvent(click, window, key, ch, no, delay)


def make_rig(
    qtbot: Any,
    tmp_path: Path,
    *,
    language: str = "zh_CN",
    printer: str | None = None,
    idle_timeout_s: float = 60,
    idle_prompt_s: int = 20,
    locked: bool = True,
    at: dt.datetime | None = None,
) -> KioskRig:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    pdf = tmp_path / "ticket.pdf"
    overrides = [
        f"data_dir={tmp_path / 'data'}",
        f"printer={printer if printer is not None else 'pdf:' + str(pdf)}",
        f"language={language}",
        "speech_engine=mock",
        f"exit_pin_hash={_PIN_HASH}",
        "location=门诊大厅 1号自助机",
    ]
    cfg = config.load(tmp_path / "none.toml", overrides)
    clock = FixedClock(tz=tz, at=at or dt.datetime(2026, 11, 23, 9, 0, tzinfo=tz))
    app = QApplication.instance()
    translations = Translations(app)
    translations(language)
    bridge = Bridge(lambda: open_kiosk(cfg, clock, demo=True))
    settings = kiosk_settings(cfg, windowed=not locked)
    settings.idle_timeout_s = idle_timeout_s
    settings.idle_prompt_s = idle_prompt_s
    settings.touch = locked
    speaker = Speaker("mock")
    window = KioskWindow(settings, bridge, speaker, translations)
    window.install_guards(app)
    window.resize(1920, 1080)
    window.show()
    window.activateWindow()
    bridge.start()
    qtbot.waitUntil(lambda: bridge.is_ready, timeout=30_000)
    QApplication.processEvents()
    return KioskRig(qtbot, window, bridge, clock, cfg, pdf, translations)


def close_rig(rig: KioskRig) -> None:
    app = QApplication.instance()
    rig.window.remove_guards(app)
    rig.window.may_close = True
    rig.window.close()
    rig.bridge.close()
    rig.translations("en")
    dispose(rig.window)


def dispose(window: QWidget) -> None:
    """The window and all it owns gone now, on this thread: not during the next test, nor
    whenever Python's collector next runs — possibly on a worker thread, where destroying Qt
    objects crashes."""
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.processEvents()
