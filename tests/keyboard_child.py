"""Run by test_kiosk_keyboard.py in a process of its own, where Qt's on-screen keyboard is
switched on before the application starts (as a touch kiosk starts) and the machine's locale is
plain English: a patient taps a Chinese name on the keyboard key by key (Pinyin, the space
bar taking the first candidate), then switches the kiosk to 繁體中文 and gets Zhuyin."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk.keyboard import keyboard_window

from .kiosk_rig import close_rig, make_rig

OUT = Path(os.environ.get("FRONTDESK_KEYBOARD_SHOTS", "/tmp"))


def _items(view: QQuickView) -> list[QQuickItem]:
    out: list[QQuickItem] = []
    todo = [view.contentItem()]
    while todo:
        item = todo.pop()
        out.append(item)
        todo.extend(item.childItems())
    return out


def _kind(item: QQuickItem) -> str:
    return item.metaObject().className().split("_QML")[0]


class Keyboard:
    def __init__(self, qtbot, view: QQuickView) -> None:
        self.qtbot, self.view = qtbot, view

    def shown(self) -> dict[str, QQuickItem]:
        """The keys on the keyboard now, by their text (not those of a layout going away)."""
        area = self.view.contentItem()
        return {
            k.property("text"): k
            for k in _items(self.view)
            if _kind(k) == "Key"
            and k.isVisible()
            and k.property("text")
            and area.contains(k.mapToScene(QPointF(k.width() / 2, k.height() / 2)))
        }

    def candidates(self) -> dict[str, QQuickItem]:
        """The word candidates shown above the keys, by their text."""
        found = {}
        for item in _items(self.view):
            if _kind(item) == "SelectionListItem" and item.isVisible():
                texts = [c.property("text") for c in item.childItems() if c.property("text")]
                if texts:
                    found[texts[0]] = item
        return found

    def tap(self, item: QQuickItem) -> None:
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        assert self.view.contentItem().contains(QPointF(centre)), "a key outside the keyboard"
        self.qtbot.mousePress(self.view, Qt.MouseButton.LeftButton, pos=centre)
        self.qtbot.wait(60)
        self.qtbot.mouseRelease(self.view, Qt.MouseButton.LeftButton, pos=centre)
        self.qtbot.wait(30)

    def type(self, letters: str) -> None:
        for ch in letters:
            self.qtbot.waitUntil(lambda c=ch: self.key(c) is not None, timeout=5000)
            self.tap(self.key(ch))

    def key(self, ch: str) -> QQuickItem | None:
        """A key by its letter, capital or not (the first letter of a name is shifted)."""
        shown = self.shown()
        return shown.get(ch) or shown.get(ch.upper())

    def space(self) -> None:
        """The space bar: takes the first candidate."""
        self.tap(next(i for i in _items(self.view) if _kind(i) == "SpaceKey"))


def _shot(rig, view: QQuickView, name: str) -> None:
    """The kiosk with the keyboard's panel over its lower part, as the patient sees them."""
    screen = rig.window.grab()
    keys = view.grabWindow().scaledToWidth(
        screen.width(), Qt.TransformationMode.SmoothTransformation
    )
    panel = keys.height() * 11 // 32  # the keys and candidates; the rest is the window's blank
    out = QPixmap(screen)
    painter = QPainter(out)
    painter.drawImage(
        0, screen.height() - panel, keys.copy(0, keys.height() - panel, keys.width(), panel)
    )
    painter.end()
    out.save(str(OUT / f"keyboard-{name}.png"))


def test_a_patient_taps_a_chinese_name_on_the_on_screen_keyboard(qtbot, tmp_path) -> None:
    assert os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard"
    rig = make_rig(qtbot, tmp_path)
    try:
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        rig.tap(w.agree)

        def tap_name() -> None:
            rig.tap(w.full_name)  # the name field takes focus: up comes the keyboard
            qtbot.waitUntil(lambda: keyboard_window() is not None, timeout=20_000)
            # The offscreen platform activates every window it shows, the keyboard's too,
            # whose flags ask never to be; a real desktop leaves the kiosk active.
            rig.window.activateWindow()
            w.full_name.setFocus()
            qtbot.waitUntil(lambda: QGuiApplication.focusObject() is w.full_name, timeout=5000)

        tap_name()
        view = keyboard_window()
        assert isinstance(view, QQuickView)
        kb = Keyboard(qtbot, view)
        qtbot.waitUntil(lambda: "z" in kb.shown(), timeout=10_000)

        rig.window.idle.timer.stop()  # taps on the keyboard's own window are activity too
        kb.type("zhang")
        assert rig.window.idle.timer.isActive()
        qtbot.waitUntil(lambda: "张" in kb.candidates(), timeout=5000)
        _shot(rig, view, "pinyin")
        kb.space()  # the first candidate: 张
        qtbot.waitUntil(lambda: w.full_name.text() == "张", timeout=5000)
        kb.type("san")
        qtbot.waitUntil(lambda: "三" in kb.candidates(), timeout=5000)
        kb.space()
        qtbot.waitUntil(lambda: w.full_name.text() == "张三", timeout=5000)

        # 繁體中文: Zhuyin keys (ㄅㄆㄇㄈ); ㄓㄤ offers 張
        rig.window.set_language("zh_TW")
        w.full_name.clear()
        tap_name()
        qtbot.waitUntil(lambda: "ㄅ" in kb.shown(), timeout=10_000)
        kb.type("ㄓㄤ")
        qtbot.waitUntil(lambda: "張" in kb.candidates(), timeout=5000)
        _shot(rig, view, "zhuyin")
    finally:
        close_rig(rig)
