"""The shift view: each guide's patients today and their average time per stage, the day's
arrivals by source channel, and how quickly calls for a guide were answered — the duty lead's
daily report, read off the screen or copied as text."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.shift import ShiftReport
from app.services.stages import stage_name
from gui.roles import name_for_readers, set_role
from ui.register import source_names
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


class ShiftPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.report: ShiftReport | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refresh = QPushButton()
        self.refresh.clicked.connect(self.load)
        self.day = QDateEdit()  # today, or any past day this desk holds
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.load())
        self.copy = QPushButton()
        self.copy.clicked.connect(self._copy)
        self.guides_title, self.stages_title = QLabel(), QLabel()
        self.sources_title, self.help_title = QLabel(), QLabel()
        for w in (self.guides_title, self.stages_title, self.sources_title, self.help_title):
            set_role(w, "heading")
        self.guides = read_only_table(4)
        self.stages = read_only_table(4)
        self.sources = read_only_table(2)
        self.help = QLabel()
        self.help.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.day)
        top.addWidget(self.refresh)
        top.addWidget(self.copy)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.guides_title, 0, 0)
        grid.addWidget(self.guides, 1, 0, 3, 1)
        grid.addWidget(self.stages_title, 0, 1)
        grid.addWidget(self.stages, 1, 1)
        grid.addWidget(self.sources_title, 2, 1)
        grid.addWidget(self.sources, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addWidget(self.summary)
        box.addLayout(grid, 1)
        box.addWidget(self.help_title)
        box.addWidget(self.help)
        self.retranslate()

    def retranslate(self) -> None:
        name_for_readers(
            (  # what a screen reader says for each table
                (self.guides, self.tr("Guides")),
                (self.stages, self.tr("Average time per stage")),
                (self.sources, self.tr("Arrivals by source")),
            )
        )
        self.heading.setText(self.tr("Shift report"))
        self.day.setAccessibleName(self.tr("Day of the report"))
        self.refresh.setText(self.tr("Refresh"))
        self.copy.setText(self.tr("Copy as text"))
        self.guides_title.setText(self.tr("Guides"))
        self.stages_title.setText(
            self.tr("Average time per stage (patients still in a stage count up to now)")
        )
        self.sources_title.setText(self.tr("Arrivals by source"))
        self.help_title.setText(self.tr("Calls for a guide"))
        self.guides.setHorizontalHeaderLabels(
            [self.tr("Guide"), self.tr("Escorted"), self.tr("Now"), self.tr("Average per stage")]
        )
        self.stages.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Stays"), self.tr("Minutes"), self.tr("In it now (longest)")]
        )
        self.sources.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Patients")])
        if self.report is not None:
            self.show_report(self.report)

    def _today(self) -> dt.date:
        settings = self.desk.settings
        return settings.local(settings.now()).date()

    def load(self) -> None:
        today = self._today()
        chosen = self.day.date().toPython()
        if not isinstance(chosen, dt.date) or self.day.date() == QDate(2000, 1, 1):
            chosen = today
        if chosen > today:  # no report of a day to come: today's
            chosen = today
        self.day.blockSignals(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.day.blockSignals(False)
        self.desk.call(lambda b: b.shift_report(chosen), self.show_report)

    def source_name(self, key: str) -> str:
        return {"": self.tr("Not given"), **source_names()}.get(key, key)

    def show_report(self, report: ShiftReport) -> None:
        self.report = report
        lang = self.desk.lang
        self.summary.setText(
            self.tr("%1 arrivals on %4, %2 departed, %3 still in the building.")
            .replace("%1", str(report.arrivals))
            .replace("%2", str(report.departed))
            .replace("%3", str(report.arrivals - report.departed))
            .replace("%4", report.day.isoformat())
        )
        _fill(
            self.guides,
            [
                [
                    g.name,
                    str(g.escorted),
                    str(g.escorting_now),
                    "  ".join(f"{stage_name(f.stage, lang)} {f.mean_min:g}" for f in g.stages),
                ]
                for g in report.guides
            ],
        )
        _fill(
            self.stages,
            [
                [
                    stage_name(f.stage, lang),
                    str(f.count),
                    f"{f.mean_min:g}",
                    f"{f.still} ({f.longest_still_min:g})" if f.still else "",
                ]
                for f in report.stages
            ],
        )
        _fill(self.sources, [[self.source_name(k), str(n)] for k, n in report.by_source.items()])
        h = report.help
        median = "—" if h.median_answer_s is None else f"{h.median_answer_s:g}"
        slowest = "—" if h.slowest_answer_s is None else f"{h.slowest_answer_s:g}"
        self.help.setText(
            self.tr(
                "%1 calls, %2 answered; half were answered within %3 s, the slowest after %4 s; "
                "%5 went to the duty lead."
            )
            .replace("%1", str(h.requests))
            .replace("%2", str(h.acknowledged))
            .replace("%3", median)
            .replace("%4", slowest)
            .replace("%5", str(h.escalated))
        )

    def as_text(self) -> str:
        lines = [f"{self.heading.text()} {self.report.day if self.report else ''}"]
        lines.append(self.summary.text())
        for title, table in (
            (self.guides_title, self.guides),
            (self.stages_title, self.stages),
            (self.sources_title, self.sources),
        ):
            lines.append("")
            lines.append(title.text())
            for r in range(table.rowCount()):
                items = (table.item(r, c) for c in range(table.columnCount()))
                cells = [item.text() if item is not None else "" for item in items]
                lines.append("\t".join(cells))
        lines += ["", self.help_title.text(), self.help.text()]
        return "\n".join(lines)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
