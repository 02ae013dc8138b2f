"""The cases page: complaints, enquiries, suggestions and praise — mine or all open ones,
overdue first, a count of what is due today; the chosen case with its clocks (time left in words,
a colour and a symbol), its timeline, and the next step as one button (the other steps in a
menu).  New case: Ctrl+N, fast enough for a phone call."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.case_desk import CaseDetail, CaseFilter, CaseForm, CaseList
from app.lang import pick
from gui.roles import name_for_readers, set_role
from ui import case_words as words
from ui.case_dialogs import NewCaseDialog, StepDialog
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

# Steps offered in the menu, by kind of case (the next step is the big button)
EVERY_CASE = (
    "paused",
    "resumed",
    "note",
    "handed_off",
    "released",
    "corrected",
    "closed",
    "reopened",
)
MENU = {
    "complaint": (
        "apologised",
        "track_set",
        "dispatched",
        "investigated",
        "solution",
        "feedback",
        "satisfied",
        "not_satisfied",
        "followed_up",
        "extended",
        *EVERY_CASE,
    ),
    "enquiry": (
        "answered",
        "referred",
        "callback_promised",
        "satisfied",
        "not_satisfied",
        *EVERY_CASE,
    ),
}
NO_DATA = {"apologised", "satisfied", "claimed", "released", "reopened"}
# Steps for the duty lead, quality staff and the director (app/services/cases.py refuses them
# to anyone else, so they are not offered)
LEAD_STEPS = {"extended", "reopened", "corrected"}


class CasesPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.detail: CaseDetail | None = None
        self.listing: CaseList | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.mine, self.all = QPushButton(), QPushButton()
        self.scope = QButtonGroup(self)
        for b in (self.mine, self.all):
            b.setCheckable(True)
            self.scope.addButton(b)
            b.clicked.connect(self.load)
        self.mine.setChecked(True)
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(self.load)
        self.state = QComboBox()
        self.state.currentIndexChanged.connect(self.load)
        self.department = QComboBox()
        self.department.currentIndexChanged.connect(self.load)
        self.track = QComboBox()  # a complaint's
        self.track.currentIndexChanged.connect(self.load)
        # as wide as their usual choices; the open list shows the long ones whole
        for combo, letters in ((self.state, 10), (self.department, 13), (self.track, 11)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        self.departments: dict[str, tuple[str, str]] = {}
        self.counts = QLabel()
        set_role(self.counts, "status")
        self.new = QPushButton()
        set_role(self.new, "primary")
        self.new.clicked.connect(self.new_case)
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.activated.connect(self.new_case)

        self.table = read_only_table(5, choose_rows=True)
        self.table.itemSelectionChanged.connect(self._chosen)

        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clocks = QLabel()
        self.clocks.setTextFormat(Qt.TextFormat.RichText)
        self.clocks.setWordWrap(True)
        self.next = QPushButton()
        set_role(self.next, "primary")
        self.next.clicked.connect(lambda: self.take(self.next.property("step")))
        self.more = QPushButton()
        self.menu = QMenu(self)
        self.more.setMenu(self.menu)
        self.claim = QPushButton()
        self.claim.clicked.connect(lambda: self.take("claimed"))
        self.timeline = QListWidget()
        self.empty = QLabel()
        set_role(self.empty, "muted")
        self.empty.setWordWrap(True)

        top = QHBoxLayout()
        for w in (
            self.heading,
            self.mine,
            self.all,
            self.kind,
            self.state,
            self.department,
            self.track,
            self.counts,
        ):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.new)
        actions = QHBoxLayout()
        for w in (self.next, self.more, self.claim):
            actions.addWidget(w)
        actions.addStretch(1)
        right = QWidget()
        side = QVBoxLayout(right)
        for w in (self.empty, self.title, self.facts, self.clocks):
            side.addWidget(w)
        side.addLayout(actions)
        side.addWidget(self.timeline, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([560, 640])
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.retranslate()
        self._show(None)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        name_for_readers(
            (  # what a screen reader says for each input
                (self.kind, self.tr("Kind filter")),
                (self.state, self.tr("State filter")),
                (self.department, self.tr("Department filter")),
                (self.track, self.tr("Track filter")),
                (self.table, self.tr("Cases")),
                (self.timeline, self.tr("The case's history")),
            )
        )
        self.heading.setText(self.tr("Cases"))
        self.mine.setText(self.tr("My cases"))
        self.all.setText(self.tr("All open"))
        self.new.setText(self.tr("New case (Ctrl+N)"))
        self.more.setText(self.tr("Other steps"))
        self.claim.setText(words.steps()["claimed"])
        self.empty.setText(self.tr("Choose a case on the left, or press Ctrl+N for a new one."))
        chosen = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Every kind"), None)
        for key, text in words.kinds().items():
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(False)
        self._refill(self.state, self.tr("Every state"), words.states(), skip="closed")
        self._refill(self.track, self.tr("Every track"), words.tracks())
        self._show_departments()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Kind"),
                self.tr("Summary"),
                self.tr("State"),
                self.tr("Owner"),
            ]
        )
        if self.listing is not None:
            self._fill(self.listing)
        self._show(self.detail)

    @staticmethod
    def _refill(box: QComboBox, every: str, items: dict[str, str], skip: str = "") -> None:
        """A filter's choices in the screen's language, keeping what was chosen."""
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(every, None)
        for key, text in items.items():
            if key != skip:
                box.addItem(text, key)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    # -- the list ---------------------------------------------------------------------------

    def load(self) -> None:
        who = self.desk.who
        if who is None:
            return
        if not self.departments:
            self.desk.call(lambda b: b.case_departments(), self._got_departments)
        mine = self.mine.isChecked()
        where = CaseFilter(
            kind=self.kind.currentData(),
            department_id=self.department.currentData(),
            state=self.state.currentData(),
            track=self.track.currentData(),
        )
        self.desk.call(lambda b: b.case_list(who, mine=mine, where=where), self._fill)

    def _got_departments(self, depts: dict[str, tuple[str, str]]) -> None:
        self.departments = depts
        self._show_departments()

    def _show_departments(self) -> None:
        ordered = sorted(self.departments.items(), key=lambda kv: kv[1][0])
        names = {k: pick(v, self.desk.lang) for k, v in ordered}
        self._refill(self.department, self.tr("Every department"), names)

    def _fill(self, listing: CaseList) -> None:
        self.listing = listing
        now, tz = self.desk.settings.now(), self._tz()
        kinds, states = words.kinds(), words.states()
        chosen = self.detail.case_id if self.detail else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(listing.rows))
        for r, row in enumerate(listing.rows):
            colour, symbol = words.LOOK["breached" if row.overdue else "ok"]
            due = f"{symbol} {words.due_words(row.due_at, now, tz)}"
            if row.escalated_to:
                due += " · " + self._level(row.escalated_to)
            cells = [
                due,
                kinds.get(row.kind, row.kind),
                row.summary,
                states.get(row.state, row.state),
                row.owner or self.tr("nobody"),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.case_id)
                if row.overdue:
                    item.setForeground(QColor(colour))
                self.table.setItem(r, c, item)
            if row.case_id == chosen:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.counts.setText(
            self.tr("%1 open · %2 due today · %3 overdue")
            .replace("%1", str(len(listing.rows)))
            .replace("%2", str(listing.due_today))
            .replace("%3", str(listing.overdue))
        )

    def _chosen(self) -> None:
        items = self.table.selectedItems()
        who = self.desk.who
        if not items or who is None:
            return
        case_id = items[0].data(Qt.ItemDataRole.UserRole)
        self.desk.call(lambda b: b.case_detail(who, case_id), self._show)

    # -- one case ---------------------------------------------------------------------------

    def _tz(self) -> dt.tzinfo:
        return self.desk.settings.tz()

    def _show(self, case: CaseDetail | None) -> None:
        self.detail = case
        shown = case is not None
        for w in (
            self.title,
            self.facts,
            self.clocks,
            self.next,
            self.more,
            self.claim,
            self.timeline,
        ):
            w.setVisible(shown)
        self.empty.setVisible(not shown)
        if case is None:
            return
        tz, lang = self._tz(), self.desk.lang
        kinds, channels, states = words.kinds(), words.channels(), words.states()
        self.title.setText(case.summary)
        facts = [
            f"{kinds.get(case.kind, case.kind)} · {channels.get(case.channel, case.channel)} · "
            + self.tr("received %1").replace(
                "%1", case.received_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            ),
            self.tr("State: %1").replace("%1", states.get(case.state, case.state))
            + (f" · {words.tracks().get(case.track, case.track)}" if case.track else ""),
            self.tr("Owner: %1").replace("%1", case.owner or self.tr("nobody")),
        ]
        if case.contact_name or case.contact_phone:
            facts.append(
                self.tr("Contact: %1").replace(
                    "%1", " ".join(filter(None, (case.contact_name, case.contact_phone)))
                )
            )
        if case.department:
            facts.append(self.tr("Department: %1").replace("%1", pick(case.department, lang)))
        if case.content:
            facts.append(case.content)
        if case.demand:
            facts.append(self.tr("Asks for: %1").replace("%1", case.demand))
        self.facts.setText("\n".join(facts))
        names = words.clock_names()
        lines = []
        for reading in case.clocks:
            colour, symbol = words.LOOK.get(reading.level, ("#1A1F24", ""))
            said = self.tr("%1: %2").replace("%1", names.get(reading.name, reading.name))
            text = f"{symbol} " + said.replace("%2", words.left(reading, tz))
            if reading.original_due_at and reading.original_due_at != reading.due_at:
                first = words.moment(reading.original_due_at, tz)
                text += " " + self.tr("(first deadline %1)").replace("%1", first)
            if reading.escalated_to:
                text += " · " + self.tr("escalated to the %1").replace(
                    "%1", self._level(reading.escalated_to)
                )
            lines.append(f'<span style="color:{colour}">{text}</span>')
        self.clocks.setText("<br>".join(lines) or self.tr("No clock runs on this case."))
        steps = words.steps()
        step = case.next_action
        self.next.setVisible(step is not None)
        self.next.setProperty("step", step)
        self.next.setText(self.tr("%1 (Ctrl+Enter)").replace("%1", steps.get(step or "", "")))
        self.menu.clear()
        who = self.desk.who
        lead = who is not None and (who.duty_lead or who.role in ("quality", "director"))
        for kind in MENU.get(case.kind, ("dispatched", *EVERY_CASE)):
            leads_only = kind in LEAD_STEPS or (kind == "closed" and case.kind == "complaint")
            if kind == step or (leads_only and not lead):
                continue
            action = self.menu.addAction(steps.get(kind, kind))
            action.triggered.connect(lambda _=False, k=kind: self.take(k))
        me = who.staff_id if who else None
        self.claim.setVisible(case.owner_id != me and case.state != "closed")
        self.timeline.clear()
        done = words.done()
        for s in reversed(case.steps):
            when = s.at.astimezone(tz).strftime("%m-%d %H:%M")
            said = s.data.get("text") or s.data.get("reason") or s.data.get("measures") or ""
            text = f"{when}  {done.get(s.kind, s.kind)} · {s.staff_name or '—'}"
            dept = case.departments.get(str(s.data.get("department_id") or ""))
            if dept:
                text += f" → {pick(dept, lang)}"
                if s.data.get("phone"):
                    text += f" ☎ {s.data['phone']}"
            if s.place:
                text += f" · {s.place}"
            if said:
                text += f"\n    {said}"
            item = QListWidgetItem(text)
            if s.corrected:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.timeline.addItem(item)

    def _level(self, level: str) -> str:
        return {
            "duty_lead": self.tr("duty lead"),
            "director": self.tr("centre's director"),
            "hospital": self.tr("hospital"),
        }.get(level, level)

    # -- acting -----------------------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if enter and ctrl and self.detail is not None and self.next.isVisible():
            self.next.click()
            return
        super().keyPressEvent(event)

    def new_case(self, **preset: Any) -> None:
        who = self.desk.who
        if who is None:
            return

        def send(form: CaseForm, dialog: NewCaseDialog) -> None:
            def opened(case: CaseDetail) -> None:
                dialog.accept()
                self._opened(case)

            self.desk.call(
                lambda b: b.open_case(who, form),
                opened,
                lambda e: dialog.failed(self.desk.message(e)),
            )

        self.desk.call(
            lambda b: b.case_departments(),
            lambda depts: self.desk.open_dialog(
                NewCaseDialog(self, depts, self.desk.lang, send, **preset)
            ),
        )

    def remote(self) -> None:
        """Another desk changed a case: the list, and the case shown, read again."""
        if not self.isVisible():
            return
        self.load()
        who, case = self.desk.who, self.detail
        if who is not None and case is not None:
            case_id = case.case_id
            self.desk.call(lambda b: b.case_detail(who, case_id), self._show)

    def show_case(self, case_id: str) -> None:
        """Every open case listed, this one open."""
        who = self.desk.who
        if who is None:
            return
        self.all.setChecked(True)
        self.load()
        self.desk.call(lambda b: b.case_detail(who, case_id), self._show)

    def _opened(self, case: CaseDetail) -> None:
        self._show(case)
        self.load()
        self.desk.reload_board()

    def take(self, kind: str | None) -> None:
        who, case = self.desk.who, self.detail
        if kind is None or who is None or case is None:
            return
        case_id = case.case_id
        if kind in NO_DATA:
            self.desk.call(lambda b: b.case_step(who, case_id, kind, {}), self._stepped)
            return

        def send(step: str, data: dict[str, Any], dialog: StepDialog) -> None:
            def stepped(done: CaseDetail) -> None:
                dialog.accept()
                self._stepped(done)

            self.desk.call(
                lambda b: b.case_step(who, case_id, step, data),
                stepped,
                lambda e: dialog.failed(self.desk.message(e)),
            )

        guides = [(g.staff_id, g.name) for g in self.desk.guides]
        self.desk.open_dialog(StepDialog(self, case, kind, self.desk.lang, guides, send))

    def _stepped(self, case: CaseDetail) -> None:
        self._show(case)
        self.load()
        if case.kind == "complaint" and case.state == "closed":
            self.desk.reload_board()
