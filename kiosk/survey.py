"""The satisfaction survey at the kiosk: start by scanning the ticket's QR code, by typing the
ticket number, or without a ticket; one question per screen with big targets, a progress bar,
back and skip; a thank-you screen that says what happens next.  Nothing is kept once the
patient is done or walks away (the window's idle reset calls ``clear()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from gui.roles import set_role
from kiosk.answers import Rating, Recommend, Several
from kiosk.screens import Screen
from kiosk.walkin import Choices
from kiosk.widgets import Field, Keypad, button, hbox, label, show_page, vbox

if TYPE_CHECKING:
    from app.kiosk_backend import SurveyStart
    from app.services.survey import Question, Submitted
    from kiosk.host import Kiosk

START, TICKET, QUESTION, THANKS = range(4)


class SurveyScreen(Screen):
    name = "survey"

    def __init__(self, kiosk: Kiosk) -> None:
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
