"""First visit / walk-in registration at the kiosk: the privacy notice first (agree and
decline side by side, the same size), then the patient, then why they came, then the
department — each described in plain words.  Declining still gets a ticket and a guide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QWidget,
)

from gui.roles import set_role
from kiosk.screens import Screen, flip
from kiosk.theme import GAP_PX
from kiosk.widgets import (
    DigitPad,
    Field,
    FocusFollower,
    TapCard,
    button,
    hbox,
    label,
    show_page,
    vbox,
)

if TYPE_CHECKING:
    from app.kiosk_backend import DepartmentInfo
    from app.services.registration import PatientForm, VisitForm
    from app.services.tickets import TicketInfo
    from kiosk.host import Kiosk

CONSENT, PERSON, PURPOSE, DEPARTMENT = range(4)
STEP_OF_FIELD = {
    "name": PERSON,
    "gender": PERSON,
    "age": PERSON,
    "phone": PERSON,
    "district": PURPOSE,
    "source_channel": PURPOSE,
    "purpose": PURPOSE,
    "purpose_text": PURPOSE,
    "department": DEPARTMENT,
}


class Choices(QWidget):
    """A row of equal buttons of which one may be chosen."""

    def __init__(self, keys: list[str], columns: int = 0) -> None:
        super().__init__()
        self.buttons: dict[str, Any] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(GAP_PX)
        columns = columns or len(keys)
        for i, key in enumerate(keys):
            b = button("choice")
            b.clicked.connect(lambda _=False, k=key: self.set_value(k))
            grid.addWidget(b, i // columns, i % columns)
            self.buttons[key] = b
        self.value: str | None = None

    def set_value(self, key: str | None) -> None:
        self.value = key
        for k, b in self.buttons.items():
            set_role(b, "chosen" if k == key else "choice")

    def set_texts(self, texts: dict[str, str]) -> None:
        for k, text in texts.items():
            self.buttons[k].setText(text)


class WalkInScreen(Screen):
    name = "walkin"

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.steps = QStackedWidget()
        self.message = label("error")
        self.message.hide()
        self.back = button("secondary")
        self.next = button("primary")
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)

        # 1. consent — and first, before any question: chest pain, heavy bleeding, trouble
        # breathing? A guide comes now (the duty lead is told at once); nothing is asked.
        consent = QWidget()
        self.red_flag = TapCard(role="urgent")
        self.red_flag.clicked.connect(lambda: self.k.call_guide(reason="emergency"))
        self.consent_text = label("body")
        self.agree = button("choice")
        self.decline = button("choice")
        self.agree.clicked.connect(lambda: self.set_consent(True))
        self.decline.clicked.connect(lambda: self.set_consent(False))
        c = vbox(self.red_flag, self.consent_text)
        c.addStretch(1)
        c.addLayout(hbox(self.decline, self.agree))
        consent.setLayout(c)

        # 2. the person
        person = QWidget()
        self.name_label = label("body")
        self.full_name = Field(20)
        self.gender_label = label("body")
        self.gender = Choices(["F", "M", "U"])
        self.age_label = label("body")
        self.age = Field(3, r"[0-9]*")
        self.phone_label = label("body")
        self.phone = Field(13, r"[0-9 \-]*")
        self.pad = DigitPad(ok=False)
        FocusFollower(self.pad, [self.age, self.phone])
        self.pad.target = self.age
        fields = vbox(self.name_label, self.full_name, self.gender_label, self.gender)
        fields.addLayout(
            hbox(
                _column(self.age_label, self.age),
                _column(self.phone_label, self.phone),
            )
        )
        fields.addStretch(1)
        self.person_split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.person_split.setSpacing(2 * GAP_PX)
        self.person_split.addLayout(fields, 3)
        self.person_split.addWidget(self.pad, 2)
        person.setLayout(self.person_split)

        # 3. why they came
        purpose = QWidget()
        self.purpose_label = label("body")
        self.purpose = Choices(["consultation", "treatment"])
        self.purpose_text_label = label("body")
        self.purpose_text = Field(60)
        self.source_label = label("body")
        self.source = Choices(["network", "phone", "referral", "walk_in"], columns=2)
        self.district_label = label("body")
        self.district = Field(20)
        why = vbox(self.purpose_label, self.purpose, self.purpose_text_label, self.purpose_text)
        why.addStretch(1)
        about = vbox(self.source_label, self.source, self.district_label, self.district)
        about.addStretch(1)
        self.purpose_split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.purpose_split.setSpacing(3 * GAP_PX)
        self.purpose_split.addLayout(why, 1)
        self.purpose_split.addLayout(about, 1)
        p = self.purpose_split
        purpose.setLayout(p)

        # 4. department
        self.dept_page = QScrollArea()
        self.dept_page.setWidgetResizable(True)
        self.dept_page.setFrameShape(QScrollArea.Shape.NoFrame)
        QScroller.grabGesture(
            self.dept_page.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        inner = QWidget()
        self.dept_grid = QGridLayout(inner)
        self.dept_grid.setSpacing(GAP_PX)
        self.dept_page.setWidget(inner)
        self.dept_cards: dict[str, TapCard] = {}
        # not sure which department: a guide helps choose (the walk-in waits where it is)
        self.dont_know = TapCard()
        self.dont_know.clicked.connect(lambda: self.k.call_guide(reason="department"))
        self.departments: list[DepartmentInfo] = []
        self.department: str | None = None
        self.columns = 3

        for page in (consent, person, purpose, self.dept_page):
            self.steps.addWidget(page)
        box = vbox(self.heading)
        box.addWidget(self.steps, 1)
        box.addWidget(self.message)
        box.addLayout(hbox(self.back, self.next))
        self.setLayout(box)
        self.consent: bool | None = None
        self.busy = False
        self.retranslate()
        self.show_step(CONSENT)

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        step = self.steps.currentIndex()
        self.heading.setText(
            [
                self.tr("First visit: before we start"),
                self.tr("First visit: about you"),
                self.tr("First visit: why you came"),
                self.tr("First visit: choose a department"),
            ][max(step, 0)]
        )
        self.consent_text.setText(self._notice())
        self.red_flag.title.setText(
            self.tr("Chest pain, heavy bleeding or trouble breathing right now?")
        )
        self.red_flag.text.setText(self.tr("Tap here: a guide comes to you at once."))
        self.dont_know.title.setText(self.tr("I don't know which department"))
        self.dont_know.text.setText(self.tr("Tap here: a guide will help you choose."))
        self.agree.setText(self.tr("I agree"))
        self.decline.setText(self.tr("I do not agree"))
        self.name_label.setText(self.tr("Name"))
        self.gender_label.setText(self.tr("Sex"))
        self.gender.set_texts(
            {"F": self.tr("Female"), "M": self.tr("Male"), "U": self.tr("Prefer not to say")}
        )
        self.age_label.setText(self.tr("Age"))
        self.phone_label.setText(self.tr("Mobile number"))
        self.purpose_label.setText(self.tr("Why did you come today?"))
        self.purpose.set_texts(
            {
                "consultation": self.tr("To ask or see a doctor"),
                "treatment": self.tr("For a treatment"),
            }
        )
        self.purpose_text_label.setText(self.tr("In a few words (you may leave this empty)"))
        self.source_label.setText(self.tr("How did you hear of us?"))
        self.source.set_texts(
            {
                "network": self.tr("Internet"),
                "phone": self.tr("Telephone"),
                "referral": self.tr("Someone told me"),
                "walk_in": self.tr("I was passing by"),
            }
        )
        self.district_label.setText(self.tr("Home district (you may leave this empty)"))
        self.back.setText(self.tr("Back"))
        self.next.setText(self.tr("Get my number") if step == DEPARTMENT else self.tr("Next"))
        for dept in self.departments:
            card = self.dept_cards.get(dept.id)
            if card is not None:
                card.title.setText(self.k.pick(dept.name))
                card.text.setText(self.k.pick(dept.description))

    # -- steps ------------------------------------------------------------------------------

    def show_step(self, step: int) -> None:
        show_page(self.steps, self.steps.widget(step))
        self.next.setVisible(step != CONSENT)
        self.back.setText(self.tr("Back"))
        self.hide_message()
        self.retranslate()
        if step == PERSON:
            self.full_name.setFocus()
        if step == DEPARTMENT and not self.departments:
            self.k.bridge.call(lambda b: b.departments(), self._departments, self._failed)

    def set_consent(self, agreed: bool) -> None:
        self.consent = agreed
        self.show_step(PERSON if agreed else DEPARTMENT)

    def go_back(self) -> None:
        step = self.steps.currentIndex()
        if step == CONSENT:
            self.k.go("welcome")
        elif step == DEPARTMENT and not self.consent:
            self.show_step(CONSENT)
        else:
            self.show_step(step - 1)

    def go_next(self) -> None:
        step = self.steps.currentIndex()
        if step in (PERSON, PURPOSE) and self._page_refused(step):
            return
        if step < DEPARTMENT:
            self.show_step(step + 1)
        else:
            self.submit()

    def _departments(self, departments: list[DepartmentInfo]) -> None:
        self.departments = departments
        for dept in departments:
            card = TapCard()
            card.clicked.connect(lambda d=dept.id: self.choose_department(d))
            self.dept_cards[dept.id] = card
        self._place_cards()
        self.retranslate()

    def _place_cards(self) -> None:
        cards = [self.dept_cards[d.id] for d in self.departments]
        if self.departments:
            cards.append(self.dont_know)  # last, after every department
        for i, card in enumerate(cards):
            self.dept_grid.removeWidget(card)
            self.dept_grid.addWidget(card, i // self.columns, i % self.columns)
        for col in range(3):  # columns of one width, whatever their words
            self.dept_grid.setColumnStretch(col, 1 if col < self.columns else 0)

    def set_portrait(self, portrait: bool) -> None:
        flip(self.person_split, portrait)
        flip(self.purpose_split, portrait)
        self.columns = 2 if portrait else 3
        self._place_cards()

    def choose_department(self, dept_id: str) -> None:
        self.department = dept_id
        for key, card in self.dept_cards.items():
            card.set_chosen(key == dept_id)

    # -- submit -----------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        patient, visit = self._forms()
        lang = self.k.lang
        self.busy = True
        consent = bool(self.consent)

        def register(b: Any) -> TicketInfo:
            ticket = b.register_walk_in(patient, visit)
            if not consent:  # nothing about them is stored: a guide comes to them now
                b.call_guide(lang, ticket.visit_id)
            return ticket

        self.k.bridge.call(register, self._done, self._failed)

    def _forms(self) -> tuple[PatientForm | None, VisitForm]:
        """What the patient has given so far (nothing about them without their consent)."""
        from app.services.registration import PatientForm, VisitForm

        patient = None
        if self.consent:
            patient = PatientForm(
                name=self.full_name.text(),
                gender=self.gender.value or "U",
                age=self.age.text(),
                phone=self.phone.text(),
                district=self.district.text(),
                source_channel=self.source.value,
            )
        visit = VisitForm(
            purpose=self.purpose.value if self.consent else "consultation",
            purpose_text=self.purpose_text.text() if self.consent else "",
            department_id=self.department,
            language=self.k.lang,  # the guide who comes to them knows which to speak
        )
        return patient, visit

    def _page_refused(self, step: int) -> bool:
        """Check the page being left; say what is wrong on it and stay."""
        from app.errors import ValidationError
        from app.services.registration import page_errors

        patient, visit = self._forms()
        fields = {f for f, s in STEP_OF_FIELD.items() if s == step}
        errors = page_errors(patient, visit, fields)
        if errors:
            self.show_message(self.k.message(ValidationError(errors)))
        return bool(errors)

    def _done(self, ticket: TicketInfo) -> None:
        self.busy = False
        self.k.show_ticket(ticket)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        errors = getattr(error, "errors", None)
        if errors:
            first = min(STEP_OF_FIELD.get(e.field, DEPARTMENT) for e in errors)
            if first != self.steps.currentIndex():
                self.show_step(first)
        self.show_message(self.k.message(error))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.k.say(text)

    def hide_message(self) -> None:
        self.message.hide()

    def _notice(self) -> str:
        """What happens to what the patient types, exactly as this kiosk does it
        (app/kiosk_backend.py: ``forget_sent``, ``forget_before``)."""
        if self.k.connected():
            kept = self.tr(
                "To register you, we write down your name, sex, age, mobile number and home "
                "district. They go to the hospital's system, which uses them only for your "
                "care. This kiosk keeps no copy: it deletes them as soon as the hospital has "
                "them (if its network is down, when it is back). Your ticket shows your name "
                "masked."
            )
        else:
            kept = self.tr(
                "To register you, we write down your name, sex, age, mobile number and home "
                "district. The hospital uses them only for your care. This kiosk deletes them "
                "when the day ends. Your ticket shows your name masked."
            )
        return (
            kept
            + "\n\n"
            + self.tr(
                "You may say no. You will still get a number, and a guide will come to help you."
            )
        )

    def entered(self) -> None:
        self.consent_text.setText(self._notice())

    def clear(self) -> None:
        for f in (self.full_name, self.age, self.phone, self.purpose_text, self.district):
            f.clear()
        for choices in (self.gender, self.purpose, self.source):
            choices.set_value(None)
        self.consent = None
        self.department = None
        for card in self.dept_cards.values():
            card.set_chosen(False)
        self.busy = False
        self.show_step(CONSENT)


def _column(*widgets: QWidget) -> QWidget:
    w = QWidget()
    box = vbox(*widgets)
    box.setContentsMargins(0, 0, 0, 0)
    box.setAlignment(Qt.AlignmentFlag.AlignTop)
    w.setLayout(box)
    return w
