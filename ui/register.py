"""导医登记: registering a patient at the desk in seconds — returning patients found as the phone
or name is typed, a duplicate warned about before a second record is made, every wrong field
marked and named, and nothing typed lost when the back end says no."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontDeskError, ValidationError
from app.lang import pick
from app.services.registration import PatientForm, PatientMatch, RegistrationResult, VisitForm
from app.services.triage import DepartmentRoster
from gui.roles import set_role
from ui.priority_words import PRIORITIES, priority_word

if TYPE_CHECKING:
    from ui.desk import Desk

SOURCES = ("", "network", "phone", "walk_in", "referral", "returning")


def source_names() -> dict[str, str]:
    """How the patient came to us, as people say it (registration and the shift report)."""
    return {
        "network": QCoreApplication.translate("Sources", "Internet"),
        "phone": QCoreApplication.translate("Sources", "Telephone"),
        "walk_in": QCoreApplication.translate("Sources", "Walked in"),
        "referral": QCoreApplication.translate("Sources", "Referral"),
        "returning": QCoreApplication.translate("Sources", "Returning patient"),
    }


PURPOSES = ("consultation", "treatment")


class RegisterPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.patient_id: str | None = None
        self.matches: list[PatientMatch] = []
        self.confirm_duplicate = False
        self.roster: list[DepartmentRoster] = []

        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.gender = QComboBox()
        self.age = QLineEdit()
        self.age.setMaxLength(3)
        self.age.setMaximumWidth(90)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.district = QLineEdit()
        self.district.setMaxLength(40)
        self.source = QComboBox()
        self.purpose = QComboBox()
        self.purpose_text = QLineEdit()
        self.purpose_text.setMaxLength(200)
        self.appointment = QCheckBox()
        self.department = QComboBox()
        self.doctor = QComboBox()
        self.designated = QCheckBox()
        self.needs_escort = QCheckBox()
        self.vip = QCheckBox()
        self.priority = QComboBox()  # an emergency, the elderly, the disabled: first on the board
        self.submit = QPushButton()
        set_role(self.submit, "primary")
        self.clear_button = QPushButton()
        self.errors = QLabel()
        set_role(self.errors, "error")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.heading = QLabel()
        set_role(self.heading, "heading")

        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(16)
        self.rows: dict[str, QWidget] = {
            "name": self.name,
            "gender": self.gender,
            "age": self.age,
            "phone": self.phone,
            "district": self.district,
            "source_channel": self.source,
            "purpose": self.purpose,
            "purpose_text": self.purpose_text,
            "appointment": self.appointment,
            "department": self.department,
            "doctor": self.doctor,
            "designated": self.designated,
            "needs_escort": self.needs_escort,
            "vip": self.vip,
            "priority": self.priority,
        }
        self.labels: dict[str, QLabel] = {}
        for key, widget in self.rows.items():
            lab = QLabel()
            lab.setBuddy(widget)
            self.labels[key] = lab
            self.form.addRow(lab, widget)

        self.match_title = QLabel()
        set_role(self.match_title, "heading")
        self.match_hint = QLabel()
        set_role(self.match_hint, "muted")
        self.match_hint.setWordWrap(True)
        self.match_list = QListWidget()
        self.match_list.itemActivated.connect(self._pick)
        self.match_list.itemClicked.connect(self._pick)
        self.not_them = QPushButton()
        self.not_them.clicked.connect(self._forget_match)
        self.not_them.hide()

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.banner)
        left.addLayout(self.form)
        left.addWidget(self.errors)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.match_title)
        right.addWidget(self.match_hint)
        right.addWidget(self.match_list, 1)
        right.addWidget(self.not_them)
        form = QWidget()  # the whole form scrolls on a short screen (1366×768 desks)
        outer = QHBoxLayout(form)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(32)
        outer.addLayout(left, 3)
        outer.addLayout(right, 2)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(form)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroller)

        self.lookup_timer = QTimer(self)
        self.lookup_timer.setSingleShot(True)
        self.lookup_timer.setInterval(200)
        self.lookup_timer.timeout.connect(self._lookup)
        self.phone.textEdited.connect(self._typed)
        self.name.textEdited.connect(self._typed)
        self.department.currentIndexChanged.connect(self._fill_doctors)
        self.doctor.currentIndexChanged.connect(self._doctor_changed)
        self.submit.clicked.connect(self._submit)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Register an arriving patient"))
        names = {
            "name": self.tr("&Name"),
            "gender": self.tr("Gender"),
            "age": self.tr("&Age"),
            "phone": self.tr("&Mobile phone"),
            "district": self.tr("Home district"),
            "source_channel": self.tr("Source channel"),
            "purpose": self.tr("Purpose"),
            "purpose_text": self.tr("Question or visit goal"),
            "appointment": self.tr("Appointment"),
            "department": self.tr("&Department"),
            "doctor": self.tr("Doctor"),
            "designated": self.tr("Designated"),
            "needs_escort": self.tr("Needs escort"),
            "vip": "VIP",
            "priority": self.tr("Priority"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self._fill(
            self.gender,
            [("U", self.tr("Not stated")), ("F", self.tr("Female")), ("M", self.tr("Male"))],
        )
        names = {"": self.tr("(not asked)"), **source_names()}
        self._fill(self.source, [(s, names[s]) for s in SOURCES])
        self._fill(
            self.purpose,
            [("consultation", self.tr("See a doctor")), ("treatment", self.tr("Treatment"))],
        )
        self.appointment.setText(self.tr("Has an appointment today"))
        self.designated.setText(self.tr("The patient asked for this doctor by name"))
        self.needs_escort.setText(self.tr("Elderly, disabled or frail: walk with them"))
        self.vip.setText(self.tr("VIP"))
        self._fill(self.priority, [(p, priority_word(p)) for p in PRIORITIES])
        self.phone.setPlaceholderText("13812345678")
        self.district.setPlaceholderText(self.tr("e.g. Chaoyang"))
        self.submit.setText(self.tr("Register (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("Clear"))
        self.match_title.setText(self.tr("Returning patients"))
        self.match_list.setAccessibleName(self.tr("Returning patients"))
        self.match_hint.setText(
            self.tr("Type 4 or more digits of the phone, or the start of the name.")
        )
        self.not_them.setText(self.tr("Not this patient: register as new"))
        self.set_roster(self.roster)
        self._show_matches(self.matches)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def set_roster(self, roster: list[DepartmentRoster]) -> None:
        self.roster = roster
        lang = self.desk.lang
        self._fill(
            self.department,
            [("", self.tr("(triage later)"))]
            + [(d.department_id, pick(d.name, lang)) for d in roster],
        )
        self._fill_doctors()

    def _fill_doctors(self) -> None:
        lang = self.desk.lang
        dept = next(
            (d for d in self.roster if d.department_id == self.department.currentData()), None
        )
        items = [("", self.tr("(any doctor)"))]
        if dept is not None:
            for doc in dept.doctors:
                waiting = self.tr("%n waiting", "", doc.waiting)
                items.append(
                    (doc.doctor_id, f"{pick(doc.name, lang)} · {pick(doc.title, lang)} · {waiting}")
                )
        self._fill(self.doctor, items)
        self.doctor.setEnabled(dept is not None)
        self._doctor_changed()

    def _doctor_changed(self) -> None:
        has_doctor = bool(self.doctor.currentData())
        self.designated.setEnabled(has_doctor)
        if not has_doctor:
            self.designated.setChecked(False)

    # -- returning patients ---------------------------------------------------------------

    def _typed(self) -> None:
        self.confirm_duplicate = False
        self.lookup_timer.start()

    def _lookup(self) -> None:
        phone, name, who = self.phone.text(), self.name.text(), self.desk.who
        self.desk.call(
            lambda b: b.find_patients(who, phone=phone, name=name),
            self._show_matches,
        )

    def _show_matches(self, matches: list[PatientMatch]) -> None:
        self.matches = matches
        self.match_list.clear()
        for m in matches:
            text = self.tr("%1 · %2 · %3 visits").replace("%1", m.name)
            text = text.replace("%2", m.masked_phone).replace("%3", str(m.visits))
            if m.age is not None:
                text += " · " + self.tr("%1 years").replace("%1", str(m.age))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.patient_id)
            self.match_list.addItem(item)

    def _pick(self, item: QListWidgetItem) -> None:
        match = next(
            (m for m in self.matches if m.patient_id == item.data(Qt.ItemDataRole.UserRole)), None
        )
        if match is None:
            return
        self.patient_id = match.patient_id
        self.name.setText(match.name)
        self.phone.setText(match.phone or "")
        self.age.setText("" if match.age is None else str(match.age))
        self.gender.setCurrentIndex(max(self.gender.findData(match.gender), 0))
        self.source.setCurrentIndex(self.source.findData("returning"))
        self.say(
            self.tr("Returning patient: %1 (%2 earlier visits)")
            .replace("%1", match.name)
            .replace("%2", str(match.visits)),
            "banner",
        )
        self.not_them.show()

    def _forget_match(self) -> None:
        self.patient_id = None
        self.not_them.hide()
        self.banner.hide()
        self.confirm_duplicate = True  # they said: a different person with that phone

    # -- submit ---------------------------------------------------------------------------

    def forms(self) -> tuple[PatientForm, VisitForm]:
        patient = PatientForm(
            name=self.name.text(),
            gender=self.gender.currentData() or "U",
            age=self.age.text().strip() or None,
            phone=self.phone.text(),
            district=self.district.text(),
            source_channel=self.source.currentData() or None,
        )
        visit = VisitForm(
            purpose=self.purpose.currentData(),
            purpose_text=self.purpose_text.text(),
            department_id=self.department.currentData() or None,
            doctor_id=self.doctor.currentData() or None,
            designated_doctor=self.designated.isChecked(),
            needs_escort=self.needs_escort.isChecked(),
            is_appointment=self.appointment.isChecked(),
            vip=self.vip.isChecked(),
            priority=self.priority.currentData() or "",
        )
        return patient, visit

    def _duplicate(self) -> PatientMatch | None:
        digits = "".join(ch for ch in self.phone.text() if ch.isdigit())
        return next((m for m in self.matches if m.phone and m.phone == digits), None)

    def _submit(self) -> None:
        self._mark([])
        same = self._duplicate() if self.patient_id is None else None
        if same is not None and not self.confirm_duplicate:
            self.confirm_duplicate = True
            self.say(
                self.tr(
                    "%1 is already registered with this phone. Pick them on the right, or "
                    "press Register again to create a new patient."
                ).replace("%1", same.masked_name),
                "warn",
            )
            return
        patient, visit = self.forms()
        patient_id = self.patient_id
        self.submit.setEnabled(False)
        self.desk.call(
            lambda b: b.register(self.desk.who, patient, visit, patient_id=patient_id),
            self._registered,
            self._refused,
        )

    def _registered(self, answer: tuple[RegistrationResult, Any]) -> None:
        result, update = answer
        self.submit.setEnabled(True)
        self.desk.rows_changed(update, select=result.visit_id)
        name = self.name.text().strip()
        self.clear()
        ticket = result.ticket or self.tr("no number yet: triage next")
        self.say(self.tr("Registered: %1 — %2").replace("%1", name).replace("%2", ticket), "banner")

    def _refused(self, error: BaseException) -> None:
        self.submit.setEnabled(True)
        if isinstance(error, ValidationError):
            self._mark(error.fields())
            self.errors.setText(error.message(self.desk.lang))
            self.errors.show()
        elif isinstance(error, FrontDeskError):
            self.errors.setText(error.message(self.desk.lang))
            self.errors.show()
        else:
            self.desk.unexpected(error)

    def _mark(self, fields: list[str]) -> None:
        self.errors.hide()
        first = None
        for key, widget in self.rows.items():
            bad = key in fields
            if widget.property("invalid") != bad:
                widget.setProperty("invalid", bad)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            if bad and first is None:
                first = widget
        if first is not None:
            first.setFocus()

    def say(self, text: str, role: str) -> None:
        set_role(self.banner, role)
        self.banner.setText(text)
        self.banner.show()

    def clear(self) -> None:
        for w in (self.name, self.age, self.phone, self.district, self.purpose_text):
            w.clear()
        for c in (
            self.gender,
            self.source,
            self.purpose,
            self.department,
            self.doctor,
            self.priority,
        ):
            c.setCurrentIndex(0)
        for b in (self.appointment, self.designated, self.needs_escort, self.vip):
            b.setChecked(False)
        self.patient_id = None
        self.confirm_duplicate = False
        self.not_them.hide()
        self.banner.hide()
        self._mark([])
        self._show_matches([])
        self.name.setFocus()
