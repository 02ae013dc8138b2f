"""The way into the staff desk: the sign-in page, and the lock page after inactivity (nothing
of the board shows; the same person unlocks, or somebody else signs in)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.roles import set_role
from ui.desk import LANGUAGE_NAMES, Door


def _centred(page: QWidget, panel: QFrame) -> None:
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


class SignInPage(QWidget):
    def __init__(self, desk: Door) -> None:
        super().__init__()
        self.desk = desk
        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = QLabel()
        set_role(self.where, "muted")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.user_label, self.pass_label = QLabel(), QLabel()
        self.user_label.setBuddy(self.username)
        self.pass_label.setBuddy(self.password)
        self.go = QPushButton()
        set_role(self.go, "primary")
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(
            lambda _i: self.desk.set_language(self.language.currentData())
        )
        form = QFormLayout()
        form.addRow(self.user_label, self.username)
        form.addRow(self.pass_label, self.password)
        panel = QFrame()
        panel.setFixedWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.where)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.go)
        inner.addSpacing(16)
        inner.addWidget(self.language)
        _centred(self, panel)
        self.go.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)

    def retranslate(self) -> None:
        self.title.setText(self.tr("FrontDesk — guide desk"))
        self.where.setText(self.desk.settings.desk_name)
        self.user_label.setText(self.tr("&User name"))
        self.pass_label.setText(self.tr("&Password"))
        self.go.setText(self.tr("Sign in"))
        self.language.setAccessibleName(self.tr("Screen language"))
        i = self.language.findData(self.desk.lang)
        if i != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)

    def submit(self) -> None:
        self.error.hide()
        self.desk.sign_in(self.username.text(), self.password.text())

    def failed(self, message: str) -> None:
        self.password.clear()
        self.password.setFocus()
        self.error.setText(message)
        self.error.show()

    def clear(self) -> None:
        self.username.clear()
        self.password.clear()
        self.error.hide()
        self.username.setFocus()


class LockPage(QWidget):
    """The desk after inactivity: nothing of the board shows; the same person unlocks with
    their password, or somebody else signs in."""

    def __init__(self, desk: Door) -> None:
        super().__init__()
        self.desk = desk
        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.calls = QLabel()
        set_role(self.calls, "warn")
        self.calls.hide()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock = QPushButton()
        set_role(self.unlock, "primary")
        self.switch = QPushButton()
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.hide()
        panel = QFrame()
        panel.setFixedWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.calls)
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        inner.addWidget(self.unlock)
        inner.addWidget(self.switch)
        _centred(self, panel)
        self.unlock.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.switch.clicked.connect(self.desk.sign_out)

    def retranslate(self) -> None:
        who = self.desk.who
        self.title.setText(self.tr("Locked — %1").replace("%1", who.display_name if who else ""))
        self.password.setPlaceholderText(self.tr("Password to unlock"))
        self.password.setAccessibleName(self.tr("Password to unlock"))
        self.unlock.setText(self.tr("Unlock"))
        self.switch.setText(self.tr("Switch user"))

    def submit(self) -> None:
        self.error.hide()
        self.desk.unlock(self.password.text())

    def failed(self, message: str) -> None:
        self.password.clear()
        self.error.setText(message)
        self.error.show()

    def show_calls(self, waiting: list[str]) -> None:
        """The calls nobody has answered, live while the desk is locked: how many, and where
        (a place and how long, nothing about a patient)."""
        text = self.tr("%1 calls for a guide are waiting").replace("%1", str(len(waiting)))
        if waiting:
            text += "\n" + "\n".join(waiting[:4]) + ("\n…" if len(waiting) > 4 else "")
        self.calls.setText(text)
        self.calls.setVisible(bool(waiting))
