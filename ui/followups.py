"""The follow-up calls page (F6): the worklist, overdue first, with what is due today; the chosen
call with the number to dial, every number of the person (ruled-out ones struck through), why it
may or may not close as unreachable, and one button per outcome — Alt+1 … Alt+9 from the
keyboard, so a caller works a list without the mouse."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.followup_desk import CallDetail, CallList
from app.lang import pick
from gui.roles import set_role
from ui import case_words
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

# The outcome buttons in keyboard order (Alt+1 …)
OUTCOMES = (
    "completed",
    "no_answer",
    "busy",
    "powered_off",
    "unreachable",
    "invalid_number",
    "wrong_person",
    "callback_requested",
    "refused",
)
CLOSED = {"completed", "unreachable", "refused", "excluded"}


class FollowUpPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.listing: CallList | None = None
        self.detail: CallDetail | None = None

        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.counts = QLabel()
        set_role(self.counts, "status")
        self.reload = QPushButton()
        self.reload.clicked.connect(self.load)

        self.table = read_only_table(6, choose_rows=True)
        self.table.itemSelectionChanged.connect(self._chosen)

        self.empty = QLabel()
        set_role(self.empty, "muted")
        self.empty.setWordWrap(True)
        self.title = QLabel()
        set_role(self.title, "heading")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.dial = QLabel()  # read aloud from across the desk: large
        self.dial.setStyleSheet("font-size: 28px; font-weight: 700;")
        self.dial.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.note = QLineEdit()
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, kind in enumerate(OUTCOMES):
            button = QPushButton()
            if kind == "completed":
                set_role(button, "primary")
            button.clicked.connect(lambda _=False, k=kind: self.outcome(k))
            self.buttons[kind] = button
            key = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda b=button: b.click() if b.isEnabled() else None)
            grid.addWidget(button, i // 3, i % 3)
        self.callback_at = QDateTimeEdit()
        self.callback_at.setDisplayFormat("MM-dd HH:mm")
        self.callback_at.setCalendarPopup(True)
        self.do_not_call = QCheckBox()
        self.new_number = QLineEdit()
        self.add_number = QPushButton()
        self.add_number.clicked.connect(self._add_number)
        self.close_unreachable = QPushButton()
        self.close_unreachable.clicked.connect(lambda: self.outcome("closed_unreachable"))
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.timeline = QListWidget()

        top = QHBoxLayout()
        for w in (self.heading, self.counts):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.reload)
        extra = QHBoxLayout()
        self.callback_label = QLabel()
        for part in (self.callback_label, self.callback_at, self.do_not_call):
            extra.addWidget(part)
        extra.addStretch(1)
        numbers = QHBoxLayout()
        for field in (self.new_number, self.add_number, self.close_unreachable):
            numbers.addWidget(field)
        right = QWidget()
        side = QVBoxLayout(right)
        for w in (self.empty, self.title, self.facts, self.dial, self.numbers, self.rule):
            side.addWidget(w)
        self.note_label = QLabel()
        side.addWidget(self.note_label)
        side.addWidget(self.note)
        side.addLayout(grid)
        side.addLayout(extra)
        side.addLayout(numbers)
        side.addWidget(self.error)
        side.addWidget(self.timeline, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([620, 620])
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.retranslate()
        self._show(None)

    # -- words --------------------------------------------------------------------------------

    def _outcomes(self) -> dict[str, str]:
        return {
            "completed": self.tr("Reached: call done"),
            "no_answer": self.tr("No answer"),
            "busy": self.tr("Busy"),
            "powered_off": self.tr("Phone switched off"),
            "unreachable": self.tr("Cannot be reached"),
            "invalid_number": self.tr("Number not in service"),
            "wrong_person": self.tr("Wrong person"),
            "callback_requested": self.tr("Call back later"),
            "refused": self.tr("Declined the call"),
            "excluded": self.tr("Excluded"),
            "closed_unreachable": self.tr("Closed as unreachable"),
            "number_added": self.tr("Number added"),
            "note": self.tr("Note"),
        }

    def _states(self) -> dict[str, str]:
        return {
            "open": self.tr("To call"),
            "callback": self.tr("Call back"),
            "completed": self.tr("Done"),
            "unreachable": self.tr("Unreachable"),
            "refused": self.tr("Declined"),
            "excluded": self.tr("Excluded"),
        }

    def _sources(self) -> dict[str, str]:
        return {
            "visit": self.tr("Next day after a visit"),
            "discharge": self.tr("After discharge"),
            "case": self.tr("72 h after a complaint"),
            "survey": self.tr("Low survey score"),
            "no_show": self.tr("Missed appointment"),
        }

    def _why_not(self, call: CallDetail) -> str:
        if call.state in CLOSED:
            return ""
        if call.may_close_unreachable:
            return "✓ " + self.tr("The rule is met: this call may close as unreachable.")
        said = []
        for s in call.shortfalls:
            if s.what == "failures":
                said.append(
                    self.tr("%1 of %2 failed attempts")
                    .replace("%1", str(s.have))
                    .replace("%2", str(s.need))
                )
            elif s.what == "slots":
                said.append(
                    self.tr("tried in %1 of %2 times of day")
                    .replace("%1", str(s.have))
                    .replace("%2", str(s.need))
                )
            elif s.what == "numbers":
                said.append(self.tr("not yet tried: %1").replace("%1", ", ".join(s.numbers)))
            else:
                said.append(self.tr("the deadline has passed: missed"))
        return self.tr("Not yet unreachable: %1").replace("%1", self.tr("; ").join(said))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Follow-up calls"))
        self.reload.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("Choose a call on the left."))
        self.note_label.setText(self.tr("What was said (kept with the attempt)"))
        for i, (kind, text) in enumerate(self._outcomes().items()):
            if kind in self.buttons:
                self.buttons[kind].setText(f"{text} (Alt+{i + 1})")
        self.callback_label.setText(self.tr("Call back at"))
        self.do_not_call.setText(self.tr("Never call again (asked by the person)"))
        self.new_number.setPlaceholderText(self.tr("Another number, e.g. 010-65123456"))
        self.add_number.setText(self.tr("Add number"))
        self.close_unreachable.setText(self.tr("Close as unreachable"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Person"),
                self.tr("Department"),
                self.tr("Why"),
                self.tr("Attempts"),
                self.tr("State"),
            ]
        )
        if self.listing is not None:
            self._fill(self.listing)
        self._show(self.detail)

    # -- the list -----------------------------------------------------------------------------

    def _tz(self) -> dt.tzinfo:
        return self.desk.settings.tz()

    def load(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.desk.call(lambda b: b.call_list(who), self._fill)

    def _fill(self, listing: CallList) -> None:
        self.listing = listing
        now, tz, lang = self.desk.settings.now(), self._tz(), self.desk.lang
        states, sources = self._states(), self._sources()
        chosen = self.detail.task_id if self.detail else None
        found = False
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(listing.rows))
        for r, row in enumerate(listing.rows):
            if row.waiting:
                due = self.tr("from %1").replace("%1", case_words.moment(row.callable_from, tz))
            else:
                level = "breached" if row.overdue else "ok"
                symbol = case_words.LOOK[level][1]
                due = f"{symbol} {case_words.due_words(row.due_at, now, tz)}"
            cells = [
                due,
                row.person,
                pick(row.department, lang) if row.department else "—",
                sources.get(row.source, row.source),
                str(row.attempts),
                states.get(row.state, row.state),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.task_id)
                if row.overdue:
                    item.setForeground(QColor(case_words.LOOK["breached"][0]))
                self.table.setItem(r, c, item)
            if row.task_id == chosen:
                self.table.selectRow(r)
                found = True
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.counts.setText(
            self.tr("%1 to call · %2 due today · %3 overdue")
            .replace("%1", str(len(listing.rows)))
            .replace("%2", str(listing.due_today))
            .replace("%3", str(listing.overdue))
        )
        if not found and listing.rows:  # the call just closed, or none yet: the next one
            self.table.selectRow(0)
            self._chosen()

    def _chosen(self) -> None:
        items = self.table.selectedItems()
        who = self.desk.who
        if not items or who is None:
            return
        task_id = items[0].data(Qt.ItemDataRole.UserRole)
        self.desk.call(lambda b: b.call_detail(who, task_id), self._show)

    # -- one call -----------------------------------------------------------------------------

    def _show(self, call: CallDetail | None) -> None:
        self.detail = call
        shown = call is not None
        self.empty.setVisible(not shown)
        for w in (
            self.title,
            self.facts,
            self.dial,
            self.numbers,
            self.rule,
            self.note_label,
            self.note,
            self.callback_label,
            self.callback_at,
            self.do_not_call,
            self.new_number,
            self.add_number,
            self.close_unreachable,
            self.timeline,
            *self.buttons.values(),
        ):
            w.setVisible(shown)
        if call is None:
            return
        tz, lang = self._tz(), self.desk.lang
        self.title.setText(call.person or "—")
        window = (
            f"{case_words.moment(call.callable_from, tz)} – {case_words.moment(call.due_at, tz)}"
        )
        facts = [
            self._sources().get(call.source, call.source),
            pick(call.department, lang) if call.department else "",
            self.tr("call between %1").replace("%1", window),
            self._states().get(call.state, call.state),
        ]
        self.facts.setText(" · ".join(f for f in facts if f))
        open_ = call.state not in CLOSED
        self.dial.setText(
            self.tr("Dial: %1").replace("%1", call.next_number)
            if open_ and call.next_number
            else ""
        )
        self.dial.setVisible(open_ and call.next_number is not None)
        shown_numbers = [*call.numbers, *(f"<s>{n}</s>" for n in call.ruled_out)]
        self.numbers.setText(self.tr("Numbers: %1").replace("%1", " · ".join(shown_numbers)))
        self.rule.setText(self._why_not(call))
        for button in self.buttons.values():
            button.setEnabled(open_ and call.next_number is not None)
        self.close_unreachable.setEnabled(call.may_close_unreachable)
        self.add_number.setEnabled(open_)
        later = (self.desk.settings.now() + dt.timedelta(hours=2)).astimezone(tz)
        self.callback_at.setDateTime(
            QDateTime(QDate(later.year, later.month, later.day), QTime(later.hour, later.minute))
        )
        self.timeline.clear()
        names = self._outcomes()
        for step in reversed(call.steps):
            text = (
                f"{step.at.astimezone(tz).strftime('%m-%d %H:%M')}  "
                f"{names.get(step.kind, step.kind)} · {step.staff_name or '—'}"
            )
            if step.number:
                text += f" · {step.number}"
            if step.note:
                text += f"\n    {step.note}"
            self.timeline.addItem(QListWidgetItem(text))

    # -- acting -------------------------------------------------------------------------------

    def outcome(self, kind: str) -> None:
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        data: dict[str, Any] = {}
        if kind == "callback_requested":
            day, time = self.callback_at.date(), self.callback_at.time()
            when = dt.datetime(
                day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self._tz()
            )
            data["callback_at"] = when.isoformat()
        if kind == "refused":
            data["do_not_call"] = self.do_not_call.isChecked()
        number = None if kind == "closed_unreachable" else call.next_number
        note = self.note.text()
        task_id = call.task_id
        self._send(lambda b: b.call_record(who, task_id, kind, number=number, note=note, data=data))

    def _add_number(self) -> None:
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        number, task_id = self.new_number.text(), call.task_id
        self._send(lambda b: b.call_record(who, task_id, "number_added", number=number))

    def _send(self, fn: Any) -> None:
        self.error.clear()

        def done(call: CallDetail) -> None:
            self.note.clear()
            self.new_number.clear()
            self.do_not_call.setChecked(False)
            self._show(call)
            self.load()

        def refused(error: BaseException) -> None:
            self.error.setText(self.desk.message(error))

        self.desk.call(fn, done, refused)
