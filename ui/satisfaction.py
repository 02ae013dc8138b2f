"""Patient satisfaction: the survey figures for a run of days, overall and by department,
doctor or guide — answers, response rate, the mean of each rated dimension, the share of low
ratings, NPS and complaints.  For the quality and follow-up officers, directors and the duty
lead; read off the screen or copied as text into a report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.lang import pick
from app.services.survey_figures import Figures, Report
from gui.roles import name_for_readers, set_role
from ui.tables import read_only_table

if TYPE_CHECKING:
    from ui.desk import Desk

PRESETS = ((0, "today"), (6, "week"), (29, "month"))  # days back from today
REFRESH_MS = 60_000  # the figures on screen follow new answers at least this often
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


class SatisfactionPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.report: Report | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.presets = QButtonGroup(self)
        self.preset_buttons: list[QPushButton] = []
        for days, _ in PRESETS:
            b = QPushButton()
            b.setCheckable(True)
            self.presets.addButton(b, days)
            self.preset_buttons.append(b)
        self.presets.idClicked.connect(self._preset)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_changed)
        self.group = QComboBox()
        self.group.currentIndexChanged.connect(lambda _: self.load())
        self.refresh = QPushButton()
        self.refresh.clicked.connect(self.load)
        self.copy = QPushButton()
        self.copy.clicked.connect(self._copy)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.hide()
        self.loading = QLabel()  # the central server is asked: it may take a moment
        set_role(self.loading, "muted")
        self.loading.hide()
        self.table = read_only_table(0)
        self.comments_title = QLabel()
        set_role(self.comments_title, "heading")
        self.comments = read_only_table(3)  # what patients wrote, newest first
        self.comments.setWordWrap(True)
        self.timer = QTimer(self)  # answers come in all day: the figures follow by themselves
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        set_role(self.legend, "muted")

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.refresh)
        top.addWidget(self.copy)
        when = QHBoxLayout()
        for b in self.preset_buttons:
            when.addWidget(b)
        when.addSpacing(24)
        when.addWidget(self.from_label)
        when.addWidget(self.first)
        when.addWidget(self.to_label)
        when.addWidget(self.last)
        when.addSpacing(24)
        when.addWidget(self.group)
        when.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addLayout(when)
        box.addWidget(self.error)
        box.addWidget(self.loading)
        box.addWidget(self.summary)
        box.addWidget(self.source)
        box.addWidget(self.table, 2)
        box.addWidget(self.comments_title)
        box.addWidget(self.comments, 1)
        box.addWidget(self.legend)
        self.retranslate()

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        name_for_readers(
            (  # what a screen reader says for each input
                (self.first, self.tr("First day")),
                (self.last, self.tr("Last day")),
                (self.group, self.tr("Figures by")),
                (self.table, self.tr("Satisfaction figures")),
                (self.comments, self.tr("What patients wrote")),
            )
        )
        self.heading.setText(self.tr("Patient satisfaction"))
        names = {
            "today": self.tr("Today"),
            "week": self.tr("Last 7 days"),
            "month": self.tr("Last 30 days"),
        }
        for b, (_, key) in zip(self.preset_buttons, PRESETS, strict=True):
            b.setText(names[key])
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.refresh.setText(self.tr("Refresh"))
        self.copy.setText(self.tr("Copy as text"))
        self.loading.setText(self.tr("Bringing the figures up to date…"))
        self.comments.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Department"), self.tr("What the patient wrote")]
        )
        chosen = self.group.currentIndex()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("Overall only"), None)
        self.group.addItem(self.tr("By department"), "department")
        self.group.addItem(self.tr("By doctor"), "doctor")
        self.group.addItem(self.tr("By guide"), "guide")
        self.group.setCurrentIndex(max(chosen, 0))
        self.group.blockSignals(False)
        self.legend.setText(
            self.tr(
                "Rate: answers per patient who left in these days. Means are out of 5. "
                "Low: ratings of 1 or 2. NPS: patients who would recommend us (9–10) minus "
                "those who would not (0–6), in points from −100 to 100. Anonymous answers "
                "count only in the first row."
            )
        )
        if self.report is not None:
            self.show_report(self.report)

    # -- the range --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and self.presets.checkedId() == -1:
            self.preset_buttons[1].setChecked(True)
            self._preset(PRESETS[1][0])

    def _today(self) -> dt.date:
        settings = self.desk.settings
        return settings.local(settings.now()).date()  # the hospital's day, not UTC's

    def _preset(self, days_back: int) -> None:
        today = self._today()
        self._set_range(today - dt.timedelta(days=days_back), today)
        self.load()

    def _set_range(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _dates_changed(self) -> None:
        self.presets.setExclusive(False)
        for b in self.preset_buttons:
            b.setChecked(False)
        self.presets.setExclusive(True)
        self.load()

    def chosen_range(self) -> tuple[dt.date, dt.date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, dt.date) and isinstance(last, dt.date)  # QDate gives a date
        return first, last

    def load(self) -> None:
        first, last = self.chosen_range()
        if last < first:
            self.error.setText(self.tr("The first day comes after the last day."))
            self.error.show()
            return
        self.error.hide()
        by = self.group.currentData()
        who = self.desk.who
        if who is None:
            return
        self.loading.show()
        self.desk.call(
            lambda b: b.survey_report(who, first, last, by),
            self._loaded,
            self._failed,
            slow=True,  # the central server may take seconds: the desk goes on meanwhile
        )

    def _loaded(self, report: Report) -> None:
        self.loading.hide()
        self.show_report(report)

    def _failed(self, error: BaseException) -> None:
        self.loading.hide()
        self.error.setText(self.desk.message(error))
        self.error.show()

    def remote(self) -> None:
        """New answers reached this desk: the figures on screen are brought up to date."""
        if self.isVisible() and self.report is not None:
            self.load()

    def _tick(self) -> None:
        if self.isVisible() and self.report is not None:
            self.load()

    # -- the figures ------------------------------------------------------------------------

    def _name(self, f: Figures) -> str:
        if f.key is None:
            return self.tr("All answers")
        return pick(f.name, self.desk.lang)

    def headers(self, report: Report) -> list[str]:
        lang = self.desk.lang
        return [
            self.tr("Who"),
            self.tr("Answers"),
            self.tr("Left"),
            self.tr("Rate"),
            *(d.label.get(lang, d.id) for d in report.dimensions),
            self.tr("Low"),
            self.tr("NPS"),
            self.tr("Complaints"),
        ]

    def row(self, report: Report, f: Figures) -> list[str]:
        return [
            self._name(f),
            str(f.responses),
            str(f.departed),
            _percent(f.rate),
            *(_number(f.means.get(d.id)) for d in report.dimensions),
            _percent(f.low_share),
            _number(f.nps),
            str(f.complaints),
        ]

    def show_report(self, report: Report) -> None:
        self.report = report
        o = report.overall
        if o.responses == 0:
            text = self.tr("No answers from %1 to %2.")
        else:
            text = self.tr(
                "%3 answers from %1 to %2, from %4 patients who left (%5). NPS %6; "
                "%7 of ratings low; %8 complaints."
            )
        self.summary.setText(
            text.replace("%1", report.first_day.isoformat())
            .replace("%2", report.last_day.isoformat())
            .replace("%3", str(o.responses))
            .replace("%4", str(o.departed))
            .replace("%5", _percent(o.rate))
            .replace("%6", _number(o.nps))
            .replace("%7", _percent(o.low_share))
            .replace("%8", str(o.complaints))
        )
        self.source.setVisible(report.source != "standalone")
        if report.source == "server":
            self.source.setText(self.tr("From every desk's records, on the central server."))
            set_role(self.source, "muted")
        elif report.source == "desk":
            self.source.setText(
                self.tr(
                    "The central server did not answer: these figures are from this desk's "
                    "own records only."
                )
            )
            set_role(self.source, "warn")
        headers = self.headers(report)
        rows = [report.overall, *report.rows]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, f in enumerate(rows):
            for c, value in enumerate(self.row(report, f)):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(RIGHT)
                if r == 0:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.show_comments(report)

    def show_comments(self, report: Report) -> None:
        lang = self.desk.lang
        self.comments_title.setText(
            self.tr(
                "What patients wrote (%1, newest first) — ⚑ a complaint, ▼ a low rating"
            ).replace("%1", str(len(report.comments)))
        )
        self.comments.setRowCount(len(report.comments))
        for r, c in enumerate(report.comments):
            marks = ("⚑ " if c.complaint else "") + ("▼ " if c.low else "")
            where = pick(c.department, lang) if c.department else self.tr("No department")
            for col, value in enumerate((c.at, where, marks + c.text)):
                self.comments.setItem(r, col, QTableWidgetItem(value))
        self.comments.resizeColumnToContents(0)
        self.comments.resizeColumnToContents(1)
        self.comments.resizeRowsToContents()

    def as_text(self) -> str:
        if self.report is None:
            return ""
        lines = [self.heading.text(), self.summary.text(), self.source.text(), ""]
        lines.append("\t".join(self.headers(self.report)))
        for f in [self.report.overall, *self.report.rows]:
            lines.append("\t".join(self.row(self.report, f)))
        lines += ["", self.legend.text()]
        return "\n".join(lines)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
