"""Small dialogs of the board: hand a patient to another guide, the admission hand-off (ward
and receiving nurse), move to any allowed stage, and a visit's timeline with its correction.

Each dialog only collects an answer; the window sends it to the back end and shows the error,
if any, inside the dialog, which stays open so that nothing typed is lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.lang import pick
from app.services.board import BoardRow
from app.services.registration import PatientForm
from app.services.stages import stage_name
from app.services.validation import NOTE_MAX
from app.staff_backend import StaffMember, TimelineLine
from gui.roles import set_role
from ui.priority_words import PRIORITIES, priority_word


def _heading(text: str) -> QLabel:
    w = QLabel(text)
    set_role(w, "heading")
    w.setWordWrap(True)
    return w


def _error_label() -> QLabel:
    w = QLabel()
    set_role(w, "error")
    w.setWordWrap(True)
    w.hide()
    return w


class Dialog(QDialog):
    """Shared: a title line naming the visit, an error line, OK/Cancel."""

    def __init__(self, parent: QWidget | None, title: str, row: BoardRow | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = QVBoxLayout(self)
        if row is not None:
            self.box.addWidget(_heading(f"{row.ticket or '—'}  {row.name}"))
        self.error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt's own button texts would stay English: name them here
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.on_submit: Callable[[Any], None] | None = None

    def finish_layout(self) -> None:
        self.box.addWidget(self.error)
        self.box.addWidget(self.buttons)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def answer(self) -> Any:
        return None

    def submit(self) -> None:
        self.error.hide()
        if self.on_submit is not None:
            self.ok_button().setEnabled(False)
            self.on_submit(self.answer())
        else:
            self.accept()

    def failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.ok_button().setEnabled(True)
        self.adjustSize()  # a refusal of two or three lines is read whole, not cut off


class HandOffDialog(Dialog):
    """Who takes the patient over: each guide with how many patients they walk with now,
    the least busy first — a hand-off goes where there are hands."""

    def __init__(
        self,
        parent: QWidget | None,
        row: BoardRow,
        guides: list[StaffMember],
        escorting: dict[str, int] | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Hand off to another guide"), row)
        self.list = QListWidget()
        load = escorting or {}
        others = [g for g in guides if g.staff_id != row.escort_staff_id]
        others.sort(key=lambda g: load.get(g.staff_id, 0))  # stable: names stay in order
        for g in others:
            busy = load.get(g.staff_id, 0)
            item = QListWidgetItem(
                f"{g.name}  ·  " + self.tr("escorting %n now", "", busy)
                if busy
                else f"{g.name}  ·  " + self.tr("free")
            )
            item.setData(Qt.ItemDataRole.UserRole, g.staff_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.submit())
        self.box.addWidget(QLabel(self.tr("Who takes over?")))
        self.box.addWidget(self.list)
        self.finish_layout()

    def answer(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class AdmissionDialog(Dialog):
    def __init__(self, parent: QWidget | None, row: BoardRow) -> None:
        super().__init__(parent, self.tr("Admission hand-off"), row)
        form = QFormLayout()
        self.ward = QLineEdit()
        self.ward.setMaxLength(40)
        self.ward.setPlaceholderText(self.tr("e.g. 5th floor, cardiology ward"))
        self.nurse = QLineEdit()
        self.nurse.setMaxLength(40)
        form.addRow(self.tr("Ward"), self.ward)
        form.addRow(self.tr("Receiving nurse"), self.nurse)
        self.box.addLayout(form)
        self.finish_layout()

    def answer(self) -> tuple[str, str]:
        return self.ward.text(), self.nurse.text()


class NoteDialog(Dialog):
    """A note on the visit for the next guide: what the patient needs, what was arranged."""

    def __init__(self, parent: QWidget | None, row: BoardRow) -> None:
        super().__init__(parent, self.tr("Note on this visit"), row)
        self.text = QLineEdit()
        self.text.setMaxLength(NOTE_MAX)
        self.text.setPlaceholderText(
            self.tr("e.g. needs a wheelchair at the lift; family waiting at pharmacy")
        )
        self.text.returnPressed.connect(self.submit)
        self.box.addWidget(self.text)
        hint = QLabel(self.tr("Kept in the visit's timeline with your name, desk and time."))
        hint.setWordWrap(True)
        self.box.addWidget(hint)
        self.finish_layout()
        self.setMinimumWidth(480)

    def answer(self) -> str:
        return self.text.text()


class RevealDialog(Dialog):
    """A role that sees patients masked asks to see one in full: why, for the access log."""

    def __init__(self, parent: QWidget | None, row: BoardRow) -> None:
        super().__init__(parent, self.tr("Show the name and phone"), row)
        self.text = QLineEdit()
        self.text.setMaxLength(200)
        self.text.setPlaceholderText(self.tr("Why: e.g. calling back about a complaint"))
        self.text.returnPressed.connect(self.submit)
        self.box.addWidget(self.text)
        hint = QLabel(
            self.tr(
                "Your role sees patients masked. Shown until you sign out; the access log "
                "keeps who saw whom, when and why."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "muted")
        self.box.addWidget(hint)
        self.finish_layout()
        self.setMinimumWidth(480)

    def answer(self) -> str:
        return self.text.text()


class PriorityDialog(Dialog):
    """Who goes first: an emergency before everyone, the elderly and the disabled before the
    rest — or no priority.  Keys 0–3 choose, Enter sets."""

    def __init__(self, parent: QWidget | None, row: BoardRow) -> None:
        super().__init__(parent, self.tr("Priority"), row)
        self.choices = QButtonGroup(self)
        for i, value in enumerate(PRIORITIES):
            button = QRadioButton(f"{i}  {priority_word(value)}")
            button.setChecked(value == row.priority)
            self.choices.addButton(button, i)
            self.box.addWidget(button)
            key = QShortcut(QKeySequence(str(i)), self)
            key.activated.connect(button.click)
        hint = QLabel(
            self.tr("Sorted first on every desk's board; the timeline keeps who set it and when.")
        )
        hint.setWordWrap(True)
        set_role(hint, "muted")
        self.box.addWidget(hint)
        self.finish_layout()
        self.setMinimumWidth(440)

    def answer(self) -> str:
        return PRIORITIES[max(0, self.choices.checkedId())]


class DetailsDialog(Dialog):
    """A kiosk walk-in who declined the privacy notice there, registered at the desk once they
    agree in person: their details, and the agreement ticked by the guide who heard it."""

    def __init__(self, parent: QWidget | None, row: BoardRow) -> None:
        super().__init__(parent, self.tr("Complete the walk-in's details"), row)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.gender = QComboBox()
        for code, text in (
            ("U", self.tr("Not stated")),
            ("F", self.tr("Female")),
            ("M", self.tr("Male")),
        ):
            self.gender.addItem(text, code)
        self.age = QLineEdit()
        self.age.setMaxLength(3)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText("13812345678")
        self.district = QLineEdit()
        self.district.setMaxLength(40)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Age"), self.age)
        form.addRow(self.tr("Mobile phone"), self.phone)
        form.addRow(self.tr("Home district"), self.district)
        self.box.addLayout(form)
        self.consent = QCheckBox(
            self.tr("The patient heard the privacy notice at the desk and agreed (in person)")
        )
        self.box.addWidget(self.consent)
        self.finish_layout()
        self.setMinimumWidth(520)

    def answer(self) -> PatientForm | None:
        """The details, or None when the agreement is not ticked."""
        if not self.consent.isChecked():
            return None
        return PatientForm(
            self.name.text(),
            self.gender.currentData() or "U",
            self.age.text().strip() or None,  # checked in the service, refused in words
            self.phone.text(),
            self.district.text(),
            "walk_in",
        )


class MoveDialog(Dialog):
    def __init__(self, parent: QWidget | None, row: BoardRow, targets: tuple[str, ...], lang: str):
        super().__init__(parent, self.tr("Move to a stage"), row)
        self.list = QListWidget()
        for stage in targets:
            item = QListWidgetItem(stage_name(stage, lang))
            item.setData(Qt.ItemDataRole.UserRole, stage)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.submit())
        self.box.addWidget(QLabel(self.tr("Now: %1").replace("%1", stage_name(row.stage, lang))))
        self.box.addWidget(self.list)
        self.finish_layout()

    def answer(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class TimelineDialog(Dialog):
    """Every event of the visit, oldest first: what, who, which desk, when.  A corrected step
    stays, struck through; the latest move may be undone by a correction with a reason."""

    def __init__(
        self,
        parent: QWidget | None,
        row: BoardRow,
        lines: list[TimelineLine],
        local: Callable[[dt.datetime], dt.datetime],
        lang: str,
        *,
        may_correct: bool,
    ) -> None:
        super().__init__(parent, self.tr("Visit timeline"), row)
        self.lang = lang
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.correctable: TimelineLine | None = None
        for line in lines:
            item = QListWidgetItem(f"{local(line.at):%H:%M:%S}   {self.describe(line)}")
            font = item.font()
            if line.corrected or line.flagged:
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
            if line.correctable:
                self.correctable = line
        self.box.addWidget(self.list)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why is it wrong? (required)"))
        if self.correctable is not None and may_correct:
            what = stage_name(self.correctable.stage or "", lang)
            self.box.addWidget(
                QLabel(self.tr("Undo the last move (%1) with a correction:").replace("%1", what))
            )
            self.box.addWidget(self.reason)
            self.ok_button().setText(self.tr("Correct"))
        else:
            self.ok_button().hide()
            self.reason.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.finish_layout()
        self.resize(720, 520)

    def answer(self) -> tuple[str, str] | None:
        if self.correctable is None:
            return None
        return self.correctable.event_id, self.reason.text()

    def describe(self, line: TimelineLine) -> str:
        who = line.staff_name or self.tr("kiosk")
        stage = stage_name(line.stage or "", self.lang)
        kind = line.kind
        if kind == "arrived":
            text = self.tr("Arrived")
        elif kind in ("registered", "stage_changed", "reopened"):
            text = self.tr("Moved to %1").replace("%1", stage)
        elif kind == "admitted":
            text = (
                self.tr("Admission hand-off: ward %1, nurse %2")
                .replace("%1", str(line.data.get("ward", "")))
                .replace("%2", str(line.data.get("nurse", "")))
            )
        elif kind == "departed":
            text = self.tr("Departed")
        elif kind == "claimed":
            text = self.tr("Escort taken")
        elif kind == "released":
            text = self.tr("Escort released")
        elif kind == "handed_off":
            text = self.tr("Handed off to %1").replace("%1", line.to_staff_name or "?")
        elif kind == "triaged":
            text = (
                self.tr("Triaged to %1").replace("%1", pick(line.place, self.lang))
                if line.place
                else self.tr("Triaged")
            )
            if line.data.get("designated"):
                text += " · " + self.tr("designated doctor")
        elif kind == "corrected":
            text = self.tr("Correction: %1").replace("%1", str(line.data.get("reason", "")))
        elif kind == "verified":
            text = self.tr("Received at the desk")
            if line.data.get("consent") == "in_person":
                text += " · " + self.tr("details given, privacy notice agreed in person")
        elif kind == "note":
            text = self.tr("Note: %1").replace("%1", str(line.data.get("text", "")))
        elif kind == "priority":
            text = priority_word(str(line.data.get("priority", "")))
        else:
            text = kind
        where = f" · {line.desk}" if line.desk else ""
        flagged = ""
        if line.flagged:
            flagged = "  " + self.tr("(not accepted: another guide held the escort)")
        elif line.corrected:
            flagged = "  " + self.tr("(corrected)")
        return f"{text} — {who}{where}{flagged}"


class ExcludeDialog(Dialog):
    """A call taken off the list (deceased, readmitted …): the reason, and a lead's sign-off
    typed on this desk — their own user name and password."""

    def __init__(self, parent: QWidget | None, person: str) -> None:
        super().__init__(parent, self.tr("Exclude from the calls"), None)
        title = QLabel(person or "—")
        set_role(title, "heading")
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why: deceased, readmitted, … (required)"))
        self.lead = QLineEdit()
        self.lead.setPlaceholderText(self.tr("The lead's user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("The lead's password"))
        said = QLabel(
            self.tr(
                "A duty lead, quality staff or the director signs the exclusion off here, "
                "with their own password."
            )
        )
        said.setWordWrap(True)
        for w in (title, self.reason, said, self.lead, self.password):
            self.box.addWidget(w)
        self.finish_layout()
        self.setMinimumWidth(460)

    def answer(self) -> tuple[str, str, str]:
        return self.reason.text(), self.lead.text(), self.password.text()
