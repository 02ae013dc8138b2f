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

from app.followup_desk import CallDetail, CallDone, CallList
from app.lang import pick
from app.services.survey import Definition
from gui.roles import set_role
from ui import case_words, followup_words
from ui.dialogs import ExcludeDialog
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
TAKE_AT_ONCE = 5  # "take the next calls" takes this many
SUMMARY_DUE_HOUR = 18  # the weekly follow-up summary is due by Monday 18:00


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
        self.take_next = QPushButton()  # Ctrl+T
        set_role(self.take_next, "primary")
        self.take_next.clicked.connect(self._take_next)
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
        self.assign.clicked.connect(self._assign)
        for sequence, action in (
            ("Ctrl+T", self.take_next.click),
            ("Ctrl+O", self.only_mine.toggle),
            ("Alt+S", self._to_survey),
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
        self.take.clicked.connect(lambda: self._hold("claimed"))
        self.give_back = QPushButton()
        self.give_back.clicked.connect(lambda: self._hold("released"))
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
        self.exclude = QPushButton()
        self.exclude.clicked.connect(self._exclude)
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
        self._show(None)

    def retranslate(self) -> None:
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
        self._show(self.detail)

    # -- the list -----------------------------------------------------------------------------

    def _tz(self) -> dt.tzinfo:
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
        now = self.desk.settings.now().astimezone(self._tz())
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
        now, tz, lang = self.desk.settings.now(), self._tz(), self.desk.lang
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
            self._show(None)

    def _task_at(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _chosen_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [t for t in (self._task_at(r) for r in rows) if t]

    def _chosen(self) -> None:
        items = self.table.selectedItems()
        who = self.desk.who
        if not items or who is None:
            return
        task_id = self._task_at(self.table.currentRow())
        if task_id not in self._chosen_ids():
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
        tz, lang = self._tz(), self.desk.lang
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
        self.hold.setText(followup_words.hold_words(call, self._tz()) if open_ else "")
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
            self.desk.call(lambda b: b.call_survey(who), self._survey_loaded)
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

    # -- acting -------------------------------------------------------------------------------

    def outcome(self, kind: str) -> None:
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        if kind == "completed":
            self._reached()
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

    def _to_survey(self) -> None:
        """Alt+S: to the survey's first rating, to type the answers as they come."""
        first = self.survey.first_field()
        if first is not None and self.survey.isVisible():
            first.setFocus()
            self.call_area.ensureWidgetVisible(self.survey)

    def _survey_loaded(self, definition: Definition | None) -> None:
        if definition is None:
            return
        self.survey.show_definition(definition, self.desk.lang)
        self.survey.setVisible(bool(self.detail and self.detail.mine))

    def _reached(self) -> None:
        """Alt+1: the call done, with the survey typed so far (none when left empty)."""
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        missing = self.survey.missing()
        if missing:
            self.error.setText(
                self.tr("Answer these too, or clear the survey: %1").replace(
                    "%1", self.tr(", ").join(missing)
                )
            )
            return
        answers, complaint = self.survey.answers(), self.survey.complaint.isChecked()
        task_id, number, note, lang = (
            call.task_id,
            call.next_number,
            self.note.text(),
            self.desk.lang,
        )
        self.error.clear()

        def done(result: CallDone) -> None:
            self.survey.clear()
            self.note.clear()
            reached = result.reached
            if reached.joined:
                self.error.setText(
                    self.tr("Added to the person's open complaint about this department.")
                )
            elif reached.case_kind == "complaint":
                self.error.setText(self.tr("A complaint was opened; its clocks are running."))
            elif reached.case_kind == "service_recovery":
                self.error.setText(
                    self.tr("A low score: a service-recovery case was opened for the department.")
                )
            self._show(result.call)
            self.table.setFocus()  # the survey it was typed in is gone: back to the list
            self.load()

        self.desk.call(
            lambda b: b.call_reached(
                who,
                task_id,
                number=number,
                note=note,
                answers=answers,
                language=lang,
                complaint=complaint,
            ),
            done,
            lambda e: self.error.setText(self.desk.message(e)),
        )

    def _hold(self, kind: str) -> None:
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        task_id = call.task_id
        self._send(lambda b: b.call_record(who, task_id, kind))

    def _take_next(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.error.clear()

        def taken(n: int) -> None:
            if n == 0:
                self.error.setText(self.tr("No free call can be made now."))
            self.only_mine.setChecked(True)  # reloads when it changes
            self.load()

        self.desk.call(lambda b: b.call_claim_next(who, TAKE_AT_ONCE), taken)

    def _assign(self) -> None:
        who, to = self.desk.who, self.assign_to.currentData()
        ids = self._chosen_ids()
        if who is None or not to or not ids:
            return
        self.error.clear()
        self.desk.call(
            lambda b: b.call_assign(who, ids, to),
            lambda n: self.load(),
            lambda e: self.error.setText(self.desk.message(e)),
        )

    def _exclude(self) -> None:
        who, call = self.desk.who, self.detail
        if who is None or call is None:
            return
        dialog = ExcludeDialog(self, call.person)
        task_id = call.task_id

        def send(answer: tuple[str, str, str]) -> None:
            reason, lead, password = answer

            def done(result: CallDetail) -> None:
                dialog.accept()
                self._show(result)
                self.load()

            self.desk.call(
                lambda b: b.call_exclude(who, task_id, reason, lead, password),
                done,
                lambda e: dialog.failed(self.desk.message(e)),
            )

        dialog.on_submit = send
        self.desk.open_dialog(dialog)

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
