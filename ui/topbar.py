"""The guide desk's top bar: the desk's name, who is signed in, the cases' alarm, the sync
status, the screen language, Lock and Switch user (the window gives them their words and what
they do)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.roles import set_role
from ui.desk import LANGUAGE_NAMES


class TopBar(QFrame):
    def __init__(self, alarm: QWidget) -> None:
        super().__init__()
        set_role(self, "topbar")
        self.desk_label = QLabel()
        set_role(self.desk_label, "heading")
        self.person = QLabel()
        self.sync = QLabel()
        set_role(self.sync, "status")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.lock = QPushButton()
        self.switch = QPushButton()
        bar = QHBoxLayout(self)
        bar.setContentsMargins(12, 6, 12, 6)
        bar.addWidget(self.desk_label)
        bar.addSpacing(16)
        bar.addWidget(self.person)
        bar.addStretch(1)
        for widget in (alarm, self.sync, self.language, self.lock, self.switch):
            bar.addWidget(widget)
