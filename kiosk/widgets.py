"""Small building blocks every kiosk screen uses: labels that cannot be selected, buttons that
never take the focus from the field being typed into, fields without menus or drag, and big
on-screen keypads."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from gui.roles import set_role
from kiosk.theme import GAP_PX


def show_page(stack: QStackedWidget, page: QWidget | None) -> None:
    """Show ``page``; only it counts for the stack's size (a tall page elsewhere in the stack
    must not push the screen beyond 1080 pixels)."""
    if page is None:  # no such page in the stack
        return
    for i in range(stack.count()):
        w = stack.widget(i)
        if w is None:
            continue
        policy = QSizePolicy.Policy.Preferred if w is page else QSizePolicy.Policy.Ignored
        w.setSizePolicy(policy, policy)
    stack.setCurrentWidget(page)


def label(role: str = "body", text: str = "", *, wrap: bool = True) -> QLabel:
    w = QLabel(text)
    w.setProperty("role", role)
    w.setWordWrap(wrap)
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    w.setTextFormat(Qt.TextFormat.PlainText)
    return w


def button(role: str = "primary", text: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setProperty("role", role)
    # Tapping a button must not move the keyboard focus away from the field being filled.
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setAutoDefault(False)
    b.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return b


class Field(QLineEdit):
    """A text field for a public screen: no context menu, no drag, no drop."""

    def __init__(self, max_length: int = 40, pattern: str | None = None) -> None:
        super().__init__()
        self.setProperty("role", "field")
        self.setMaxLength(max_length)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        if pattern:
            from PySide6.QtCore import QRegularExpression

            self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))


def hbox(*widgets: QWidget, spacing: int = GAP_PX) -> QBoxLayout:
    box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
    box.setSpacing(spacing)
    for w in widgets:
        box.addWidget(w)
    return box


def vbox(*widgets: QWidget, spacing: int = GAP_PX) -> QBoxLayout:
    box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
    box.setSpacing(spacing)
    for w in widgets:
        box.addWidget(w)
    return box


DIGITS = "123456789"


class Keypad(QWidget):
    """Big keys that type into ``target``: digits (phone, age, PIN) or the check-in code's
    letters.  ``done`` is emitted by the OK key."""

    done = Signal()

    def __init__(self, keys: str, columns: int, *, ok: bool = True) -> None:
        super().__init__()
        self.target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setSpacing(GAP_PX)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        cells = list(keys)
        for i, ch in enumerate(cells):
            b = button("key", ch)
            b.clicked.connect(lambda _=False, c=ch: self._type(c))
            grid.addWidget(b, i // columns, i % columns)
            self.keys[ch] = b
        self.backspace = button("key", "⌫")
        self.backspace.clicked.connect(self._backspace)
        self.clear_key = button("secondary")
        self.clear_key.clicked.connect(self._clear)
        self.ok_key = button("primary")
        self.ok_key.clicked.connect(self.done.emit)
        # Clear, delete and OK follow the last key; OK takes what is left of that row (at
        # least two cells), or a row of its own.
        pos = len(cells)
        for b in (self.clear_key, self.backspace):
            grid.addWidget(b, pos // columns, pos % columns)
            pos += 1
        if ok:
            row, col = divmod(pos, columns)
            if columns - col < 2:
                row, col = row + 1, 0
            grid.addWidget(self.ok_key, row, col, 1, columns - col)
        else:
            self.ok_key.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.backspace.setAccessibleName(self.tr("Delete"))
        self.clear_key.setText(self.tr("Clear"))
        self.ok_key.setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _type(self, ch: str) -> None:
        if self.target is not None:
            self.target.insert(ch)
            self.target.setFocus()

    def _backspace(self) -> None:
        if self.target is not None:
            self.target.backspace()

    def _clear(self) -> None:
        if self.target is not None:
            self.target.clear()


class DigitPad(Keypad):
    def __init__(self, *, ok: bool = True) -> None:
        super().__init__(DIGITS + "0", 3, ok=ok)
        # 1–9 in three rows, then 0 alone: move 0 under 8 like a telephone pad
        grid = self.layout()
        assert isinstance(grid, QGridLayout)
        zero = self.keys["0"]
        grid.removeWidget(zero)
        grid.addWidget(zero, 3, 1)
        grid.removeWidget(self.clear_key)
        grid.addWidget(self.clear_key, 3, 0)
        grid.removeWidget(self.backspace)
        grid.addWidget(self.backspace, 3, 2)
        if ok:
            grid.removeWidget(self.ok_key)
            grid.addWidget(self.ok_key, 4, 0, 1, 3)


class FocusFollower(QObject):
    """Points a keypad at whichever of ``fields`` last took the focus."""

    def __init__(self, pad: Keypad, fields: list[QLineEdit]) -> None:
        super().__init__(pad)
        self.pad = pad
        for f in fields:
            f.installEventFilter(self)
        if fields:
            pad.target = fields[0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.pad.target = watched
        return False


class TapCard(QWidget):
    """A large tappable card with a title and a wrapped description (a QPushButton cannot
    wrap its text).  Emits ``clicked`` on release inside it, like a button."""

    clicked = Signal()

    def __init__(self, title: str = "", text: str = "", role: str = "choice") -> None:
        super().__init__()
        from PySide6.QtWidgets import QFrame, QVBoxLayout

        self.role = role  # "choice", or "urgent" for the red-flag card
        self.frame = QFrame(self)
        self.frame.setProperty("role", role)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(20, 12, 20, 12)
        self.title = label(role, title)
        self.text = label(role, text)
        for w, weight in ((self.title, "bold"), (self.text, "normal")):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            # the weight stays when the card is chosen: its text never re-wraps under a finger
            w.setStyleSheet(f"border: none; padding: 0px; min-height: 0px; font-weight: {weight};")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._chosen = False

    def set_chosen(self, chosen: bool) -> None:
        self._chosen = chosen
        role = "chosen" if chosen else self.role
        for w in (self.frame, self.title, self.text):
            set_role(w, role)

    def mouseReleaseEvent(self, event: object) -> None:
        from PySide6.QtGui import QMouseEvent

        if isinstance(event, QMouseEvent) and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
