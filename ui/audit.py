"""The auditor's page: who opened, searched, revealed, printed, exported or changed which
patient's data — the access log as the central server keeps it, searched by day, person,
patient and action; the hash chain checked (intact, or what was removed or changed and where);
the rows exported to a CSV file.  The auditor role only; patients appear masked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audit_desk import AccessLine, AccessPage, AccessQuery, ChainState
from app.staff_backend import StaffMember
from gui.roles import name_for_readers, set_role
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

ACTIONS = ("view", "search", "reveal", "print", "export", "edit")


class AuditPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.page: AccessPage | None = None
        self.offset = 0
        self.people: list[StaffMember] = []  # everyone, for the person filter
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.from_label, self.to_label = QLabel(), QLabel()
        self.first, self.last = QDateEdit(), QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.person = QComboBox()
        self.action = QComboBox()
        self.patient = QLineEdit()  # a full mobile number, or a patient's id
        self.patient.setMaxLength(36)
        self.patient.returnPressed.connect(self.search)
        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.older = QPushButton()
        self.older.clicked.connect(lambda: self.load(self.offset + len(self._lines())))
        self.newer = QPushButton()
        self.newer.clicked.connect(lambda: self.load(max(0, self.offset - 200)))
        self.export = QPushButton()
        self.export.clicked.connect(self._export)
        self.check = QPushButton()
        self.check.clicked.connect(self.check_chain)
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.chain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()
        self.table = read_only_table(8)
        self.table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.check)
        top.addWidget(self.export)
        filters = QHBoxLayout()
        for w in (self.from_label, self.first, self.to_label, self.last):
            filters.addWidget(w)
        filters.addSpacing(16)
        filters.addWidget(self.person, 1)
        filters.addWidget(self.action)
        filters.addWidget(self.patient, 1)
        filters.addWidget(self.search_button)
        pages = QHBoxLayout()
        pages.addWidget(self.status, 1)
        pages.addWidget(self.newer)
        pages.addWidget(self.older)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addWidget(self.chain)
        box.addLayout(filters)
        box.addWidget(self.error)
        box.addWidget(self.table, 1)
        box.addLayout(pages)
        self.reset_days()
        self.retranslate()

    # -- words ----------------------------------------------------------------------------

    def action_word(self, action: str) -> str:
        return {
            "view": self.tr("Opened"),
            "search": self.tr("Searched"),
            "reveal": self.tr("Revealed"),
            "print": self.tr("Printed"),
            "export": self.tr("Exported"),
            "edit": self.tr("Changed"),
        }.get(action, action)

    def what_word(self, what: str, action: str = "") -> str:
        if action == "search" and what == "phone":
            return self.tr("by phone")
        return {
            "timeline": self.tr("a visit's timeline"),
            "case": self.tr("a case"),
            "call": self.tr("a follow-up call"),
            "phone": self.tr("phone numbers"),
            "name": self.tr("by name"),
            "phone_name": self.tr("by phone and name"),
            "registration": self.tr("registration"),
            "details": self.tr("details given in person"),
            "access_log": self.tr("the access log"),
        }.get(what, what)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Access log"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.patient.setPlaceholderText(self.tr("Patient: full mobile number or id"))
        self.search_button.setText(self.tr("Search"))
        self.older.setText(self.tr("Older"))
        self.newer.setText(self.tr("Newer"))
        self.export.setText(self.tr("Export CSV…"))
        self.check.setText(self.tr("Check the chain"))
        name_for_readers(
            [
                (self.person, self.tr("Person")),
                (self.action, self.tr("Action")),
                (self.patient, self.tr("Patient")),
                (self.first, self.tr("First day")),
                (self.last, self.tr("Last day")),
                (self.table, self.tr("Rows of the access log")),
            ]
        )
        keep = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("Every action"), None)
        for a in ACTIONS:
            self.action.addItem(self.action_word(a), a)
        self.action.setCurrentIndex(max(0, self.action.findData(keep)))
        self.action.blockSignals(False)
        self._people()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Person"),
                self.tr("Desk"),
                self.tr("Action"),
                self.tr("What"),
                self.tr("Patient"),
                self.tr("Found"),
                self.tr("Purpose"),
            ]
        )
        self._fill()

    def _people(self) -> None:
        keep = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for member in self.people:
            self.person.addItem(member.name, member.staff_id)
        self.person.setCurrentIndex(max(0, self.person.findData(keep)))
        self.person.blockSignals(False)

    # -- asking the server ------------------------------------------------------------------

    def opened(self) -> None:
        """The auditor signed in: everyone to choose from, the last week's rows, the chain."""
        self.reset_days()
        self.desk.call(lambda b: b.everyone(), self._got_people)
        self.search()
        self.check_chain()

    def clear(self) -> None:
        """Signed out: nothing of the last search stays on screen."""
        self.page, self.offset = None, 0
        self.patient.clear()
        self.chain.setText("")
        self.error.hide()
        self._fill()

    def _got_people(self, people: list[StaffMember]) -> None:
        self.people = people
        self._people()

    def reset_days(self) -> None:
        today = self.desk.settings.local(self.desk.settings.now()).date()
        for edit, day in ((self.first, today - dt.timedelta(days=6)), (self.last, today)):
            edit.setDate(QDate(day.year, day.month, day.day))

    def query(self) -> AccessQuery | None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
        if last < first:
            self._say_error(self.tr("The last day is before the first."))
            return None
        typed = self.patient.text().strip()
        phone = typed if typed.isdigit() and len(typed) == 11 else None
        patient_id = typed.lower() if len(typed) == 36 else None
        if typed and phone is None and patient_id is None:
            self._say_error(
                self.tr("A patient is found by a full 11-digit mobile number or an id.")
            )
            return None
        return AccessQuery(
            first, last, self.person.currentData(), patient_id, phone, self.action.currentData()
        )

    def search(self) -> None:
        self.load(0)

    def load(self, offset: int = 0) -> None:
        who, query = self.desk.who, self.query()
        if who is None or query is None:
            return
        self.error.hide()
        self.status.setText(self.tr("Asking the central server…"))
        self.desk.call(
            lambda b: b.access_log(who, query, offset), self._show, self._failed, slow=True
        )

    def check_chain(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.chain.setText(self.tr("Checking every link of the chain…"))
        set_role(self.chain, "muted")
        self.desk.call(lambda b: b.access_chain(who), self._chain, self._failed, slow=True)

    def _export(self) -> None:
        who, query = self.desk.who, self.query()
        if who is None or query is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the access log"),
            f"access-log-{query.first_day}-{query.last_day}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if not name:
            return
        self.status.setText(self.tr("Exporting…"))
        self.export.setEnabled(False)
        self.desk.call(
            lambda b: b.export_access_log(who, query, Path(name)),
            lambda n: self._exported(n, name),
            self._failed,
            slow=True,
        )

    # -- answers ----------------------------------------------------------------------------

    def _lines(self) -> list[AccessLine]:
        return self.page.lines if self.page is not None else []

    def _show(self, page: AccessPage) -> None:
        self.page, self.offset = page, page.offset
        self._fill()

    def _fill(self) -> None:
        lines = self._lines()
        self.table.setRowCount(len(lines))
        for r, ln in enumerate(lines):
            when = self.desk.settings.local(ln.at).strftime("%Y-%m-%d %H:%M:%S")
            cells = (
                when,
                ln.staff_name,
                ln.desk,
                self.action_word(ln.action),
                self.what_word(ln.what, ln.action),
                ln.patient or (ln.patient_id or "")[:8],
                "" if ln.found is None else str(ln.found),
                ln.purpose,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.page is None:
            self.status.setText("")
            self.older.setEnabled(False)
            self.newer.setEnabled(False)
            return
        total, first = self.page.total, self.page.offset
        self.status.setText(
            self.tr("%n row(s)", "", total)
            + (
                self.tr(", showing %1–%2")
                .replace("%1", str(first + 1))
                .replace("%2", str(first + len(lines)))
                if lines
                else ""
            )
        )
        self.older.setEnabled(first + len(lines) < total)
        self.newer.setEnabled(first > 0)

    def _chain(self, state: ChainState) -> None:
        if state.intact:
            set_role(self.chain, "ok")
            self.chain.setText(
                self.tr(
                    "The chain is intact: %n link(s), none removed or changed.", "", state.links
                )
                + "  "
                + self.tr("Head: %1 · %2")
                .replace("%1", str(state.head_seq))
                .replace("%2", state.head_hash[:16])
            )
        else:
            set_role(self.chain, "error")
            self.chain.setText(
                self.tr("The chain is broken: someone changed the log outside FrontDesk.")
                + "\n"
                + "\n".join(state.problems[:8])
            )

    def _exported(self, rows: int, name: str) -> None:
        self.export.setEnabled(True)
        self.status.setText(self.tr("%n row(s) saved to %1", "", rows).replace("%1", name))

    def _failed(self, error: BaseException) -> None:
        self.export.setEnabled(True)
        self.status.setText("")
        self._say_error(self.desk.message(error))

    def _say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
