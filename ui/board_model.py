"""The escort board's table: one row per open visit, updated row by row as changes arrive
(from this desk or any other), and a once-a-second tick that refreshes only the two time
columns — and a row's colours only when its level changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView

from app.lang import pick
from app.services.board import BoardRow
from app.services.stages import Level, StageMachine, stage_name
from ui.priority_words import priority_word
from ui.theme import ALTERNATE, EMERGENCY, GRID, LEVELS, PRIORITY, SELECTED

TICKET, PATIENT, WHERE, STAGE, ESCORT, IN_STAGE, TOTAL, FLAGS = range(8)
COLUMNS = 8
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers for sorting (minutes, ticket order)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the BoardRow itself
AnyIndex = QModelIndex | QPersistentModelIndex


def clock_text(minutes: float) -> str:
    """12:05 (minutes:seconds) under an hour, 1:02:05 beyond."""
    seconds = int(minutes * 60)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SORT_ROLE,
        ROW_ROLE,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class BoardModel(QAbstractTableModel):
    ticked = Signal()  # time moved on: repaint what is on screen

    def __init__(
        self,
        machine: StageMachine,
        now: Callable[[], dt.datetime],
        parent: QObject | None = None,
    ) -> None:
        # Owned by its window: it dies with it, on the GUI thread — never later, in whatever
        # thread Python's collector happens to run.
        super().__init__(parent)
        self.machine = machine
        self.now_fn = now
        self.now = now()
        self.lang = "zh_CN"
        self.masked = False
        self._rows: list[BoardRow] = []
        self._index: dict[str, int] = {}
        self._levels: list[Level] = []
        self._headers: list[str] = []
        self.retranslate()

    # -- structure ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def retranslate(self, lang: str | None = None) -> None:
        if lang is not None:
            self.lang = lang
        self._headers = [
            self.tr("Ticket"),
            self.tr("Patient"),
            self.tr("Department · doctor"),
            self.tr("Stage"),
            self.tr("Escort"),
            self.tr("In stage"),
            self.tr("Total"),
            self.tr("Flags"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        if self._rows:
            self.dataChanged.emit(self.index(0, PATIENT), self.index(len(self._rows) - 1, PATIENT))

    # -- rows -----------------------------------------------------------------------------

    def row_of(self, visit_id: str) -> BoardRow | None:
        i = self._index.get(visit_id)
        return self._rows[i] if i is not None else None

    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def reset(self, rows: Iterable[BoardRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {r.visit_id: i for i, r in enumerate(self._rows)}
        self.now = self.now_fn()
        self._levels = [r.level(self.machine, self.now) for r in self._rows]
        self.endResetModel()

    def apply(self, rows: Iterable[BoardRow], gone: Iterable[str] = ()) -> None:
        """Changed and new rows replace or join the board; ``gone`` rows leave it.  Only the
        rows concerned are announced to the views."""
        for row in rows:
            i = self._index.get(row.visit_id)
            level = row.level(self.machine, self.now)
            if i is None:
                n = len(self._rows)
                self.beginInsertRows(QModelIndex(), n, n)
                self._rows.append(row)
                self._levels.append(level)
                self._index[row.visit_id] = n
                self.endInsertRows()
            else:
                self._rows[i] = row
                self._levels[i] = level
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))
        for visit_id in gone:
            i = self._index.get(visit_id)
            if i is None:
                continue
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            del self._levels[i]
            self._index = {r.visit_id: j for j, r in enumerate(self._rows)}
            self.endRemoveRows()

    def tick(self) -> None:
        """Time moves on: the time columns of every row, and whole rows whose level changed."""
        self.now = self.now_fn()
        n = len(self._rows)
        if not n:
            return
        for i, row in enumerate(self._rows):
            level = row.level(self.machine, self.now)
            if level is not self._levels[i]:
                self._levels[i] = level
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))
        # Every row gains the same second: the order by time cannot change, so no row is
        # announced (the sorting proxy would re-map all of them); the views just repaint the
        # cells on screen, which read the new time.
        self.ticked.emit()

    def level(self, visit_id: str) -> Level | None:
        i = self._index.get(visit_id)
        return self._levels[i] if i is not None else None

    # -- cells ----------------------------------------------------------------------------

    def text_at(self, i: int, col: int) -> str:
        """What the board's painter needs, without a round trip through the roles."""
        return self._display(self._rows[i], i, col)

    def level_at(self, i: int) -> Level:
        return self._levels[i]

    def rank_at(self, i: int) -> int:
        return self._rows[i].rank

    def flags_text(self, row: BoardRow) -> str:
        parts = []
        if row.priority:
            parts.append(priority_word(row.priority))
        if row.language == "en":  # the patient chose English on the kiosk
            parts.append(self.tr("Speaks English"))
        if row.complaint:
            parts.append("⚑ " + self.tr("Open complaint"))
        if not row.verified:
            parts.append(self.tr("To receive"))
        if row.needs_escort:
            parts.append(self.tr("Escort needed"))
        if row.designated_doctor:
            parts.append(self.tr("Designated"))
        if row.returning:
            parts.append(self.tr("Returning"))
        if row.vip:
            parts.append("VIP")
        return " · ".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # a view asks for a dozen roles per cell
            return None
        i, col = index.row(), index.column()
        row = self._rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, i, col)
        if role == SORT_ROLE:
            if col == IN_STAGE:
                return row.minutes_in_stage(self.now)
            if col == TOTAL:
                return row.minutes_total(self.now)
            if col == TICKET:
                return row.ticket or "~"
            return self._display(row, i, col)
        if role == ROW_ROLE:
            return row
        level = self._levels[i]
        if role == Qt.ItemDataRole.BackgroundRole and level is not Level.OK:
            return QBrush(QColor(LEVELS[level][0]))
        if role == Qt.ItemDataRole.ForegroundRole and level is not Level.OK:
            return QBrush(QColor(LEVELS[level][1]))
        if role == Qt.ItemDataRole.ToolTipRole and col == IN_STAGE:
            amber, red = self.machine.thresholds.get(row.stage, (0, 0))
            if level is Level.RED:
                return self.tr("Over the limit: more than %1 min in this stage").replace(
                    "%1", str(red)
                )
            if level is Level.AMBER:
                return self.tr("Running long: more than %1 min in this stage").replace(
                    "%1", str(amber)
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (IN_STAGE, TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: BoardRow, i: int, col: int) -> str:
        if col == TICKET:
            return row.ticket or "—"
        if col == PATIENT:
            return row.masked_name if self.masked else row.name
        if col == WHERE:
            dept = pick(row.department, self.lang, self.tr("Not triaged"))
            return f"{dept} · {pick(row.doctor, self.lang)}" if row.doctor else dept
        if col == STAGE:
            return stage_name(row.stage, self.lang)
        if col == ESCORT:
            return row.escort_name or self.tr("Nobody")
        if col == IN_STAGE:
            symbol = LEVELS[self._levels[i]][2]
            text = clock_text(row.minutes_in_stage(self.now))
            return f"{symbol} {text}" if symbol else text
        if col == TOTAL:
            return clock_text(row.minutes_total(self.now))
        if col == FLAGS:
            return self.flags_text(row)
        return ""


class BoardFilter(QSortFilterProxyModel):
    """Mine / unescorted / department / stage / typed text; sorted by the chosen column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        # Filter on the row itself: a tick changes only the displayed times, which must not
        # make the proxy re-filter every row each second.
        self.setFilterRole(ROW_ROLE)
        self.setDynamicSortFilter(True)
        self.mine: str | None = None  # staff id
        self.unescorted = False
        self.department: str | None = None  # Simplified Chinese name
        self.stage: str | None = None
        self.text = ""

    def set_filter(self, **values: Any) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.9
            for key, value in values.items():
                setattr(self, key, value)
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        """An emergency first, then the elderly, the disabled and VIPs, whatever the column
        and its order; within each, the column decides."""
        model = self.sourceModel()
        assert isinstance(model, BoardModel)
        a = model.rank_at(left.row())  # straight from the rows: this runs on every re-sort
        b = model.rank_at(right.row())
        if a != b:  # Qt turns the answer round for a descending sort: turn it back
            return (a < b) == (self.sortOrder() == Qt.SortOrder.AscendingOrder)
        return super().lessThan(left, right)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        row: BoardRow = model.data(model.index(source_row, 0), ROW_ROLE)
        if self.mine and row.escort_staff_id != self.mine:
            return False
        if self.unescorted and row.escort_staff_id:
            return False
        if self.department and (row.department or ("",))[0] != self.department:
            return False
        if self.stage and row.stage != self.stage:
            return False
        if self.text:
            needle = self.text.lower()
            hay = f"{row.ticket or ''} {row.name}".lower()
            # four digits or more: the phone too (the last four, read out by the patient)
            by_phone = len(needle) >= 4 and needle.isdigit() and needle in row.phone
            if needle not in hay and not by_phone:
                return False
        return True


class HeldStill(QObject):
    """While the guide's pointer moves over the board, its rows keep their places: a row that
    another desk moved on would otherwise slide away under the cursor, and the click land on
    another patient.  The board sorts again when the pointer leaves it, or has rested for
    ``HOLD_MS``."""

    HOLD_MS = 3000

    def __init__(self, view: QTableView, proxy: QSortFilterProxyModel) -> None:
        super().__init__(view)
        self.proxy = proxy
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.HOLD_MS)
        self.timer.timeout.connect(self.release)
        viewport = view.viewport()
        viewport.setMouseTracking(True)  # moves without a button pressed count too
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseMove, QEvent.Type.Enter, QEvent.Type.MouseButtonPress):
            self.hold()
        elif kind == QEvent.Type.Leave:
            self.release()
        return False

    @property
    def holding(self) -> bool:
        return not self.proxy.dynamicSortFilter()

    def hold(self) -> None:
        if not self.holding:
            self.proxy.setDynamicSortFilter(False)
        self.timer.start()

    def release(self) -> None:
        self.timer.stop()
        if self.holding:
            self.proxy.setDynamicSortFilter(True)  # sorts (and filters) again at once


class BoardView(QTableView):
    """The board's table, painted row by row straight from the model's rows.

    The stock view paints cell by cell through a delegate that asks the model for ten roles
    and runs each through the style; a whole-board repaint (a row another desk moved re-sorts
    the table) took 7 ms that way, and 3.7 ms with a Python delegate per cell.  Here one pass
    paints what the event asks for: each row's fill (its level, the selection, alternate
    rows), its cells' text elided to fit, and the grid.  Geometry, scrolling, selection,
    keys, tool tips and accessibility stay the stock view's, fed by the same model."""

    PAD = 6
    BAR = 5  # the priority bar's width

    def __init__(self, proxy: QSortFilterProxyModel, model: BoardModel) -> None:
        super().__init__()
        self.board = model
        self.setModel(proxy)
        self.proxy = proxy
        self.fills = {level: QColor(colours[0]) for level, colours in LEVELS.items()}
        self.inks = {level: QColor(colours[1]) for level, colours in LEVELS.items()}
        self.selected = QColor(SELECTED)
        self.firsts = (QColor(EMERGENCY), QColor(PRIORITY))  # by rank
        self.alternate = QColor(ALTERNATE)
        self.grid = QColor(GRID)
        self.texts: dict[tuple[str, int], tuple[str, int]] = {}  # elided, its width
        self.texts_font = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        proxy = self.proxy
        rows = proxy.rowCount()
        if not rows:
            return
        area = event.rect()
        first = self.rowAt(area.top())
        last = self.rowAt(area.bottom())
        if first < 0:
            return
        if last < 0:
            last = rows - 1
        header = self.horizontalHeader()
        columns = []
        for col in range(COLUMNS):
            x = header.sectionViewportPosition(col)
            width = header.sectionSize(col)
            if not header.isSectionHidden(col) and x < area.right() and x + width > area.left():
                columns.append((col, x, width))
        if not columns:
            return
        font = self.font()
        if font.key() != self.texts_font:  # the look changed: measured texts are stale
            self.texts.clear()
            self.texts_font = font.key()
        metrics = self.fontMetrics()
        selection = self.selectionModel()
        painter = QPainter(self.viewport())
        painter.setFont(font)
        left = columns[0][1]
        right = columns[-1][1] + columns[-1][2]
        height = self.verticalHeader().defaultSectionSize()
        base = (height - metrics.height()) / 2 + metrics.ascent()  # one baseline for all text
        for r in range(first, last + 1):
            y = self.rowViewportPosition(r)
            i = proxy.mapToSource(proxy.index(r, 0)).row()
            level = self.board.level_at(i)
            if selection.isRowSelected(r, QModelIndex()):
                painter.fillRect(left, y, right - left, height, self.selected)
            elif level is not Level.OK:
                painter.fillRect(left, y, right - left, height, self.fills[level])
            elif r % 2:
                painter.fillRect(left, y, right - left, height, self.alternate)
            rank = self.board.rank_at(i)
            if rank < 2:  # who goes first: a bar down the row's left edge
                painter.fillRect(left, y, self.BAR, height, self.firsts[rank])
            painter.setPen(self.inks[level])
            for col, x, width in columns:
                text = self.board.text_at(i, col)
                inner = width - 2 * self.PAD
                fitted = self.texts.get((text, inner))
                if fitted is None:
                    if len(self.texts) > 4000:  # times change every second: let old ones go
                        self.texts.clear()
                    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner)
                    fitted = (elided, metrics.horizontalAdvance(elided))
                    self.texts[(text, inner)] = fitted
                if col in (IN_STAGE, TOTAL):
                    painter.drawText(QPointF(x + width - self.PAD - fitted[1], y + base), fitted[0])
                else:
                    painter.drawText(QPointF(x + self.PAD, y + base), fitted[0])
        painter.setPen(self.grid)
        bottom = self.rowViewportPosition(last) + height - 1
        top = self.rowViewportPosition(first)
        for r in range(first, last + 1):
            line = self.rowViewportPosition(r) + height - 1
            painter.drawLine(left, line, right, line)
        for _col, x, width in columns:
            painter.drawLine(x + width - 1, top, x + width - 1, bottom)
        painter.end()
