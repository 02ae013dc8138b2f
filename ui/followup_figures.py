"""The follow-up figures (Ctrl+G on the follow-up page): today, this week, this month, or last
week — the summary due by Monday 18:00 — overall and by department: the calls due, how each
ended, coverage, reach, on time, attempts per completed call and the phone survey's
satisfaction.  Every rate beside the counts it is made of, greyed below 30; copied as text into
the weekly summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.lang import pick
from app.services.followup_figures import PERIODS, CallFigures, CallReport, Period
from gui.roles import set_role
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

SMALL_N = 30  # a rate over fewer is shown grey (BACKOFFICE.md §4)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def rate(part: int, whole: int) -> str:
    """ "80% (4/5)": the rate with what it is made of; "—" over nothing."""
    return "—" if not whole else f"{100 * part / whole:.0f}% ({part}/{whole})"


class FollowUpFigures(QDialog):
    def __init__(self, desk: Desk, period: Period = "week", parent: QWidget | None = None) -> None:
        super().__init__(parent)  # a parent: the desk's look
        self.desk = desk
        self.report: CallReport | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.span = QLabel()
        set_role(self.span, "status")
        self.periods = QButtonGroup(self)
        self.period_buttons: dict[Period, QPushButton] = {}
        row = QHBoxLayout()
        for i, name in enumerate(PERIODS):
            button = QPushButton()
            button.setCheckable(True)
            self.periods.addButton(button, i)
            self.period_buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.copy = QPushButton()
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.copy)
        self.periods.idClicked.connect(lambda i: self.load(PERIODS[i]))
        self.table = read_only_table(11)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        set_role(self.note, "muted")
        self.note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addLayout(row)
        box.addWidget(self.span)
        box.addWidget(self.table, 1)
        box.addWidget(self.note)
        self.resize(1280, 560)
        self.retranslate()
        self.load(period)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Follow-up figures"))
        self.heading.setText(self.tr("Follow-up figures"))
        words = {
            "today": self.tr("Today"),
            "week": self.tr("This week"),
            "month": self.tr("This month"),
            "last_week": self.tr("Last week (Monday's summary)"),
        }
        for name, button in self.period_buttons.items():
            button.setText(words[name])
        self.copy.setText(self.tr("Copy as text"))
        self.note.setText(
            self.tr(
                "Calls due in the period. Coverage = (done + unreachable + declined) / (due − "
                "excluded); reached = (done + declined) / (due − excluded); on time = closed "
                "by the deadline. A rate over fewer than %1 is grey."
            ).replace("%1", str(SMALL_N))
        )
        self.table.setHorizontalHeaderLabels(self._headers())
        if self.report is not None:
            self._fill(self.report)

    def _headers(self) -> list[str]:
        return [
            self.tr("Department"),
            self.tr("Due"),
            self.tr("Done"),
            self.tr("Unreachable"),
            self.tr("Declined"),
            self.tr("Excluded"),
            self.tr("Missed"),
            self.tr("Coverage"),
            self.tr("Reached"),
            self.tr("On time"),
            self.tr("Phone satisfaction"),
        ]

    def load(self, period: Period) -> None:
        self.period_buttons[period].setChecked(True)
        who = self.desk.who
        if who is None:
            return
        self.desk.call(lambda b: b.call_figures(who, period), self._fill)

    def _cells(self, f: CallFigures) -> list[tuple[str, bool]]:
        """Each cell's text, and whether it is a rate over too few to read."""
        c = f.calls
        return [
            (pick(f.name, self.desk.lang), False),
            (str(c.eligible), False),
            (str(c.completed), False),
            (str(c.unreachable), False),
            (str(c.refused), False),
            (str(c.excluded), False),
            (str(c.missed), False),
            (rate(c.covered, c.base), c.base < SMALL_N),
            (rate(c.completed + c.refused, c.base), c.base < SMALL_N),
            (rate(c.on_time, c.covered), c.covered < SMALL_N),
            (rate(f.satisfied, f.ratings), f.ratings < SMALL_N),
        ]

    def _fill(self, report: CallReport) -> None:
        self.report = report
        span = f"{report.first_day:%Y-%m-%d} – {report.last_day:%Y-%m-%d}"
        attempts = report.overall.calls.attempts_per_completed
        self.span.setText(
            self.tr("%1 · attempts per completed call: %2 · phone survey answers: %3")
            .replace("%1", span)
            .replace("%2", "—" if attempts is None else f"{attempts:.1f}")
            .replace("%3", str(report.overall.phone_answers))
        )
        rows = [report.overall, *report.rows]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, figures in enumerate(rows):
            for c, (text, few) in enumerate(self._cells(figures)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                if few:
                    item.setForeground(QColor("#8a8f98"))
                if r == 0:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        for c in range(1, self.table.columnCount()):
            self.table.resizeColumnToContents(c)

    def as_text(self) -> str:
        """The table as tab-separated text, with its period, for the weekly summary."""
        if self.report is None:
            return ""
        lines = [f"{self.heading.text()}\t{self.span.text()}", "\t".join(self._headers())]
        for f in (self.report.overall, *self.report.rows):
            lines.append("\t".join(text for text, _ in self._cells(f)))
        return "\n".join(lines)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
