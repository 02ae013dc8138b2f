"""Event filters of a public machine: a barcode scanner's burst of keys, the idle timer, the
director's hidden exit gesture, and no context menus anywhere.

The kiosk installs them on its own window (``QWindow``), where every key, touch and click
from the platform arrives before any widget sees it, and the idle timer also on the on-screen
keyboard's window.  Not on the application: an application-wide Python filter is handed
every object that receives an event, including Qt's own objects that PySide6 has no Python
type for (the on-screen keyboard's input context), and finding one for it costs the kiosk's
start-up some 25 ms.  The staff workstation, which has dialogs of its own, installs the
scanner and the idle timer application-wide (``watch(app)``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# pressed by a scanner around the characters it types, as a keyboard would (Shift for "A")
MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
)


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
        self._app_wide = False

    def watch(self, target: QObject) -> None:
        """Read keys arriving at ``target``: a window, or the whole application."""
        self._app_wide = isinstance(target, QCoreApplication)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self._app_wide and not self._first_delivery(watched):
            return False
        if event.isAutoRepeat() or event.key() in MODIFIER_KEYS:
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

    @staticmethod
    def _first_delivery(watched: QObject) -> bool:
        """Application-wide, a key event is seen at its window, at the focus widget and at
        each parent it travels up to: count it once, where it is delivered to a widget."""
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is not None:
            return watched is target
        return isinstance(watched, QWidget)


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
    """Press-and-hold is a right click on a touch screen: no menu may ever open.  At the
    window, the right button and the menu key are eaten too, before Qt makes a context menu
    event of them for the widget under the finger."""

    BUTTON_EVENTS = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in self.BUTTON_EVENTS and isinstance(event, QMouseEvent):
            return event.button() == Qt.MouseButton.RightButton
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.key() == Qt.Key.Key_Menu
        return False


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
