"""Qt's on-screen keyboard speaking the kiosk's language, whatever the machine's own locale:
Pinyin for 简体中文, Zhuyin (Cangjie a tap away) for 繁體中文, letters for English.

The keyboard (``QT_IM_MODULE=qtvirtualkeyboard``) is a QML scene in a window of its own that Qt
creates the first time a text field takes focus, in the system's locale — on a Windows machine
set up in English that would be a keyboard without Chinese.  As soon as that window exists, a
small QML object made in the keyboard's own engine sets ``VirtualKeyboardSettings`` there; the
kiosk tells it the language on every change; ``window_shown`` hands that window to the kiosk
once, for its idle timer.  There is no Python module for the keyboard, and none is needed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QWindow

LOCALES = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en_US"}
SETTINGS_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard.Settings
QtObject {
    property string wanted: ""
    onWantedChanged: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "zh_TW", "en_US"]
        VirtualKeyboardSettings.locale = wanted
    }
}
"""


def keyboard_window() -> QWindow | None:
    """The keyboard's window, once Qt has made it."""
    for window in QGuiApplication.topLevelWindows():
        if "InputView" in window.metaObject().className():
            return window
    return None


class KeyboardLanguage(QObject):
    window_shown = Signal(QWindow)  # the keyboard's window, the first time it shows

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._settings: QObject | None = None
        self._window: QWindow | None = None
        QGuiApplication.inputMethod().visibleChanged.connect(self._attach)

    @property
    def locale(self) -> str:
        return LOCALES.get(self.language, "zh_CN")

    def set_language(self, language: str) -> None:
        self.language = language
        self._apply()

    def _attach(self) -> None:
        if self._settings is not None:
            return
        from PySide6.QtQml import QQmlComponent
        from PySide6.QtQuick import QQuickView  # known to PySide before the window is asked for

        window = keyboard_window()
        if not isinstance(window, QQuickView):
            return
        if self._window is None:
            self._window = window
            self.window_shown.emit(window)
        component = QQmlComponent(window.engine())
        component.setData(SETTINGS_QML, QUrl())
        made = component.create()
        if made is None:  # the keyboard's QML is missing parts: it stays as it came
            return
        made.setParent(self)
        self._settings = made
        self._apply()

    def _apply(self) -> None:
        if self._settings is not None:
            self._settings.setProperty("wanted", self.locale)
