"""The duty log page (值班日志): today's notes — system problems, difficult cases, incidents —
written by whoever is on duty, for the daily report; the hand-over at the end of a shift, with
what stands open filled in by the desk; and a hand-over waiting for the next shift, who take it
over with one button.  Everything written stays (the log is append-only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.duty import TEXT_MAX, DutyLine
from gui.roles import name_for_readers, set_role
from ui.dialogs import Dialog
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

KINDS = ("system", "case", "incident", "other")


def kind_name(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "system": QCoreApplication.translate("DutyPage", "System problem"),
        "case": QCoreApplication.translate("DutyPage", "Difficult case"),
        "incident": QCoreApplication.translate("DutyPage", "Incident"),
        "other": QCoreApplication.translate("DutyPage", "Other"),
        "handover": QCoreApplication.translate("DutyPage", "Hand-over"),
    }
    return names.get(kind, kind)


def standing_text(data: dict[str, Any]) -> str:
    """What stood open at a hand-over, in a line."""
    from PySide6.QtCore import QCoreApplication

    mine = [str(t) for t in data.get("mine", [])]
    text = (
        QCoreApplication.translate(
            "DutyPage", "In the building: %1 · calls for a guide still open: %2"
        )
        .replace("%1", str(data.get("in_building", 0)))
        .replace("%2", str(data.get("open_calls", 0)))
    )
    if mine:
        text += "; " + QCoreApplication.translate("DutyPage", "walking with %1").replace(
            "%1", " ".join(mine)
        )
    return text


class HandOverDialog(Dialog):
    """The hand-over: what stands open now, and what the next shift must know."""

    def __init__(self, parent: QWidget | None, standing: dict[str, Any]) -> None:
        super().__init__(parent, self.tr("Hand over the shift"), None)
        now = QLabel(standing_text(standing))
        now.setWordWrap(True)
        set_role(now, "banner")
        self.box.addWidget(now)
        self.box.addWidget(QLabel(self.tr("What the next shift must know:")))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("e.g. bed 12's family waits at the pharmacy; kiosk 2's printer is out of paper")
        )
        self.text.setAccessibleName(self.tr("What the next shift must know"))
        self.box.addWidget(self.text)
        self.finish_layout()
        self.setMinimumWidth(560)
        self.text.setFocus()

    def answer(self) -> str:
        return self.text.toPlainText()[:TEXT_MAX]


class DutyPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.lines: list[DutyLine] = []
        self.on_change: Callable[[], None] | None = None  # the tab shows what waits
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.hand_over_button = QPushButton()
        self.hand_over_button.clicked.connect(self.hand_over)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.hand_over_button)

        self.waiting = QFrame()  # hand-overs nobody took over yet
        set_role(self.waiting, "help")
        self.waiting_box = QVBoxLayout(self.waiting)
        self.waiting.hide()

        self.kind = QComboBox()
        self.text = QLineEdit()
        self.text.setMaxLength(TEXT_MAX)
        self.text.returnPressed.connect(self.add)
        self.add_button = QPushButton()
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self.add)
        adding = QHBoxLayout()
        adding.addWidget(self.kind)
        adding.addWidget(self.text, 1)
        adding.addWidget(self.add_button)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.table = read_only_table(4)
        self.table.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addWidget(self.waiting)
        box.addLayout(adding)
        box.addWidget(self.error)
        box.addWidget(self.table, 1)
        add_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key.activated.connect(self.add)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Duty log"))
        self.hand_over_button.setText(self.tr("Hand over my shift…"))
        self.add_button.setText(self.tr("Add to the log"))
        self.text.setPlaceholderText(
            self.tr("What happened: a kiosk down, a difficult case, an incident…")
        )
        chosen = self.kind.currentData()
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        name_for_readers(
            (
                (self.kind, self.tr("Kind of note")),
                (self.text, self.tr("The note")),
                (self.table, self.tr("Duty log")),
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Kind"), self.tr("Who"), self.tr("What")]
        )
        self.show_lines(self.lines)

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        who = self.desk.who
        if who is not None:
            self.desk.call(lambda b: b.duty_log(who), self.show_lines)

    def remote(self) -> None:
        self.load()

    def time(self, line: DutyLine) -> str:
        local = self.desk.settings.local(line.at)
        today = self.desk.settings.local(self.desk.settings.now()).date()
        return local.strftime("%H:%M" if local.date() == today else "%m-%d %H:%M")

    def show_lines(self, lines: list[DutyLine]) -> None:
        self.lines = lines
        rows = []
        for line in lines:
            what = line.text
            if line.kind == "handover":
                what = standing_text(line.data) + (f" — {line.text}" if line.text else "")
                if line.taken_by and line.taken_at:
                    what += " — " + self.tr("Taken over by %1 at %2").replace(
                        "%1", line.taken_by
                    ).replace("%2", self.time_of(line.taken_at))
            rows.append([self.time(line), kind_name(line.kind), line.who, what])
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        for col in range(3):  # what was written takes the room left
            self.table.resizeColumnToContents(col)
        self.table.resizeRowsToContents()
        self._show_waiting()
        if self.on_change is not None:
            self.on_change()

    def time_of(self, at: Any) -> str:
        return str(self.desk.settings.local(at).strftime("%H:%M"))

    def _show_waiting(self) -> None:
        while self.waiting_box.count():
            item = self.waiting_box.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:  # gone from sight now, deleted when Qt gets to it
                widget.hide()
                widget.deleteLater()
        waiting = self.waiting_lines()
        for line in waiting:
            row = QHBoxLayout()
            text = QLabel(
                self.tr("Hand-over from %1 at %2, waiting to be taken over: %3")
                .replace("%1", line.who)
                .replace("%2", self.time(line))
                .replace("%3", standing_text(line.data) + (f" — {line.text}" if line.text else ""))
            )
            text.setWordWrap(True)
            take = QPushButton(self.tr("Take over"))
            set_role(take, "primary")
            take.clicked.connect(lambda _=False, n=line.note_id: self.take_over(n))
            holder = QWidget()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(text, 1)
            row.addWidget(take)
            holder.setLayout(row)
            self.waiting_box.addWidget(holder)
        self.waiting.setVisible(bool(waiting))

    def waiting_lines(self) -> list[DutyLine]:
        """Hand-overs of others this person may take over."""
        who = self.desk.who
        mine = who.staff_id if who else None
        return [
            ln
            for ln in self.lines
            if ln.kind == "handover" and not ln.taken_by and ln.staff_id != mine
        ]

    # -- writing --------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self.error.setText(self.desk.message(error))
        self.error.show()

    def add(self) -> None:
        who = self.desk.who
        if who is None:
            return
        kind, text = self.kind.currentData(), self.text.text()
        self.error.hide()

        def done(lines: list[DutyLine]) -> None:
            self.text.clear()
            self.show_lines(lines)

        self.desk.call(lambda b: b.duty_write(who, kind, text), done, self._failed)

    def hand_over(self) -> None:
        who = self.desk.who
        if who is None:
            return

        def ask(standing: dict[str, Any]) -> None:
            dialog = HandOverDialog(self, standing)

            def submit(text: str) -> None:
                def done(lines: list[DutyLine]) -> None:
                    dialog.accept()
                    self.show_lines(lines)

                self.desk.call(
                    lambda b: b.duty_hand_over(who, text),
                    done,
                    lambda e: dialog.failed(self.desk.message(e)),
                )

            dialog.on_submit = submit
            self.desk.open_dialog(dialog)

        self.desk.call(lambda b: b.duty_standing(who), ask)

    def take_over(self, handover_id: str) -> None:
        who = self.desk.who
        if who is None:
            return
        self.error.hide()
        self.desk.call(lambda b: b.duty_take_over(who, handover_id), self.show_lines, self._failed)
