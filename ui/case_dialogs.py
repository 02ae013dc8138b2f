"""The case dialogs: a new case, fast enough for a phone call (keyboard first: type, Tab,
Ctrl+Enter), and one step on a case, asking only what that step must say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.case_desk import CaseDetail, CaseForm
from app.lang import pick
from gui.roles import set_role
from ui import case_words as words


def _combo(items: dict[str, str], first: str | None = None) -> QComboBox:
    box = QComboBox()
    for key, text in items.items():
        box.addItem(text, key)
    if first is not None:
        box.setCurrentIndex(max(0, box.findData(first)))
    return box


def _departments(box: QComboBox, depts: dict[str, tuple[str, str]], lang: str, none: str) -> None:
    box.addItem(none, None)
    for dept_id, names in sorted(depts.items(), key=lambda kv: kv[1][0]):
        box.addItem(pick(names, lang), dept_id)


def _text(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(28 * lines)
    return edit


# Steps that say something in words (a note, the answer given, what the investigation found…)
TEXT_STEPS = (
    "note",
    "answered",
    "investigated",
    "feedback",
    "not_satisfied",
    "callback_promised",
    "followed_up",
)


class _Dialog(QDialog):
    """A form, its error line and OK/Cancel, with Ctrl+Enter for OK."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None and cancel is not None:
            ok.setText(self.tr("OK (Ctrl+Enter)"))
            cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.submit)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def submit(self) -> None:  # overridden
        self.accept()

    def failed(self, message: str) -> None:
        """The back end refused: say why, keep everything typed."""
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)


class NewCaseDialog(_Dialog):
    """A new case; ``send(form, dialog)`` hands it to the back end."""

    def __init__(
        self,
        parent: QWidget | None,
        depts: dict[str, tuple[str, str]],
        lang: str,
        send: Callable[[CaseForm, NewCaseDialog], None],
        *,
        kind: str = "enquiry",
        channel: str = "phone",
        summary: str = "",
        request_id: str | None = None,
        visit_id: str | None = None,
        received_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent, self.tr("New case"))
        self.send = send
        self.request_id, self.visit_id, self.received_at = request_id, visit_id, received_at
        self.kind = _combo(words.kinds(), kind)
        self.channel = _combo(words.channels(), channel)
        self.summary = QLineEdit(summary)
        self.summary.setMaxLength(200)
        self.summary.setPlaceholderText(self.tr("In a few words: what is it about?"))
        self.content = _text(3)
        self.demand = _text(2)
        self.contact_name = QLineEdit()
        self.contact_name.setMaxLength(40)
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("mobile, or landline with area code"))
        self.department = QComboBox()
        _departments(self.department, depts, lang, self.tr("(not yet known)"))
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Kind"), self.kind),
            (self.tr("C&hannel"), self.channel),
            (self.tr("&Summary"), self.summary),
            (self.tr("What the person said"), self.content),
            (self.tr("What they ask for"), self.demand),
            (self.tr("Contact &name"), self.contact_name),
            (self.tr("Contact &phone"), self.contact_phone),
            (self.tr("&Department"), self.department),
        ]
        for label, field in rows:
            self.form.addRow(label, field)
        self.summary.setFocus()

    def submit(self) -> None:
        form = CaseForm(
            kind=self.kind.currentData(),
            channel=self.channel.currentData(),
            summary=self.summary.text(),
            content=self.content.toPlainText(),
            demand=self.demand.toPlainText(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            department_id=self.department.currentData(),
            request_id=self.request_id,
            visit_id=self.visit_id,
            received_at=self.received_at,
        )
        self.buttons.setEnabled(False)
        self.send(form, self)


class StepDialog(_Dialog):
    """One step on a case, with the fields that step must carry."""

    def __init__(
        self,
        parent: QWidget | None,
        case: CaseDetail,
        kind: str,
        lang: str,
        guides: list[tuple[str, str]],
        send: Callable[[str, dict[str, Any], StepDialog], None],
    ) -> None:
        super().__init__(parent, words.steps().get(kind, kind))
        self.kind, self.send = kind, send
        self.fields: dict[str, Callable[[], Any]] = {}
        heading = QLabel(case.summary)
        set_role(heading, "heading")
        heading.setWordWrap(True)
        self.form.addRow(heading)
        needs_department = kind in ("dispatched", "solution", "referred")
        if needs_department:
            dept = QComboBox()
            _departments(dept, case.departments, lang, self.tr("(choose)"))
            if case.department:
                for i in range(dept.count()):
                    if dept.itemText(i) == pick(case.department, lang):
                        dept.setCurrentIndex(i)
            self._add(self.tr("Department"), dept, "department_id", dept.currentData)
            if kind == "referred":  # the number to give the person, as they choose
                phone = QLabel()
                set_role(phone, "heading")

                def show_phone() -> None:
                    number = case.phones.get(dept.currentData() or "")
                    phone.setText(
                        self.tr("Give the number: %1").replace("%1", number)
                        if number
                        else self.tr("This department has no phone number on file.")
                    )

                dept.currentIndexChanged.connect(show_phone)
                show_phone()
                self.form.addRow("", phone)
        if kind in ("dispatched", "solution"):
            person = QLineEdit()
            self._add(self.tr("Person responsible"), person, "person", person.text)
        if kind == "solution":
            measures = _text(3)
            self._add(self.tr("Measures"), measures, "measures", measures.toPlainText)
            deadline = QDateEdit(QDate.currentDate().addDays(7))
            deadline.setCalendarPopup(True)
            deadline.setDisplayFormat("yyyy-MM-dd")
            self._add(
                self.tr("Deadline"),
                deadline,
                "deadline",
                lambda: deadline.date().toString("yyyy-MM-dd"),
            )
        if kind == "feedback":
            how = _combo(
                {
                    "phone": self.tr("By phone"),
                    "in_person": self.tr("In person"),
                    "letter": self.tr("By letter"),
                    "sms": self.tr("By text message"),
                }
            )
            self._add(self.tr("How"), how, "how", how.currentData)
        if kind == "track_set":
            track = _combo(words.tracks(), case.track)
            self._add(self.tr("Track"), track, "track", track.currentData)
        if kind in ("paused", "resumed"):
            names = words.clock_names()
            running = {
                c.name: names.get(c.name, c.name) for c in case.clocks if c.name != "feedback"
            }
            clock = _combo(running)
            self._add(self.tr("Clock"), clock, "clock", clock.currentData)
        if kind == "extended":
            days = QSpinBox()
            days.setRange(1, 30)
            days.setValue(5)
            self._add(self.tr("Working days more"), days, "days", days.value)
            approver = QLineEdit()
            self._add(self.tr("Approved by"), approver, "approver", approver.text)
            told = QCheckBox(self.tr("The person was told, with the new date"))
            self._add("", told, "told", told.isChecked)
        if kind == "handed_off":
            to = QComboBox()
            for staff_id, name in guides:
                to.addItem(name, staff_id)
            self._add(self.tr("To"), to, "to_staff_id", to.currentData)
        if kind in ("paused", "extended", "track_set", "corrected"):
            reason = _text(2)
            self._add(
                self.tr("Reason (told to the person where it concerns them)"),
                reason,
                "reason",
                reason.toPlainText,
            )
        if kind == "corrected":
            wrong = QComboBox()
            names = words.done()
            for step in reversed(case.steps):
                if not step.corrected and step.kind != "corrected":
                    wrong.addItem(
                        f"{names.get(step.kind, step.kind)} · {step.staff_name or ''}",
                        step.event_id,
                    )
            self._add(self.tr("Step to correct"), wrong, "supersedes", wrong.currentData)
        if kind == "closed" and case.kind == "complaint":
            for key, label in (
                ("causes", self.tr("Causes")),
                ("lessons", self.tr("Lessons")),
                ("improvements", self.tr("Improvements")),
            ):
                edit = _text(2)
                self._add(label, edit, key, edit.toPlainText)
        if kind in TEXT_STEPS:
            text = _text(4 if kind in ("note", "answered", "investigated") else 2)
            self._add(self.tr("What was said or done"), text, "text", text.toPlainText)
        first = self.form.itemAt(1, QFormLayout.ItemRole.FieldRole)
        widget = first.widget() if first is not None else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add(self, label: str, widget: QWidget, key: str, value: Callable[[], Any]) -> None:
        self.form.addRow(label, widget)
        self.fields[key] = value

    def submit(self) -> None:
        data = {key: value() for key, value in self.fields.items()}
        self.buttons.setEnabled(False)
        self.send(self.kind, data, self)
