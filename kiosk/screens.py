"""The kiosk's screens: what every screen is (``Screen``), welcome, appointment check-in and its
confirmation; the ticket (``kiosk.ticket_screen``), "a guide is coming" (``kiosk.help_screen``),
the walk-in form and the survey have modules of their own.  Each screen sets its texts in
``retranslate()`` (called again when the language changes), forgets everything it holds in
``clear()``, and talks to the back end only through the kiosk's bridge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
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
    from app.services.checkin import AppointmentView
    from app.services.tickets import TicketInfo
    from kiosk.host import Kiosk

CODE_KEYS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # app.services.checkin.CODE_ALPHABET


class Screen(QWidget):
    """A page of the kiosk."""

    name = "screen"

    def __init__(self, kiosk: Kiosk) -> None:
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


def where(floor: str, room: str) -> str:
    """Floor and room as the signs show them ("3F · 301-306"): the same in every language."""
    return f"{floor} · {room}" if room else floor


def flip(box: QBoxLayout, portrait: bool) -> None:
    box.setDirection(
        QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    )


class WelcomeScreen(Screen):
    name = "welcome"

    def __init__(self, kiosk: Kiosk) -> None:
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

    def __init__(self, kiosk: Kiosk) -> None:
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
        flip(self.phone_split, portrait)

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

    def __init__(self, kiosk: Kiosk) -> None:
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
        self.reprint = button("primary")  # checked in already: the same ticket again
        self.reprint.clicked.connect(self.print_again)
        self.reprint.hide()
        box = vbox(self.heading, self.hint)
        box.addLayout(self.cards_box)
        box.addWidget(self.message)
        box.addWidget(self.reprint)
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
        self.reprint.setText(self.tr("Print my ticket again"))
        for card, view in zip(self.cards, self.views, strict=False):
            card.title.setText(f"{view.local_time}  {self.k.pick(view.department)}")
            doctor = self.k.pick(view.doctor) if view.doctor else ""
            card.text.setText(
                "  ·  ".join(p for p in (view.masked_name, doctor, self.where(view)) if p)
            )

    def where(self, view: AppointmentView) -> str:
        return where(view.floor, view.room)

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
        set_role(self.message, "error")
        self.reprint.hide()
        self.yes.show()

    def print_again(self) -> None:
        if self.busy or self.chosen is None:
            return
        self.busy = True
        appointment_id = self.chosen
        self.k.bridge.call(lambda b: b.reprint(appointment_id), self._done, self._failed)

    def check_in(self) -> None:
        if self.busy or self.chosen is None:
            return
        self.busy = True
        appointment_id = self.chosen
        lang = self.k.lang
        self.k.bridge.call(lambda b: b.check_in(appointment_id, lang), self._done, self._failed)

    def _done(self, ticket: TicketInfo) -> None:
        self.busy = False
        self.k.show_ticket(ticket)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(self.k.message(error))
        self.message.show()
        # checked in already (a lost ticket, a printer that failed): offer the same ticket
        already = getattr(error, "code", None) == "already_checked_in"
        set_role(self.message, "warn" if already else "error")  # not a mistake: a fact
        self.reprint.setVisible(already)
        self.yes.setVisible(not already)  # nothing left to check in: one clear choice
        self.k.say(self.message.text())
