"""The kiosk's screens: welcome, appointment check-in, confirmation, ticket and "a guide is
coming".  Each screen sets its texts in ``retranslate()`` (called again when the language
changes), forgets everything it holds in ``clear()``, and talks to the back end only through
the window's bridge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QStackedWidget, QWidget

from gui.roles import set_role
from kiosk.theme import GAP_PX
from kiosk.widgets import (
    DigitPad,
    Field,
    FocusFollower,
    Keypad,
    TapCard,
    button,
    hbox,
    label,
    show_page,
    vbox,
)

if TYPE_CHECKING:
    from app.kiosk_backend import TicketInfo
    from app.services.assistance import HelpStatus
    from app.services.checkin import AppointmentView
    from kiosk.window import KioskWindow

CODE_KEYS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # app.services.checkin.CODE_ALPHABET


class Screen(QWidget):
    """A page of the kiosk."""

    name = "screen"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__()
        self.k = kiosk
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)

    def retranslate(self) -> None:
        pass

    def clear(self) -> None:
        pass

    def entered(self) -> None:
        pass

    def set_portrait(self, portrait: bool) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _where(floor: str, room: str) -> str:
    """Floor and room as the signs show them ("3F · 301-306"): the same in every language."""
    return f"{floor} · {room}" if room else floor


def _flip(box: QBoxLayout, portrait: bool) -> None:
    box.setDirection(
        QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    )


class WelcomeScreen(Screen):
    name = "welcome"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.logo = label("title", wrap=False)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hospital = label("title")
        self.hospital.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.greeting = label("heading")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.checkin = button("primary")
        self.walkin = button("primary")
        self.survey = button("primary")
        self.help = button("help")
        for b in (self.checkin, self.walkin, self.survey, self.help):
            b.setMinimumHeight(2 * 80)
        self.checkin.clicked.connect(lambda: kiosk.go("checkin"))
        self.walkin.clicked.connect(lambda: kiosk.go("walkin"))
        self.survey.clicked.connect(lambda: kiosk.go("survey"))
        self.help.clicked.connect(lambda: kiosk.call_guide())
        self.grid = QGridLayout()
        self.grid.setSpacing(2 * GAP_PX)
        self.languages: dict[str, Any] = {}
        lang_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        lang_row.setSpacing(GAP_PX)
        for code, text in (("zh_CN", "简体中文"), ("zh_TW", "繁體中文"), ("en", "English")):
            b = button("choice", text)
            b.clicked.connect(lambda _=False, c=code: kiosk.set_language(c))
            lang_row.addWidget(b)
            self.languages[code] = b
        self.larger = button("secondary")
        self.larger.clicked.connect(kiosk.toggle_large_text)
        lang_row.addWidget(self.larger)
        box = vbox(self.logo, self.hospital, self.greeting, spacing=GAP_PX)
        box.addSpacing(GAP_PX)
        box.addLayout(self.grid)
        box.addStretch(1)
        box.addLayout(lang_row)
        self.setLayout(box)
        self._place(portrait=False)
        self.retranslate()

    def _place(self, portrait: bool) -> None:
        buttons = (self.checkin, self.walkin, self.survey, self.help)
        for b in buttons:
            self.grid.removeWidget(b)
        for i, b in enumerate(buttons):
            self.grid.addWidget(b, i, 0) if portrait else self.grid.addWidget(b, i // 2, i % 2)

    def set_portrait(self, portrait: bool) -> None:
        self._place(portrait)

    def set_logo(self, pixmap: QPixmap) -> None:
        self.logo.setPixmap(pixmap)

    def retranslate(self) -> None:
        self.hospital.setText(self.k.hospital_name())
        self.greeting.setText(self.tr("Welcome. Please tap what you need."))
        self.checkin.setText(self.tr("Appointment check-in\nI booked in advance"))
        self.walkin.setText(self.tr("First visit / walk-in\nI have no appointment"))
        self.survey.setText(self.tr("Rate your visit\nTell us how we did"))
        self.help.setText(self.tr("Call a guide\nA person will come to help"))
        self.larger.setText(self.tr("Normal text") if self.k.large_text else self.tr("Larger text"))
        for code, b in self.languages.items():
            set_role(b, "chosen" if code == self.k.lang else "choice")


class CheckInScreen(Screen):
    """By the check-in code (typed or scanned) or by phone number plus the name's first
    character."""

    name = "checkin"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.by_code = button("chosen")
        self.by_phone = button("choice")
        self.by_code.clicked.connect(lambda: self.set_mode("code"))
        self.by_phone.clicked.connect(lambda: self.set_mode("phone"))
        self.pages = QStackedWidget()

        # by code
        code_page = QWidget()
        self.code_hint = label("hint")
        self.code = Field(12, r"[0-9A-Za-z\- ]*")
        self.code_pad = Keypad(CODE_KEYS, 9)
        self.code_pad.target = self.code
        self.code_pad.done.connect(self.look_up)
        self.code.returnPressed.connect(self.look_up)
        code_page.setLayout(vbox(self.code_hint, self.code, self.code_pad))

        # by phone
        phone_page = QWidget()
        self.phone_label = label("body")
        self.phone = Field(13, r"[0-9 \-]*")
        self.first_label = label("body")
        self.first_char = Field(1)
        self.phone_pad = DigitPad()
        FocusFollower(self.phone_pad, [self.phone])
        self.phone_pad.done.connect(self.look_up)
        self.first_char.returnPressed.connect(self.look_up)
        fields = vbox(self.phone_label, self.phone, self.first_label, self.first_char)
        fields.addStretch(1)
        self.phone_split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.phone_split.setSpacing(2 * GAP_PX)
        self.phone_split.addLayout(fields, 1)
        self.phone_split.addWidget(self.phone_pad, 1)
        phone_page.setLayout(self.phone_split)

        self.pages.addWidget(code_page)
        self.pages.addWidget(phone_page)
        self.message = label("error")
        self.message.hide()
        self.message_help = button("help")
        self.message_help.clicked.connect(lambda: kiosk.call_guide())
        self.message_help.hide()
        box = vbox(self.heading)
        box.addLayout(hbox(self.by_code, self.by_phone))
        box.addWidget(self.pages, 1)
        box.addLayout(hbox(self.message, self.message_help))
        self.setLayout(box)
        self.mode = "code"
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Appointment check-in"))
        self.by_code.setText(self.tr("Check-in code"))
        self.by_phone.setText(self.tr("Phone number"))
        self.code_hint.setText(
            self.tr(
                "Type the 6-character code from your booking message, or hold the message's "
                "QR code under the scanner."
            )
        )
        self.code.setPlaceholderText(self.tr("Check-in code"))
        self.phone_label.setText(self.tr("Mobile number used for the booking"))
        self.first_label.setText(self.tr("First character of the patient's name"))
        self.message_help.setText(self.tr("Call a guide"))

    def set_portrait(self, portrait: bool) -> None:
        _flip(self.phone_split, portrait)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        show_page(self.pages, self.pages.widget(0 if mode == "code" else 1))
        set_role(self.by_code, "chosen" if mode == "code" else "choice")
        set_role(self.by_phone, "chosen" if mode == "phone" else "choice")
        self.hide_message()
        (self.code if mode == "code" else self.phone).setFocus()

    def entered(self) -> None:
        (self.code if self.mode == "code" else self.phone).setFocus()

    def clear(self) -> None:
        for f in (self.code, self.phone, self.first_char):
            f.clear()
        self.busy = False
        self.hide_message()
        self.set_mode("code")

    def show_message(self, text: str, *, offer_help: bool = True) -> None:
        self.message.setText(text)
        self.message.show()
        self.message_help.setVisible(offer_help)
        self.code_hint.hide()  # the message takes the hint's place: the page keeps its height
        self.k.say(text)

    def hide_message(self) -> None:
        self.message.hide()
        self.message_help.hide()
        self.code_hint.show()

    def look_up(self) -> None:
        if self.busy:
            return
        self.hide_message()
        self.busy = True
        if self.mode == "code":
            code = self.code.text()
            self.k.bridge.call(lambda b: b.find_by_code(code), self._found, self._failed)
        else:
            phone, first = self.phone.text(), self.first_char.text()
            self.k.bridge.call(lambda b: b.find_by_phone(phone, first), self._found, self._failed)

    def _found(self, result: AppointmentView | list[AppointmentView]) -> None:
        self.busy = False
        views = result if isinstance(result, list) else [result]
        self.k.confirm(views)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.show_message(self.k.message(error))


class ConfirmScreen(Screen):
    """ "Is this you?" — the appointment, masked; with several (same phone, same first
    character) each is a card to pick."""

    name = "confirm"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.hint = label("hint")
        self.cards_box = vbox()
        self.yes = button("primary")
        self.no = button("secondary")
        self.yes.clicked.connect(self.check_in)
        self.no.clicked.connect(lambda: kiosk.go("checkin"))
        self.message = label("error")
        self.message.hide()
        box = vbox(self.heading, self.hint)
        box.addLayout(self.cards_box)
        box.addWidget(self.message)
        box.addStretch(1)
        box.addLayout(hbox(self.no, self.yes))
        self.setLayout(box)
        self.views: list[AppointmentView] = []
        self.cards: list[TapCard] = []
        self.chosen: str | None = None
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Is this your appointment?"))
        self.hint.setText(
            self.tr("Tap your appointment, then check in.")
            if len(self.views) > 1
            else self.tr("Please check the details, then check in.")
        )
        self.yes.setText(self.tr("Yes, check me in"))
        self.no.setText(self.tr("No, go back"))
        for card, view in zip(self.cards, self.views, strict=False):
            card.title.setText(f"{view.local_time}  {self.k.pick(view.department)}")
            doctor = self.k.pick(view.doctor) if view.doctor else ""
            card.text.setText(
                "  ·  ".join(p for p in (view.masked_name, doctor, self._where(view)) if p)
            )

    def _where(self, view: AppointmentView) -> str:
        return _where(view.floor, view.room)

    def show_views(self, views: list[AppointmentView]) -> None:
        self.clear()
        self.views = list(views)
        for view in self.views:
            card = TapCard()
            card.clicked.connect(lambda v=view: self.choose(v.appointment_id))
            self.cards_box.addWidget(card)
            self.cards.append(card)
        if len(self.views) == 1:
            self.choose(self.views[0].appointment_id)
        self.yes.setEnabled(self.chosen is not None)
        self.retranslate()
        text = self.heading.text() + " " + "。".join(c.title.text() for c in self.cards)
        self.k.say(text)

    def choose(self, appointment_id: str) -> None:
        self.chosen = appointment_id
        for card, view in zip(self.cards, self.views, strict=True):
            card.set_chosen(view.appointment_id == appointment_id)
        self.yes.setEnabled(True)

    def clear(self) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        self.views = []
        self.chosen = None
        self.busy = False
        self.message.hide()

    def check_in(self) -> None:
        if self.busy or self.chosen is None:
            return
        self.busy = True
        appointment_id = self.chosen
        self.k.bridge.call(lambda b: b.check_in(appointment_id), self._done, self._failed)

    def _done(self, ticket: TicketInfo) -> None:
        self.busy = False
        self.k.show_ticket(ticket)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(self.k.message(error))
        self.message.show()
        self.k.say(self.message.text())


class TicketScreen(Screen):
    """The number, where to go, and the QR code; printed as it is shown."""

    name = "ticket"

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.number = label("ticket", wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.department = label("heading")
        self.where = label("heading")
        self.directions = label("body")
        self.details = label("body")
        self.qr = label("card", wrap=False)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_hint = label("hint")
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_status = label("ok")
        self.again = button("secondary")
        self.again.clicked.connect(self.speak)
        self.reprint = button("secondary")
        self.reprint.clicked.connect(lambda: self.k.print_ticket(self.ticket))
        self.done = button("primary")
        self.done.clicked.connect(kiosk.finish)
        left = vbox(self.heading, self.number, self.department, self.where, self.directions)
        left.addStretch(1)
        right = vbox(self.qr, self.qr_hint, self.details)
        right.addStretch(1)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(3 * GAP_PX)
        self.split.addLayout(left, 3)
        self.split.addLayout(right, 2)
        box = vbox()
        box.addLayout(self.split, 1)
        box.addWidget(self.print_status)
        box.addLayout(hbox(self.again, self.reprint, self.done))
        self.setLayout(box)
        self.ticket: TicketInfo | None = None
        self.print_state = "none"
        self.retranslate()

    def set_portrait(self, portrait: bool) -> None:
        _flip(self.split, portrait)

    def show_ticket(self, ticket: TicketInfo) -> None:
        from kiosk.printing import qr_image

        self.ticket = ticket
        self.qr.setPixmap(QPixmap.fromImage(qr_image(ticket.qr, 300)))
        self.print_state = "printing"
        self.retranslate()

    def set_print_state(self, state: str) -> None:
        self.print_state = state
        self.retranslate()

    def lines(self) -> dict[str, str]:
        """The ticket's texts in the current language (the screen and the paper agree)."""
        t = self.ticket
        if t is None:
            return {}
        when = self.tr("Checked in at %1").replace("%1", t.issued_at)
        if t.appointment_time:
            when = self.tr("Appointment %1").replace("%1", t.appointment_time) + " · " + when
        doctor = self.tr("Doctor: %1").replace("%1", self.k.pick(t.doctor)) if t.doctor else ""
        return {
            "ticket": t.ticket,
            "department": self.k.pick(t.department),
            "where": _where(t.floor, t.room),
            "directions": self.k.pick(t.directions),
            "doctor": doctor,
            "name": t.masked_name,
            "time": f"{t.day.isoformat()}  {when}",
            "guide": self.tr("A guide has been asked to come and walk with you.")
            if t.needs_guide
            else "",
            "footer": self.tr("Show this ticket to any guide. Scan its code to rate your visit."),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your number"))
        self.again.setText(self.tr("Say it again"))
        self.reprint.setText(self.tr("Print again"))
        self.done.setText(self.tr("Done"))
        self.qr_hint.setText(self.tr("Guides scan this code"))
        lines = self.lines()
        if lines:
            self.number.setText(lines["ticket"])
            self.department.setText(lines["department"])
            self.where.setText(lines["where"])
            self.directions.setText(lines["directions"])
            self.details.setText(
                "\n".join(
                    x for x in (lines["name"], lines["doctor"], lines["time"], lines["guide"]) if x
                )
            )
        states = {
            "printing": ("ok", self.tr("Printing your ticket…")),
            "printed": ("ok", self.tr("✓ Your ticket is printed. Please take it.")),
            "failed": (
                "warn",
                self.tr(
                    "⚠ The printer is not working. Please remember your number or take a "
                    "photo of this screen; the guides have been told."
                ),
            ),
        }
        role, text = states.get(self.print_state, ("ok", ""))
        set_role(self.print_status, role)
        self.print_status.setText(text)
        self.print_status.setVisible(bool(text))
        self.reprint.setVisible(self.print_state == "failed")

    def speak(self) -> None:
        lines = self.lines()
        if lines:
            self.k.say(
                "，".join(
                    x
                    for x in (
                        self.tr("Your number is %1").replace("%1", " ".join(lines["ticket"])),
                        lines["department"],
                        lines["where"],
                        lines["directions"],
                        lines["guide"],
                    )
                    if x
                )
            )

    def entered(self) -> None:
        self.speak()

    def clear(self) -> None:
        self.ticket = None
        self.print_state = "none"
        self.qr.clear()
        for w in (self.number, self.department, self.where, self.directions, self.details):
            w.clear()
        self.retranslate()


class HelpScreen(Screen):
    """ "A guide is on the way" — and, once a guide answers, who."""

    name = "help"
    POLL_MS = 2000

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.body = label("body")
        self.state = label("warn")
        self.back = button("secondary")
        self.back.clicked.connect(kiosk.back_from_help)
        box = vbox(self.heading, self.body, self.state)
        box.addStretch(1)
        box.addWidget(self.back)
        self.setLayout(box)
        self.status: HelpStatus | None = None
        self.failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("A guide is on the way"))
        self.body.setText(
            self.tr("Please stay here at %1. A guide will come to you.").replace(
                "%1", self.k.location()
            )
        )
        self.back.setText(self.tr("Back"))
        if self.failed:
            role, text = (
                "error",
                self.tr(
                    "We could not send your call. Please go to the guide desk near the entrance."
                ),
            )
        elif self.status is None:
            role, text = "warn", self.tr("Calling a guide…")
        elif self.status.acknowledged:
            role, text = (
                "ok",
                self.tr("✓ %1 is coming to you.").replace(
                    "%1", self.status.guide_name or self.tr("A guide")
                ),
            )
        else:
            role, text = "warn", self.tr("Waiting for a guide to answer…")
        set_role(self.state, role)
        self.state.setText(text)

    def start(self, visit_id: str | None) -> None:
        self.status = None
        self.failed = False
        self.retranslate()
        lang = self.k.lang
        self.k.bridge.call(lambda b: b.call_guide(lang, visit_id), self._called, self._failed)

    def _called(self, status: HelpStatus) -> None:
        self.status = status
        self.retranslate()
        self.timer.start()

    def _failed(self, error: BaseException) -> None:
        self.failed = True
        self.retranslate()

    def poll(self) -> None:
        if self.status is None or self.status.acknowledged:
            self.timer.stop()
            return
        request_id = self.status.request_id
        self.k.bridge.call(lambda b: b.help_status(request_id), self._polled)

    def _polled(self, status: HelpStatus) -> None:
        was = self.status.acknowledged if self.status else False
        self.status = status
        self.retranslate()
        if status.acknowledged and not was:
            self.timer.stop()
            self.k.say(self.state.text())

    def entered(self) -> None:
        self.k.say(self.heading.text() + "。" + self.body.text())

    def clear(self) -> None:
        self.timer.stop()
        self.status = None
        self.failed = False
        self.retranslate()
