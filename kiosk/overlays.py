"""Panels drawn over the whole kiosk window — not dialogs (Esc would close a QDialog):
"still there?" before an idle reset, and the director's PIN pad."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.widgets import DigitPad, Field, button, hbox, label, vbox


class Overlay(QWidget):
    """Covers its parent, dims it, and holds a centred panel."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("Overlay { background: rgba(0, 0, 0, 150); }")
        self.panel = QFrame()
        self.panel.setProperty("role", "card")
        self.panel.setFixedWidth(960)  # fits a portrait 1080 screen; wrapped text has its width
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()
        parent.installEventFilter(self)

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class StillThere(Overlay):
    """Counts down; "continue" keeps everything, the end of the count clears the kiosk."""

    expired = Signal()
    kept = Signal()

    def __init__(self, parent: QWidget, seconds: int) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.left = seconds
        self.heading = label("heading")
        self.body = label("body")
        self.keep = button("primary")
        self.keep.clicked.connect(self.keep_going)
        self.panel.setLayout(vbox(self.heading, self.body, self.keep))
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Are you still there?"))
        self.body.setText(
            self.tr(
                "To protect your privacy this screen will be cleared in %n second(s).",
                "",
                self.left,
            )
        )
        self.keep.setText(self.tr("Yes, I need more time"))

    def start(self) -> None:
        self.left = self.seconds
        self.retranslate()
        self.open()
        self.timer.start()

    def _tick(self) -> None:
        self.left -= 1
        self.retranslate()
        if self.left <= 0:
            self.timer.stop()
            self.hide()
            self.expired.emit()

    def keep_going(self) -> None:
        self.timer.stop()
        self.hide()
        self.kept.emit()

    def cancel(self) -> None:
        self.timer.stop()
        self.hide()


class PinPad(Overlay):
    """The director's PIN; five wrong tries lock it for five minutes."""

    accepted = Signal()
    MAX_TRIES = 5
    LOCK_S = 300.0

    def __init__(
        self,
        parent: QWidget,
        check: Callable[[str], bool],
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.now = now
        self.failures = 0
        self.locked_until = 0.0
        self.heading = label("heading")
        self.pin = Field(12, r"[0-9]*")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pad = DigitPad()
        self.pad.target = self.pin
        self.pad.done.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.message = label("error")
        self.message.hide()
        self.cancel_button = button("secondary")
        self.cancel_button.clicked.connect(self.close_pad)
        box = vbox(self.heading, self.pin, self.pad, self.message)
        box.addLayout(hbox(self.cancel_button))
        self.panel.setLayout(box)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff only: enter the director's PIN"))
        self.cancel_button.setText(self.tr("Cancel"))

    def start(self) -> None:
        self.pin.clear()
        self.message.hide()
        self.open()
        self.pin.setFocus()

    def close_pad(self) -> None:
        self.pin.clear()
        self.hide()

    def submit(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if self.now() < self.locked_until:
            self._say(self.tr("Too many wrong PINs. Try again in a few minutes."))
            return
        if pin and self.check(pin):
            self.failures = 0
            self.hide()
            self.accepted.emit()
            return
        self.failures += 1
        if self.failures >= self.MAX_TRIES:
            self.failures = 0
            self.locked_until = self.now() + self.LOCK_S
            self._say(self.tr("Too many wrong PINs. Try again in a few minutes."))
        else:
            self._say(self.tr("Wrong PIN."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
