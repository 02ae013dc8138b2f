"""分诊: today's roster by department and session — each doctor's specialties and how many
patients wait for them — and sending the chosen visit there; a doctor the patient asked for by
name is kept and marked "designated"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontDeskError
from app.lang import pick
from app.services.board import BoardRow
from app.services.triage import DepartmentRoster, session_state
from gui.roles import set_role

if TYPE_CHECKING:
    from ui.desk import Desk


class TriagePage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.roster: list[DepartmentRoster] = []
        self.visit: BoardRow | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.target = QLabel()
        self.target.setWordWrap(True)
        set_role(self.target, "banner")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._selection)
        self.tree.itemDoubleClicked.connect(lambda *_: self._send())
        self.designated = QCheckBox()
        self.send = QPushButton()
        set_role(self.send, "primary")
        self.send.clicked.connect(self._send)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.warning = QLabel()  # the chosen doctor's sessions today are over
        set_role(self.warning, "warn")
        self.warning.setWordWrap(True)
        self.warning.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.designated)
        bottom.addStretch(1)
        bottom.addWidget(self.send)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(self.heading)
        box.addWidget(self.target)
        box.addWidget(self.tree, 1)
        box.addWidget(self.warning)
        box.addWidget(self.error)
        box.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setAccessibleName(self.tr("Today's roster"))
        self.heading.setText(self.tr("Today's roster"))
        self.tree.setHeaderLabels(
            [
                self.tr("Department / doctor"),
                self.tr("Specialties"),
                self.tr("Sessions"),
                self.tr("Room"),
                self.tr("Waiting"),
            ]
        )
        self.designated.setText(self.tr("Designated: the patient asked for this doctor"))
        self.send.setText(self.tr("Send the patient here"))
        self.set_roster(self.roster)
        self.set_visit(self.visit)

    def set_visit(self, row: BoardRow | None) -> None:
        self.visit = row
        if row is None:
            self.target.setText(self.tr("Choose a patient on the board, then press Triage (F4)."))
        else:
            where = pick(row.department, self.desk.lang, self.tr("not triaged yet"))
            self.target.setText(
                self.tr("Triage %1 %2 (now: %3)")
                .replace("%1", row.ticket or "—")
                .replace("%2", row.name)
                .replace("%3", where)
            )
            self.designated.setChecked(row.designated_doctor)
        self._selection()

    def set_roster(self, roster: list[DepartmentRoster]) -> None:
        self.roster = roster
        lang = self.desk.lang
        chosen = self.chosen()
        self.tree.clear()
        for dept in roster:
            waiting = dept.waiting_unassigned + sum(d.waiting for d in dept.doctors)
            top = QTreeWidgetItem(
                [
                    pick(dept.name, lang),
                    pick(dept.description, lang),
                    "",
                    f"{dept.floor} · {dept.room}",
                    str(waiting),
                ]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, (dept.department_id, None))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            now = self.desk.settings.local(self.desk.settings.now())
            for doc in dept.doctors:
                sessions = " ".join(self.session_name(str(s)) for s in doc.sessions)
                state = session_state(doc.sessions, now)
                sessions += " · " + self.state_name(state)
                child = QTreeWidgetItem(
                    [
                        f"{pick(doc.name, lang)} · {pick(doc.title, lang)}",
                        pick(doc.specialties, lang),
                        sessions,
                        doc.room,
                        str(doc.waiting),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, (dept.department_id, doc.doctor_id))
                child.setData(2, Qt.ItemDataRole.UserRole, state)
                if state == "over":  # greyed: a guide sees at a glance who has gone home
                    for col in range(5):
                        child.setForeground(col, QColor("#6b7280"))
                elif state == "in":
                    font = child.font(2)
                    font.setBold(True)
                    child.setFont(2, font)
                top.addChild(child)
                if chosen == (dept.department_id, doc.doctor_id):
                    self.tree.setCurrentItem(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col, width in enumerate((260, 360, 120, 140)):
            self.tree.setColumnWidth(col, width)

    def state_name(self, state: str) -> str:
        return {
            "in": self.tr("in session now"),
            "later": self.tr("later today"),
            "over": self.tr("sessions over"),
        }[state]

    def session_name(self, session: str) -> str:
        names = {"am": self.tr("AM"), "pm": self.tr("PM"), "eve": self.tr("Evening")}
        return names.get(session, session)

    def chosen(self) -> tuple[str, str | None] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _selection(self) -> None:
        chosen = self.chosen()
        self.send.setEnabled(self.visit is not None and chosen is not None)
        item = self.tree.currentItem()
        over = bool(
            chosen and chosen[1] and item and item.data(2, Qt.ItemDataRole.UserRole) == "over"
        )
        self.warning.setVisible(over)
        if over and item is not None:
            self.warning.setText(
                self.tr(
                    "%1's sessions today are over: the patient would wait for nobody. Choose a "
                    "doctor in session, or only the department, unless you have checked."
                ).replace("%1", item.text(0).split(" · ")[0])
            )
        self.send.setText(self.tr("Send anyway") if over else self.tr("Send the patient here"))
        has_doctor = bool(chosen and chosen[1])
        self.designated.setEnabled(has_doctor)
        if not has_doctor:
            self.designated.setChecked(False)

    def _send(self) -> None:
        chosen = self.chosen()
        if self.visit is None or chosen is None:
            return
        dept_id, doctor_id = chosen
        visit_id, designated = self.visit.visit_id, self.designated.isChecked()
        self.error.hide()
        self.send.setEnabled(False)
        self.desk.call(
            lambda b: b.triage(self.desk.who, visit_id, dept_id, doctor_id, designated=designated),
            self._done,
            self._refused,
        )

    def _done(self, answer: tuple[Any, Any]) -> None:
        _, update = answer
        self.desk.rows_changed(update)
        self.desk.reload_roster()
        if update.rows:
            self.set_visit(update.rows[0])
        self.desk.show_board(self.visit.visit_id if self.visit else None)

    def _refused(self, error: BaseException) -> None:
        self._selection()
        if isinstance(error, FrontDeskError):
            self.error.setText(error.message(self.desk.lang))
            self.error.show()
        else:
            self.desk.unexpected(error)
