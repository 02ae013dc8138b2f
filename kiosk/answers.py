"""The survey's answer widgets, drawn for older eyes and fingers: faces and stars for a rating,
nought to ten for recommending, several choices at once — each target large, each choice
said in words as well as drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from gui.roles import set_role
from kiosk.screens import flip
from kiosk.theme import GAP_PX
from kiosk.widgets import button, hbox, label, vbox

if TYPE_CHECKING:
    from app.services.survey import Question

ICON_PX = 96


def face(level: int, size: int = ICON_PX) -> QPixmap:
    """A face from very unhappy (1) to very happy (5), drawn — no emoji font needed — with
    the colour and the mouth both saying it (never colour alone)."""
    colours = {1: "#C62828", 2: "#EF6C00", 3: "#9E9D24", 4: "#558B2F", 5: "#2E7D32"}
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#0B2540"), size * 0.05))
    p.setBrush(QColor(colours[level]))
    m = size * 0.06
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    p.setBrush(QColor("#0B2540"))
    for x in (0.36, 0.64):
        p.drawEllipse(QPointF(size * x, size * 0.40), size * 0.05, size * 0.05)
    curve = (level - 3) * 0.09  # down for unhappy, flat, up for happy
    mouth = QPainterPath(QPointF(size * 0.30, size * 0.68 - curve * size * 0.3))
    mouth.quadTo(
        QPointF(size * 0.5, size * (0.68 + curve)),
        QPointF(size * 0.70, size * 0.68 - curve * size * 0.3),
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(QColor("#0B2540"), size * 0.06)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawPath(mouth)
    p.end()
    return pixmap


def star(filled: bool, size: int = ICON_PX) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    import math

    points = []
    for i in range(10):
        r = size * (0.46 if i % 2 == 0 else 0.19)
        a = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(size / 2 + r * math.cos(a), size / 2 + r * math.sin(a)))
    p.setPen(QPen(QColor("#7A5C00"), size * 0.04))
    p.setBrush(QColor("#F9A825") if filled else QColor("#FFFFFF"))
    p.drawPolygon(QPolygonF(points))
    p.end()
    return pixmap


def big_tool(text: str = "") -> QToolButton:
    """A touch target with a picture above its words."""
    b = QToolButton()
    b.setText(text)
    b.setProperty("role", "choice")
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    b.setIconSize(QSize(ICON_PX, ICON_PX))
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    b.setMinimumHeight(ICON_PX + 90)
    return b


class Rating(QWidget):
    """Five faces (or stars), 1 = very dissatisfied … 5 = very satisfied."""

    def __init__(self, style: str, chosen: Any) -> None:
        super().__init__()
        self.style_name = style
        self.buttons: dict[int, QToolButton] = {}
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.box.setSpacing(GAP_PX)
        self.box.setContentsMargins(0, 0, 0, 0)
        for level in range(1, 6):
            b = big_tool()
            b.clicked.connect(lambda _=False, v=level: chosen(v))
            self.buttons[level] = b
            self.box.addWidget(b)
        self.setLayout(self.box)
        self.show_value(None)

    def place(self, portrait: bool) -> None:
        """A row of five side by side; on a portrait screen, a column (words beside faces)."""
        flip(self.box, portrait)
        if portrait:  # very happy on top, as a list is read
            self.box.setDirection(QBoxLayout.Direction.BottomToTop)
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if portrait
            else Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        )
        for b in self.buttons.values():
            b.setToolButtonStyle(style)
        self.box.invalidate()
        self.updateGeometry()

    def show_value(self, value: int | None) -> None:
        for level, b in self.buttons.items():
            set_role(b, "chosen" if level == value else "choice")
            if self.style_name == "stars":
                b.setIcon(QIcon(star(value is not None and level <= value)))
            else:
                b.setIcon(QIcon(face(level)))

    def set_words(self, words: list[str]) -> None:
        for level, b in self.buttons.items():
            b.setText(words[level - 1])


class Recommend(QWidget):
    """0 to 10, with what the two ends mean."""

    def __init__(self, chosen: Any) -> None:
        super().__init__()
        self.buttons: dict[int, Any] = {}
        self.grid = QGridLayout()
        self.grid.setSpacing(GAP_PX)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for n in range(11):
            b = button("choice", str(n))
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, v=n: chosen(v))
            self.buttons[n] = b
        self.low = label("hint")
        self.high = label("hint")
        self.high.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.place(False)
        box = vbox()
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.grid)
        box.addLayout(hbox(self.low, self.high))
        self.setLayout(box)

    def place(self, portrait: bool) -> None:
        per_row = 6 if portrait else 11
        for n, b in self.buttons.items():
            self.grid.removeWidget(b)
            self.grid.addWidget(b, n // per_row, n % per_row)
        self.updateGeometry()

    def show_value(self, value: int | None) -> None:
        for n, b in self.buttons.items():
            set_role(b, "chosen" if n == value else "choice")


class Several(QWidget):
    """Options of which any may be chosen (tap again to take one back)."""

    def __init__(self, question: Question, changed: Any) -> None:
        super().__init__()
        self.question = question
        self.buttons: dict[str, Any] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(GAP_PX)
        for option in question.options:
            b = button("choice")
            b.clicked.connect(lambda _=False, k=option.id: changed(k))
            self.buttons[option.id] = b
        self.place(False)

    def place(self, portrait: bool) -> None:
        """Two columns side by side; one on a portrait screen (long options fit)."""
        per_row = 1 if portrait else 2
        for i, b in enumerate(self.buttons.values()):
            self.grid.removeWidget(b)
            self.grid.addWidget(b, i // per_row, i % per_row)
        self.updateGeometry()

    def show_value(self, value: list[str] | None) -> None:
        for key, b in self.buttons.items():
            set_role(b, "chosen" if value and key in value else "choice")
