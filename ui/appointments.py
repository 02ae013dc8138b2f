"""Today's appointments at the desk (F7): who is expected, late, a no-show, arrived or
cancelled, with a count that adds up; found by check-in code, the phone's last digits or the
name; checked in at any hour — outside the kiosk's window the guide writes down why — and the
ticket printed on this desk's printer.

The list shows names masked (王*明) and phones masked; the chosen booking's full name is shown
beside it, for the guide to confirm with the patient in front of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontDeskError
from app.lang import pick
from app.services.appointments import (
    REASON_MAX,
    AppointmentDay,
    AppointmentLine,
    Arrival,
    search,
)
from app.services.checkin import CheckInResult
from app.staff_backend import RowsUpdate
from gui.roles import set_role
from ui.dialogs import Dialog
from ui.tables import read_only_table
from ui.ticket_print import print_visit_ticket

if TYPE_CHECKING:
    from ui.desk import Desk

REFRESH_MS = 30_000  # the clock moves bookings on (late, no-show) even when nothing syncs
COLUMNS = 7
# the filter buttons, in order; None: every booking
FILTERS: tuple[Arrival | None, ...] = (
    None,
    Arrival.EXPECTED,
    Arrival.LATE,
    Arrival.NO_SHOW,
    Arrival.ARRIVED,
    Arrival.CANCELLED,
)
COLOURS = {
    Arrival.LATE: QColor("#b45309"),
    Arrival.NO_SHOW: QColor("#b91c1c"),
    Arrival.ARRIVED: QColor("#15803d"),
    Arrival.CANCELLED: QColor("#6b7280"),
}


class ReasonDialog(Dialog):
    """Why a booking is checked in outside the kiosk's window: one of the usual reasons, or
    the guide's own words."""

    def __init__(self, parent: QWidget | None, line: AppointmentLine, heading: str) -> None:
        super().__init__(parent, self.tr("Check in outside the window"), None)
        title = QLabel(heading)
        set_role(title, "heading")
        self.box.addWidget(title)
        late = line.arrival in (Arrival.LATE, Arrival.NO_SHOW)
        ask = QLabel(self.tr("Why is the patient checked in now? Choose or write a reason."))
        ask.setWordWrap(True)
        self.box.addWidget(ask)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        usual = (
            (
                self.tr("Arrived late (traffic, parking)"),
                self.tr("Mistook the time of the appointment"),
                self.tr("The kiosk could not find the booking"),
                self.tr("Went to another building first"),
            )
            if late
            else (
                self.tr("Came early; the department can see them now"),
                self.tr("Mistook the time of the appointment"),
            )
        )
        self.reason.addItem("")
        self.reason.addItems(list(usual))
        edit = self.reason.lineEdit()
        assert edit is not None  # an editable box has one
        edit.setMaxLength(REASON_MAX)
        edit.setPlaceholderText(self.tr("A reason, in a few words"))
        edit.returnPressed.connect(self.submit)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.box.addWidget(self.reason)
        hint = QLabel(self.tr("Kept with the check-in, with your name, desk and time."))
        set_role(hint, "muted")
        self.box.addWidget(hint)
        self.finish_layout()
        self.setMinimumWidth(520)
        edit.setFocus()

    def answer(self) -> str:
        return self.reason.currentText()


class AppointmentsPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.day: AppointmentDay | None = None
        self.shown: list[AppointmentLine] = []
        self.chosen_id: str | None = None

        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.search_box = QLineEdit()  # Ctrl+F
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(320)
        self.search_box.textChanged.connect(lambda _t: self._show())
        self.search_box.returnPressed.connect(self._enter)
        self.reload = QPushButton()
        self.reload.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.search_box)
        top.addWidget(self.reload)

        self.filters = QButtonGroup(self)
        self.filters.setExclusive(True)
        chips = QHBoxLayout()
        for i, _arrival in enumerate(FILTERS):
            button = QPushButton()
            button.setCheckable(True)
            button.setChecked(i == 0)
            self.filters.addButton(button, i)
            chips.addWidget(button)
        chips.addStretch(1)
        self.filters.idClicked.connect(lambda _i: self._show())
        self.summary = QLabel()  # the count that adds up, in a sentence
        set_role(self.summary, "status")
        self.summary.setWordWrap(True)

        self.table = read_only_table(COLUMNS, choose_rows=True)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.table.doubleClicked.connect(lambda _i: self.check_in())
        self.empty = QLabel()
        set_role(self.empty, "muted")

        self.who_line = QLabel()  # the chosen booking, the full name to confirm
        set_role(self.who_line, "heading")
        self.who_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QPushButton()  # Enter
        set_role(self.check, "primary")
        self.check.clicked.connect(self.check_in)
        self.print_button = QPushButton()  # P
        self.print_button.clicked.connect(self.print_ticket)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.who_line, 1)
        actions.addWidget(self.check)
        actions.addWidget(self.print_button)

        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addLayout(chips)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty)
        box.addLayout(actions)
        box.addWidget(self.message)

        for sequence, action in (
            ("Ctrl+F", self._focus_find),
            ("Return", self._enter),
            ("Enter", self._enter),
            ("P", self.print_ticket),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_find)
        self.search_box.installEventFilter(self)  # Down from the search goes to the list

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.retranslate()
        self._update_actions()

    # -- words ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Check-in code, last 4 digits of the phone, or name")
        )
        self.search_box.setAccessibleName(self.tr("Find a booking"))
        self.table.setAccessibleName(self.tr("Today's appointments"))
        self.reload.setText(self.tr("Refresh"))
        self.check.setText(self.tr("Check in (Enter)"))
        self.print_button.setText(self.tr("Print ticket (P)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Where it stands"),
                self.tr("Code"),
                self.tr("Patient"),
                self.tr("Phone"),
                self.tr("Department · doctor"),
                self.tr("Ticket"),
            ]
        )
        self.empty.setText(self.tr("No booking matches."))
        self._fill_words()

    def arrival_word(self, arrival: Arrival | None) -> str:
        return {
            None: self.tr("All"),
            Arrival.EXPECTED: self.tr("Expected"),
            Arrival.LATE: self.tr("Late"),
            Arrival.NO_SHOW: self.tr("No-show"),
            Arrival.ARRIVED: self.tr("Arrived"),
            Arrival.CANCELLED: self.tr("Cancelled"),
        }[arrival]

    def standing(self, line: AppointmentLine) -> str:
        """Where a booking stands, in the few words of its row."""
        if line.arrival == Arrival.ARRIVED:
            how = (
                self.tr("at the kiosk") if line.arrival_channel == "kiosk" else self.tr("at a desk")
            )
            return self.tr("Arrived %1 %2").replace("%1", line.arrived_at).replace("%2", how)
        if line.arrival == Arrival.EXPECTED and line.window_open:
            return self.tr("Expected — check-in open")
        if line.arrival in (Arrival.LATE, Arrival.NO_SHOW):
            return (
                self.arrival_word(line.arrival)
                + " · "
                + self.tr("%1 min").replace("%1", str(line.minutes_late))
            )
        return self.arrival_word(line.arrival)

    def _fill_words(self) -> None:
        day = self.day
        counts = day.counts if day else dict.fromkeys(Arrival, 0)
        for i, arrival in enumerate(FILTERS):
            n = day.booked + counts[Arrival.CANCELLED] if arrival is None and day else 0
            if arrival is not None:
                n = counts[arrival]
            self.filters.button(i).setText(f"{self.arrival_word(arrival)} {n}")
        when = day.day.strftime("%m-%d") if day else ""
        self.heading.setText(self.tr("Today's appointments %1").replace("%1", when))
        if day is None:
            self.summary.setText("")
        else:
            self.summary.setText(
                self.tr(
                    "%1 booked: %2 arrived, %3 expected, %4 late, %5 no-show (and %6 cancelled)."
                )
                .replace("%1", str(day.booked))
                .replace("%2", str(counts[Arrival.ARRIVED]))
                .replace("%3", str(counts[Arrival.EXPECTED]))
                .replace("%4", str(counts[Arrival.LATE]))
                .replace("%5", str(counts[Arrival.NO_SHOW]))
                .replace("%6", str(counts[Arrival.CANCELLED]))
            )
        self._show()

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.desk.call(lambda b: b.appointments(who), self._loaded, self._failed)

    def _tick(self) -> None:
        if self.isVisible():
            self.load()

    def _loaded(self, day: AppointmentDay) -> None:
        self.day = day
        self._fill_words()

    def _failed(self, error: BaseException) -> None:
        self.say(self.desk.message(error), role="warn")

    def _show(self) -> None:
        """The lines the filter and the search leave, the chosen one kept chosen."""
        lines = self.day.lines if self.day else []
        wanted = FILTERS[max(0, self.filters.checkedId())]
        if wanted is not None:
            lines = [line for line in lines if line.arrival == wanted]
        lines = search(lines, self.search_box.text())
        keep = self.chosen_id
        self.shown = lines
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(lines))
        lang = self.desk.lang
        for r, line in enumerate(lines):
            doctor = pick(line.doctor, lang) if line.doctor else ""
            where = pick(line.department, lang) + (f" · {doctor}" if doctor else "")
            values = (
                line.local_time,
                self.standing(line),
                line.code,
                line.masked_name,
                line.masked_phone,
                where,
                line.ticket or "",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                colour = COLOURS.get(line.arrival)
                if colour is not None and c == 1:
                    item.setForeground(colour)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        row = next((r for r, line in enumerate(lines) if line.appointment_id == keep), None)
        if row is None and len(lines) == 1:
            row = 0  # the search found one: it is the one
        if row is not None:
            table.selectRow(row)
        else:
            table.clearSelection()
        table.blockSignals(False)
        self.empty.setVisible(bool(self.day) and not lines)
        self._chosen()

    # -- the chosen booking ---------------------------------------------------------------

    def current(self) -> AppointmentLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def _chosen(self) -> None:
        line = self.current()
        if line is not None:
            self.chosen_id = line.appointment_id
        self._update_actions()

    def _update_actions(self) -> None:
        line = self.current()
        if line is None:
            self.who_line.setText(self.tr("Choose a booking, or type its code, phone or name."))
        else:
            self.who_line.setText(
                f"{line.local_time}  {line.name}  {line.masked_phone}  "
                f"{pick(line.department, self.desk.lang)}  {line.room}"
            )
        self.check.setEnabled(
            line is not None and line.arrival not in (Arrival.ARRIVED, Arrival.CANCELLED)
        )
        self.print_button.setEnabled(line is not None and line.visit_id is not None)

    def _focus_find(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _enter(self) -> None:
        if self.current() is not None:
            self.check_in()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.shown
        ):
            self.table.setFocus()
            if self.current() is None:
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def scanned(self, text: str) -> None:
        """A code read by the scanner (or typed as fast as one) on this page: the booking it
        names, checked in when it is the only one."""
        self.search_box.setText(text.strip())
        self._enter()

    def say(self, text: str, role: str = "banner") -> None:
        set_role(self.message, role)
        self.message.setText(text)
        self.message.show()

    # -- check-in and ticket --------------------------------------------------------------

    def check_in(self) -> None:
        line = self.current()
        if line is None:
            self.say(self.tr("Choose a booking first."), role="warn")
            return
        if line.arrival == Arrival.ARRIVED:
            self.say(
                self.tr("%1 has already arrived: ticket %2. P prints it again.")
                .replace("%1", line.masked_name)
                .replace("%2", line.ticket or ""),
                role="warn",
            )
            return
        if line.arrival == Arrival.CANCELLED:
            self.say(self.tr("This booking was cancelled; register the patient instead (F2)."))
            return
        if line.arrival == Arrival.EXPECTED and line.window_open:
            self._check_in(line, "")
        else:
            self._ask_reason(line)

    def _heading(self, line: AppointmentLine) -> str:
        if line.arrival == Arrival.EXPECTED:
            when = self.tr("early")
        else:
            when = self.tr("%1 min late").replace("%1", str(line.minutes_late))
        return (
            self.tr("Booked for %1 (%2): %3")
            .replace("%1", line.local_time)
            .replace("%2", when)
            .replace("%3", line.name)
        )

    def _ask_reason(self, line: AppointmentLine) -> None:
        dialog = ReasonDialog(self, line, self._heading(line))
        dialog.on_submit = lambda reason: self._check_in(line, reason, dialog)
        self.desk.open_dialog(dialog)

    def _check_in(self, line: AppointmentLine, reason: str, dialog: Dialog | None = None) -> None:
        who = self.desk.who

        def ok(answer: tuple[CheckInResult, RowsUpdate]) -> None:
            result, update = answer
            if dialog is not None:
                dialog.accept()
            self.desk.rows_changed(update)
            self.say(
                self.tr("%1 checked in: ticket %2.")
                .replace("%1", line.masked_name)
                .replace("%2", result.ticket)
            )
            self.chosen_id = line.appointment_id
            self.load()
            print_visit_ticket(self.desk, result.visit_id, self._printed)

        def failed(error: BaseException) -> None:
            late_now = isinstance(error, FrontDeskError) and error.code == "reason_needed"
            if late_now and dialog is None:  # the window closed as the guide pressed Enter
                self.load()
                self._ask_reason(line)
                return
            if dialog is not None:
                dialog.failed(self.desk.message(error))
            else:
                self.say(self.desk.message(error), role="warn")
            self.load()

        self.desk.call(
            lambda b: b.check_in_appointment(who, line.appointment_id, reason), ok, failed
        )

    def _printed(self, text: str, role: str = "banner") -> None:
        """The printer's answer after the check-in's words."""
        said = self.message.text()
        self.say(f"{said} {text}" if role == "banner" else text, role=role)

    def print_ticket(self) -> None:
        line = self.current()
        if line is None or line.visit_id is None:
            return
        print_visit_ticket(self.desk, line.visit_id, self.say)

    def remote(self) -> None:
        """Bookings or visits changed elsewhere (a kiosk's check-in)."""
        if self.isVisible():
            self.load()
