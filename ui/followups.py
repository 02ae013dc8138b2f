"""The follow-up calls page (F6): the worklist, overdue first, with what is due today; the chosen
call with the number to dial, every number of the person (ruled-out ones struck through), why it
may or may not close as unreachable, and one button per outcome — Alt+1 … Alt+9 from the
keyboard, so a caller works a list without the mouse."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.followup_desk import CallDetail, CallList
from app.lang import pick
from gui.roles import name_for_readers, set_role
from ui import case_words, followup_words
from ui.call_actions import TAKE_AT_ONCE, CallActions
from ui.followup_figures import FollowUpFigures
from ui.phone_survey import PhoneSurvey
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
SUMMARY_DUE_HOUR = 18  # the weekly follow-up summary is due by Monday 18:00


class FollowUpPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.acting = CallActions(desk, self)  # what its buttons and keys do
        self.desk = desk
        self.listing: CallList | None = None
        self.detail: CallDetail | None = None

        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.counts = QLabel()
        set_role(self.counts, "status")
        self.reload = QPushButton()
        self.reload.clicked.connect(self.load)
        self.take_next = QPushButton()  # Ctrl+T
        set_role(self.take_next, "primary")
        self.take_next.clicked.connect(self.acting.take_next)
        self.only_mine = QCheckBox()  # Ctrl+O
        self.only_mine.toggled.connect(self.load)
        self.departments: dict[str, tuple[str, str]] = {}
        self.department = QComboBox()  # the calls of one department, or all
        self.department.activated.connect(lambda _i: self.load())
        self.figures = QPushButton()  # Ctrl+G: the figures, and the Monday summary
        self.figures.clicked.connect(self._figures)
        self.monday = QLabel()  # on Monday before 18:00: last week's summary is due
        set_role(self.monday, "warn")
        self.monday.hide()
        self.assign_to = QComboBox()  # a lead gives the chosen calls to a caller
        self.assign = QPushButton()
        self.assign.clicked.connect(self.acting.assign)
        for sequence, action in (
            ("Ctrl+T", self.take_next.click),
            ("Ctrl+O", self.only_mine.toggle),
            ("Alt+S", self.acting.to_survey),
            ("Ctrl+G", self.figures.click),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

        self.table = read_only_table(7, choose_rows=True)
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
        self.about = QLabel()  # why the call: the low ratings, the complaint, the booking
        self.about.setWordWrap(True)
        set_role(self.about, "warn")
        self.script = QLabel()  # what to say: to the holder, as the call goes
        self.script.setWordWrap(True)
        self.script.setTextFormat(Qt.TextFormat.RichText)
        self.script.setStyleSheet(
            "background: #F4F7FB; border: 1px solid #D5DEEA; border-radius: 4px; padding: 6px;"
        )
        self.hold = QLabel()  # who holds the call, and until when
        self.hold.setWordWrap(True)
        self.take = QPushButton()  # take this call (Ctrl+Return)
        set_role(self.take, "primary")
        self.take.clicked.connect(lambda: self.acting.hold("claimed"))
        self.give_back = QPushButton()
        self.give_back.clicked.connect(lambda: self.acting.hold("released"))
        take_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        take_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        take_key.activated.connect(lambda: self.take.click() if self.take.isVisible() else None)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.note = QLineEdit()
        self.survey = PhoneSurvey()  # asked when the person is reached; sent with Alt+1
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, kind in enumerate(OUTCOMES):
            button = QPushButton()
            if kind == "completed":
                set_role(button, "primary")
            button.clicked.connect(lambda _=False, k=kind: self.acting.outcome(k))
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
        self.add_number.clicked.connect(self.acting.add_number)
        self.close_unreachable = QPushButton()
        self.close_unreachable.clicked.connect(lambda: self.acting.outcome("closed_unreachable"))
        self.exclude = QPushButton()
        self.exclude.clicked.connect(self.acting.exclude)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.timeline = QListWidget()
        self.timeline.setMinimumHeight(90)

        top = QHBoxLayout()
        for w in (self.heading, self.counts):
            top.addWidget(w)
        top.addStretch(1)
        for control in (self.take_next, self.only_mine, self.figures, self.reload):
            top.addWidget(control)
        second = QHBoxLayout()  # the list's filter, a lead's assignment, Monday's reminder
        for chooser in (self.department, self.assign_to, self.assign):
            second.addWidget(chooser)
        second.addStretch(1)
        second.addWidget(self.monday)
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        holding = QHBoxLayout()
        holding.addWidget(self.hold, 1)
        for piece in (self.take, self.give_back):
            holding.addWidget(piece)
        extra = QHBoxLayout()
        self.callback_label = QLabel()
        for part in (self.callback_label, self.callback_at, self.do_not_call):
            extra.addWidget(part)
        extra.addStretch(1)
        numbers = QHBoxLayout()
        for field in (self.new_number, self.add_number, self.close_unreachable, self.exclude):
            numbers.addWidget(field)
        right = QWidget()
        side = QVBoxLayout(right)
        for w in (self.empty, self.title, self.facts, self.about):
            side.addWidget(w)
        side.addLayout(holding)
        for w in (self.dial, self.numbers, self.rule, self.script):
            side.addWidget(w)
        self.note_label = QLabel()
        side.addWidget(self.note_label)
        side.addWidget(self.note)
        side.addLayout(grid)
        side.addLayout(extra)
        side.addLayout(numbers)
        side.addWidget(self.error)
        side.addWidget(self.survey)
        side.addWidget(self.timeline, 1)
        self.call_area = QScrollArea()  # a small screen scrolls the call, the window stays
        self.call_area.setWidgetResizable(True)
        self.call_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.call_area.setFrameShape(QFrame.Shape.NoFrame)
        self.call_area.setWidget(right)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.call_area)
        split.setSizes([420, 1180])  # the call needs the room; the list scrolls sideways
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addLayout(second)
        box.addWidget(split, 1)
        self.retranslate()
        self.show_call(None)

    def retranslate(self) -> None:
        name_for_readers(
            (  # what a screen reader says for each input
                (self.department, self.tr("Department filter")),
                (self.assign_to, self.tr("Give the chosen calls to")),
                (self.table, self.tr("Follow-up calls")),
                (self.note, self.tr("Note on the call")),
                (self.callback_at, self.tr("Call back at")),
                (self.new_number, self.tr("Another number")),
                (self.timeline, self.tr("The call's history")),
            )
        )
        self.heading.setText(self.tr("Follow-up calls"))
        self.reload.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("Choose a call on the left."))
        self.note_label.setText(self.tr("What was said (kept with the attempt)"))
        for i, (kind, text) in enumerate(followup_words.outcomes().items()):
            if kind in self.buttons:
                self.buttons[kind].setText(f"{text} (Alt+{i + 1})")
        self.callback_label.setText(self.tr("Call back at"))
        self.do_not_call.setText(self.tr("Never call again (asked by the person)"))
        self.new_number.setPlaceholderText(self.tr("Another number, e.g. 010-65123456"))
        self.add_number.setText(self.tr("Add number"))
        self.close_unreachable.setText(self.tr("Close as unreachable"))
        self.exclude.setText(self.tr("Exclude…"))
        self.survey.retranslate()
        self.take_next.setText(
            self.tr("Take the next %1 calls (Ctrl+T)").replace("%1", str(TAKE_AT_ONCE))
        )
        self.only_mine.setText(self.tr("Only my calls (Ctrl+O)"))
        self.figures.setText(self.tr("Figures (Ctrl+G)"))
        if self.department.count():
            self._name_departments()
        self.monday.setText(self.tr("Last week's summary is due by 18:00 today"))
        self.assign.setText(self.tr("Give the chosen calls to"))
        self.take.setText(self.tr("Take this call (Ctrl+Enter)"))
        self.give_back.setText(self.tr("Give it back"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Person"),
                self.tr("Department"),
                self.tr("Why"),
                self.tr("Attempts"),
                self.tr("State"),
                self.tr("Caller"),
            ]
        )
        if self.listing is not None:
            self._fill(self.listing)
        self.show_call(self.detail)

    # -- the list -----------------------------------------------------------------------------

    def tz(self) -> dt.tzinfo:
        return self.desk.settings.tz()

    def _lead(self) -> bool:
        who = self.desk.who
        return who is not None and (who.duty_lead or who.role in ("quality", "director"))

    def load(self) -> None:
        who = self.desk.who
        if who is None:
            return
        lead = self._lead()
        for w in (self.assign_to, self.assign):
            w.setVisible(lead)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if lead
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        if lead and self.assign_to.count() == 0:
            self.desk.call(lambda b: b.callers(who), self._callers)
        mine = self.only_mine.isChecked()
        if self.department.count() == 0:
            self.desk.call(lambda b: b.case_departments(), self._departments)
        dept = self.department.currentData() or None
        now = self.desk.settings.now().astimezone(self.tz())
        self.monday.setVisible(now.weekday() == 0 and now.hour < SUMMARY_DUE_HOUR)
        self.desk.call(lambda b: b.call_list(who, only_mine=mine, department_id=dept), self._fill)

    def _figures(self) -> None:
        """The figures; on a Monday before the summary is due, last week's first."""
        dialog = FollowUpFigures(
            self.desk, "last_week" if self.monday.isVisible() else "week", parent=self
        )
        dialog.exec()

    def _departments(self, names: dict[str, tuple[str, str]]) -> None:
        self.departments = names
        self._name_departments()

    def _name_departments(self) -> None:
        chosen = self.department.currentData()
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for dept_id, pair in self.departments.items():
            self.department.addItem(pick(pair, self.desk.lang), dept_id)
        self.department.setCurrentIndex(max(0, self.department.findData(chosen)))

    def _callers(self, callers: list[tuple[str, str]]) -> None:
        self.assign_to.clear()
        for staff_id, name in callers:
            self.assign_to.addItem(name, staff_id)

    def say(self, text: str) -> None:
        """A word from the server about this desk's calls (a claim that lost)."""
        self.error.setText(text)

    def clash(self, reason: str, holder: str) -> None:
        """The server's word on a call of this desk's: a claim another caller won first, or
        an attempt made after the call had passed to ``holder``."""
        if reason == "call_claimed_by_other":
            self.say(
                self.tr("%1 took that follow-up call first; take another.").replace("%1", holder)
            )
        elif reason == "call_not_holder":
            self.say(
                self.tr(
                    "A call recorded here was on a call %1 held by then (the lease had run out); "
                    "it is kept for the lead to see."
                ).replace("%1", holder)
            )

    def _fill(self, listing: CallList) -> None:
        self.listing = listing
        now, tz, lang = self.desk.settings.now(), self.tz(), self.desk.lang
        states, sources = followup_words.states(), followup_words.sources()
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
            caller = (
                self.tr("me")
                if row.mine
                else self.tr("sent…")
                if row.claim_waiting
                else row.holder or "—"
            )
            cells = [
                due,
                row.person,
                pick(row.department, lang) if row.department else "—",
                sources.get(row.source, row.source),
                str(row.attempts),
                states.get(row.state, row.state),
                caller,
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
            self.tr("%1 to call · %2 due today · %3 overdue · %4 mine")
            .replace("%1", str(len(listing.rows)))
            .replace("%2", str(listing.due_today))
            .replace("%3", str(listing.overdue))
            .replace("%4", str(listing.mine))
        )
        if found:  # the same call, as it stands now (taken, given, tried)
            self._chosen()
        elif listing.rows:  # the call just closed, or none yet: my next one
            mine = [r for r, row in enumerate(listing.rows) if row.mine]
            self.table.selectRow(mine[0] if mine else 0)
            self._chosen()
        else:
            self.show_call(None)

    def _task_at(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [t for t in (self._task_at(r) for r in rows) if t]

    def _chosen(self) -> None:
        items = self.table.selectedItems()
        who = self.desk.who
        if not items or who is None:
            return
        task_id = self._task_at(self.table.currentRow())
        if task_id not in self.chosen_ids():
            task_id = items[0].data(Qt.ItemDataRole.UserRole)
        self.desk.call(lambda b: b.call_detail(who, task_id), self.show_call)

    # -- one call -----------------------------------------------------------------------------

    def show_call(self, call: CallDetail | None) -> None:
        self.detail = call
        shown = call is not None
        self.empty.setVisible(not shown)
        for w in (
            self.title,
            self.facts,
            self.about,
            self.script,
            self.hold,
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
            self.exclude,
            self.timeline,
            *self.buttons.values(),
        ):
            w.setVisible(shown)
        if call is None:
            self.take.hide()
            self.give_back.hide()
            self.survey.hide()
            return
        tz, lang = self.tz(), self.desk.lang
        self.title.setText(call.person or "—")
        window = (
            f"{case_words.moment(call.callable_from, tz)} – {case_words.moment(call.due_at, tz)}"
        )
        facts = [
            followup_words.sources().get(call.source, call.source),
            pick(call.department, lang) if call.department else "",
            self.tr("call between %1").replace("%1", window),
            followup_words.states().get(call.state, call.state),
        ]
        self.facts.setText(" · ".join(f for f in facts if f))
        open_ = call.state not in CLOSED
        self.hold.setText(followup_words.hold_words(call, self.tz()) if open_ else "")
        self.take.setVisible(open_ and not call.mine and not call.claim_waiting)
        self.take.setEnabled(call.holder is None)
        self.give_back.setVisible(
            open_ and (call.mine or (call.holder is not None and self._lead()))
        )
        mine = open_ and call.mine
        about = pick(call.about, lang)
        self.about.setText(about)
        self.about.setVisible(bool(about))
        self.script.setText(followup_words.script_words(call, self.desk.lang) if mine else "")
        self.script.setVisible(mine and call.script is not None)
        self.survey.setVisible(mine and self.survey.definition is not None)
        who = self.desk.who
        if mine and self.survey.definition is None and who is not None:
            self.desk.call(lambda b: b.call_survey(who), self.acting.survey_loaded)
        self.dial.setText(
            self.tr("Dial: %1").replace("%1", call.next_number) if mine and call.next_number else ""
        )
        self.dial.setVisible(mine and call.next_number is not None)
        shown_numbers = [*call.numbers, *(f"<s>{n}</s>" for n in call.ruled_out)]
        self.numbers.setText(self.tr("Numbers: %1").replace("%1", " · ".join(shown_numbers)))
        self.rule.setText(followup_words.why_not(call))
        for button in self.buttons.values():
            button.setEnabled(mine and call.next_number is not None)
        self.close_unreachable.setEnabled(mine and call.may_close_unreachable)
        self.exclude.setEnabled(mine)
        self.add_number.setEnabled(mine)
        self.new_number.setEnabled(mine)
        self.note.setEnabled(mine)
        later = (self.desk.settings.now() + dt.timedelta(hours=2)).astimezone(tz)
        self.callback_at.setDateTime(
            QDateTime(QDate(later.year, later.month, later.day), QTime(later.hour, later.minute))
        )
        self.timeline.clear()
        names = followup_words.outcomes()
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
