"""Application-wide event filters of a public machine: a barcode scanner's burst of keys,
the idle timer, the director's hidden exit gesture, and no context menus anywhere."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanDetector(QObject):
    """A USB scanner types its code and Enter within a few milliseconds a key; a person needs
    a tenth of a second or more.  A burst of at least ``min_length`` keys, each within
    ``max_gap`` seconds of the last, ended by Enter, is a scan — on whichever screen is up.
    The Enter that ends a scan is eaten; the screen that got the keys clears its field."""

    scanned = Signal(str)

    def __init__(
        self,
        max_gap: float = 0.035,
        min_length: int = 4,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.max_gap = max_gap
        self.min_length = min_length
        self.now = now
        self._buffer: list[str] = []
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # A key event travels from the window to the focus widget, then up its parents; count
        # it once, where it is first delivered to a widget.
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is not None and watched is not target:
            return False
        if target is None and not isinstance(watched, QWidget):
            return False
        if event.isAutoRepeat():
            return False
        t = self.now()
        fast = t - self._last <= self.max_gap
        self._last = t
        if event.key() in RETURN_KEYS:
            code = "".join(self._buffer)
            self._buffer.clear()
            if fast and len(code) >= self.min_length:
                self.scanned.emit(code)
                return True
            return False
        text = event.text()
        if not text or not text.isprintable():
            self._buffer.clear()
            return False
        if not fast:
            self._buffer.clear()
        self._buffer.append(text)
        return False


class IdleWatcher(QObject):
    """Restarts a single-shot timer on every touch, click or key; ``idle`` fires when it runs
    out.  ``paused`` stops it (on the welcome screen with nothing to clear)."""

    idle = Signal()
    ACTIVITY = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    )

    def __init__(self, timeout_ms: int) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle.emit)
        self.paused = False

    def restart(self) -> None:
        if self.paused:
            self.timer.stop()
        else:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.ACTIVITY and not self.paused:
            self.timer.start()
        return False


class NoContextMenus(QObject):
    """Press-and-hold is a right click on a touch screen: no menu may ever open."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ContextMenu


class HotCorner(QWidget):
    """The director's way out: ``taps`` taps on this invisible square in the window's top-left
    corner within ``within`` seconds emit ``triggered`` (the PIN pad comes next).  Patients
    never find it; nothing else lives in that corner."""

    triggered = Signal()

    def __init__(
        self,
        parent: QWidget,
        *,
        taps: int = 5,
        size: int = 100,
        within: float = 4.0,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.taps = taps
        self.within = within
        self.now = now
        self._times: list[float] = []
        self.setGeometry(0, 0, size, size)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        t = self.now()
        self._times = [x for x in self._times if t - x <= self.within] + [t]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.triggered.emit()
        event.accept()
