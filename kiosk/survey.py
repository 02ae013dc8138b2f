"""The satisfaction survey at the kiosk: start by scanning the ticket's QR code, by typing the
ticket number, or without a ticket; one question per screen with big targets, a progress bar,
back and skip; a thank-you screen that says what happens next.  Nothing is kept once the
patient is done or walks away (the window's idle reset calls ``clear()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from gui.roles import set_role
from kiosk.screens import Screen, _flip
from kiosk.theme import GAP_PX
from kiosk.walkin import Choices
from kiosk.widgets import Field, Keypad, button, hbox, label, show_page, vbox

if TYPE_CHECKING:
    from app.kiosk_backend import SurveyStart
    from app.services.survey import Question, Submitted
    from kiosk.window import KioskWindow

START, TICKET, QUESTION, THANKS = range(4)
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
        _flip(self.box, portrait)
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


class SurveyScreen(Screen):
    name = "survey"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.pages = QStackedWidget()
        self.message = label("error")
        self.message.hide()

        # start: scan, type the number, or answer without a ticket
        start = QWidget()
        self.start_text = label("body")
        self.by_number = button("primary")
        self.anonymous = button("secondary")
        self.anonymous_hint = label("hint")
        self.by_number.clicked.connect(self.type_number)
        self.anonymous.clicked.connect(lambda: self.begin(None, None))
        s = vbox(self.start_text, self.by_number, self.anonymous, self.anonymous_hint)
        s.addStretch(1)
        start.setLayout(s)

        # the ticket number
        ticket = QWidget()
        self.number_label = label("body")
        self.number = Field(6, r"[A-Za-z]?[0-9]{0,4}")
        self.keypad_box = vbox()
        self.keypad: Keypad | None = None
        t = vbox(self.number_label, self.number)
        t.addLayout(self.keypad_box)
        t.addStretch(1)
        ticket.setLayout(t)

        # one question
        question = QWidget()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(16)
        self.counter = label("hint", wrap=False)
        self.question_text = label("heading")
        self.answer_area = QStackedWidget()
        self.complaint = button("choice")
        self.complaint.clicked.connect(self.toggle_complaint)
        q = vbox()
        q.addLayout(hbox(self.counter, self.progress))
        q.addWidget(self.question_text)
        q.addWidget(self.answer_area, 1)
        q.addWidget(self.complaint)
        question.setLayout(q)

        # thanks
        thanks = QWidget()
        self.thanks_text = label("heading")
        self.thanks_more = label("body")
        self.done = button("primary")
        self.done.clicked.connect(lambda: self.k.finish())
        th = vbox(self.thanks_text, self.thanks_more)
        th.addStretch(1)
        th.addWidget(self.done)
        thanks.setLayout(th)

        for page in (start, ticket, question, thanks):
            self.pages.addWidget(page)
        self.back = button("secondary")
        self.skip = button("secondary")
        self.next = button("primary")
        self.back.clicked.connect(self.go_back)
        self.skip.clicked.connect(self.skip_question)
        self.next.clicked.connect(self.go_next)
        box = vbox(self.heading)
        box.addWidget(self.pages, 1)
        box.addWidget(self.message)
        box.addLayout(hbox(self.back, self.skip, self.next))
        self.setLayout(box)

        self.start: SurveyStart | None = None
        self.answers: dict[str, Any] = {}
        self.marked = False
        self.index = 0
        self.widgets: dict[str, Any] = {}
        self.busy = False
        self.portrait = False
        self.result: Submitted | None = None
        self.show_page(START)

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        page = self.pages.currentIndex()
        title = self.tr("Rate your visit")
        if self.start is not None:
            title = self.start.definition.title[self._lang()]
        self.heading.setText(title)
        self.start_text.setText(
            self.tr(
                "Tell us how we did. Hold the QR code on your ticket under the scanner, "
                "or choose below."
            )
        )
        self.by_number.setText(self.tr("Type my ticket number"))
        self.anonymous.setText(self.tr("Answer without a ticket"))
        self.anonymous_hint.setText(
            self.tr("Without a ticket your answers are not linked to your visit or to you.")
        )
        self.number_label.setText(self.tr("Your ticket number, as printed (for example A001)"))
        self.complaint.setText(
            self.tr("✓ This is a complaint") if self.marked else self.tr("This is a complaint")
        )
        self.done.setText(self.tr("Done"))
        self.back.setText(self.tr("Back"))
        self.skip.setText(self.tr("Skip"))
        self.next.setText(
            self.tr("Send my answers")
            if page == QUESTION and self._last()
            else self.tr("Start")
            if page == TICKET
            else self.tr("Next")
        )
        if page == QUESTION:
            self._show_question()
        if page == THANKS:
            self._thank()

    def _lang(self) -> str:
        return self.k.lang if self.k.lang in ("zh_CN", "zh_TW", "en") else "zh_CN"

    # -- pages ------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        show_page(self.pages, self.pages.widget(page))
        self.back.setVisible(page in (START, TICKET, QUESTION))
        self.next.setVisible(page in (TICKET, QUESTION))
        self.skip.setVisible(False)
        self.message.hide()
        self.retranslate()

    def type_number(self) -> None:
        self.show_page(TICKET)
        self.number.setFocus()
        if self.keypad is None:
            self.k.bridge.call(lambda b: b.ticket_letters(), self._letters, self._failed)

    def _letters(self, letters: str) -> None:
        if self.keypad is not None:
            return
        self.keypad = Keypad(letters + "1234567890", 8, ok=False)
        self.keypad.target = self.number
        self.keypad_box.addWidget(self.keypad)

    def on_scanned(self, visit_id: str) -> None:
        """The ticket's QR code, scanned on the survey's first page."""
        self.begin(visit_id, None)

    def begin(self, visit_id: str | None, ticket: str | None) -> None:
        if self.busy:
            return
        self.busy = True
        self.k.bridge.call(
            lambda b: b.survey_for(visit_id=visit_id, ticket=ticket), self._started, self._failed
        )

    def _started(self, start: SurveyStart) -> None:
        self.busy = False
        self.start = start
        self.answers = {}
        self.marked = False
        self.index = 0
        if start.already:  # answered before: thanked, not asked again
            self.result = None
            self.show_page(THANKS)
            return
        self.show_page(QUESTION)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(self.k.message(error))
        self.message.show()
        self.k.say(self.message.text())

    # -- questions ------------------------------------------------------------------------------

    def _asked(self) -> list[Question]:
        from app.services.survey import asked

        assert self.start is not None
        return asked(self.start.definition, self.answers)

    def _last(self) -> bool:
        return self.start is not None and self.index >= len(self._asked()) - 1

    def current_question(self) -> Question:
        return self._asked()[self.index]

    def _widget(self, q: Question) -> Any:
        widget = self.widgets.get(q.id)
        if widget is not None:
            return widget
        if q.type == "rating5":
            widget = Rating(q.style, self.answer)
            widget.place(self.portrait)
        elif q.type == "nps":
            widget = Recommend(self.answer)
            widget.place(self.portrait)
        elif q.type == "single":
            widget = Choices([o.id for o in q.options], columns=1)
            for b in widget.buttons.values():
                b.clicked.connect(lambda _=False, w=widget: self.answer(w.value))
        elif q.type == "multi":
            widget = Several(q, self.toggle_option)
            widget.place(self.portrait)
        else:
            widget = Field(q.max_length)
            widget.textChanged.connect(lambda text, qid=q.id: self._typed(qid, text))
        holder = QWidget()
        box = vbox(widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.addStretch(1)
        holder.setLayout(box)
        self.answer_area.addWidget(holder)
        self.widgets[q.id] = widget
        widget.setProperty("holder", holder)
        return widget

    def _show_question(self) -> None:
        if self.start is None:
            return
        lang = self._lang()
        asked = self._asked()
        self.index = min(self.index, len(asked) - 1)
        q = asked[self.index]
        widget = self._widget(q)
        show_page(self.answer_area, widget.property("holder"))
        self.progress.setRange(0, len(asked))
        self.progress.setValue(self.index + 1)
        self.counter.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(asked)))
        )
        self.question_text.setText(q.text[lang])
        value = self.answers.get(q.id)
        if q.type == "rating5":
            widget.set_words(
                [
                    self.tr("Very dissatisfied"),
                    self.tr("Dissatisfied"),
                    self.tr("Neither"),
                    self.tr("Satisfied"),
                    self.tr("Very satisfied"),
                ]
            )
            widget.show_value(value)
        elif q.type == "nps":
            widget.low.setText(self.tr("0 = not at all likely"))
            widget.high.setText(self.tr("10 = certainly"))
            widget.show_value(value)
        elif q.type == "single":
            widget.set_texts({o.id: o.text[lang] for o in q.options})
            widget.set_value(value)
        elif q.type == "multi":
            for o in q.options:
                widget.buttons[o.id].setText(o.text[lang])
            widget.show_value(value)
        elif widget.text() != (value or ""):
            widget.setText(value or "")
        self.complaint.setVisible(q.may_complain)
        self.skip.setVisible(not q.required)
        self.next.setEnabled(not q.required or q.id in self.answers)

    def answer(self, value: Any) -> None:
        """A tap on a face, a number or a single choice: kept, and on to the next question."""
        q = self.current_question()
        self.answers[q.id] = value
        self._drop_unasked()
        self.go_next()

    def toggle_option(self, key: str) -> None:
        q = self.current_question()
        chosen = list(self.answers.get(q.id) or [])
        chosen = [k for k in chosen if k != key] if key in chosen else [*chosen, key]
        if chosen:
            self.answers[q.id] = chosen
        else:
            self.answers.pop(q.id, None)
        self._show_question()

    def _typed(self, qid: str, text: str) -> None:
        if text.strip():
            self.answers[qid] = text
        else:
            self.answers.pop(qid, None)

    def toggle_complaint(self) -> None:
        self.marked = not self.marked
        set_role(self.complaint, "chosen" if self.marked else "choice")
        self.retranslate()

    def _drop_unasked(self) -> None:
        """A rating changed back up: "what went wrong" is no longer asked nor kept."""
        asked = {q.id for q in self._asked()}
        for qid in list(self.answers):
            if qid not in asked:
                self.answers.pop(qid)

    def skip_question(self) -> None:
        self.answers.pop(self.current_question().id, None)
        self.go_next()

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page == START:
            self.k.finish()
        elif page == TICKET:
            self.show_page(START)
        elif self.index > 0:
            self.index -= 1
            self.retranslate()
        else:
            self.start = None
            self.show_page(START)

    def go_next(self) -> None:
        page = self.pages.currentIndex()
        if page == TICKET:
            self.begin(None, self.number.text())
            return
        if page != QUESTION:
            return
        q = self.current_question()
        if q.required and q.id not in self.answers:
            return
        if self._last():
            self.submit()
        else:
            self.index += 1
            self.retranslate()

    # -- sending ----------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy or self.start is None:
            return
        self.busy = True
        start, answers, lang, marked = self.start, dict(self.answers), self._lang(), self.marked
        self.k.bridge.call(
            lambda b: b.submit_survey(start, answers, lang, complaint_marked=marked),
            self._sent,
            self._failed,
        )

    def _sent(self, result: Submitted) -> None:
        self.busy = False
        self.result = result
        self.answers = {}
        self.show_page(THANKS)

    def _thank(self) -> None:
        self.thanks_text.setText(self.tr("Thank you!"))
        result = self.result
        if result is None or not result.counted:
            more = self.tr(
                "We already have your answers for this visit. Thank you for coming back."
            )
        elif result.complaint:
            more = self.tr(
                "We are sorry. Your complaint has been passed to our service staff, and "
                "someone will look into it today."
            )
        else:
            more = self.tr("Your answers help us look after every patient better.")
        self.thanks_more.setText(more)

    # -- the screen's life ------------------------------------------------------------------------

    def entered(self) -> None:
        if self.pages.currentIndex() == THANKS:
            self.k.say(self.thanks_more.text())

    def set_portrait(self, portrait: bool) -> None:
        self.portrait = portrait
        for widget in self.widgets.values():
            if isinstance(widget, Recommend | Rating | Several):
                widget.place(portrait)
                holder = widget.property("holder")
                holder.layout().invalidate()
        self.answer_area.updateGeometry()
        self.pages.updateGeometry()

    def clear(self) -> None:
        """Forget every answer (idle, "start over", done) and start from the first page."""
        self.start = None
        self.answers = {}
        self.marked = False
        set_role(self.complaint, "choice")
        self.index = 0
        self.result = None
        self.busy = False
        self.number.clear()
        for widget in self.widgets.values():
            if isinstance(widget, Field):
                widget.clear()
        self.show_page(START)
