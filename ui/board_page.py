"""The escort board page: filters, the table, the legend, and the actions on the chosen visit —
each a button and a key (the keys work while the table has the focus)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.lang import pick
from app.services.board import BoardRow
from app.services.stages import StageMachine, stage_name
from gui.roles import name_for_readers, set_role
from ui.board_model import (
    ESCORT,
    IN_STAGE,
    PATIENT,
    ROW_ROLE,
    STAGE,
    TICKET,
    TOTAL,
    WHERE,
    BoardFilter,
    BoardModel,
    BoardView,
    HeldStill,
)
from ui.desk import Desk
from ui.escort import EscortActions
from ui.theme import ROW_PX, row_px

WIDTHS = {TICKET: 80, PATIENT: 130, WHERE: 250, STAGE: 120, ESCORT: 110, IN_STAGE: 110, TOTAL: 100}


DESK_ACTIONS = (
    "receive",
    "priority",
    "triage",
    "timeline",
    "note",
    "print",
    "reveal",
)  # the second row


class BoardPage(QWidget):
    def __init__(self, desk: Desk, machine: StageMachine, model: BoardModel) -> None:
        super().__init__()
        self.desk = desk
        self.escort = EscortActions(desk, self)
        self.machine = machine
        self.model = model
        self.proxy = BoardFilter(self)
        self.proxy.setSourceModel(model)

        self.mine = QCheckBox()
        self.unescorted = QCheckBox()
        self.department = QComboBox()
        self.stage = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)  # its hint whole: ticket, name or phone
        self.masked = QCheckBox()
        self.count = QLabel()
        set_role(self.count, "muted")
        self.mine.toggled.connect(self._filter)
        self.unescorted.toggled.connect(self._filter)
        self.department.currentIndexChanged.connect(self._filter)
        self.stage.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.masked.toggled.connect(model.set_masked)
        filters = QHBoxLayout()
        for w in (self.mine, self.unescorted, self.department, self.stage, self.search):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.masked)
        filters.addWidget(self.count)

        self.table = BoardView(self.proxy, model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in WIDTHS.items():
            header.resizeSection(col, width)
        self.table.sortByColumn(IN_STAGE, Qt.SortOrder.DescendingOrder)
        self.still = HeldStill(self.table, self.proxy)  # no row slides away under the pointer
        model.ticked.connect(self._repaint_times)
        self.table.doubleClicked.connect(lambda _i: self.escort.open_timeline())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        self.proxy.rowsInserted.connect(self._counted)
        self.proxy.rowsRemoved.connect(self._counted)
        self.proxy.modelReset.connect(self._counted)
        self.proxy.layoutChanged.connect(self._counted)

        self.legend = QLabel()
        set_role(self.legend, "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.undo = QPushButton()
        self.undo.hide()
        self.undo.clicked.connect(self.escort.undo)

        # (attribute, key, handler): each action is a button and a key on the table
        self.escort_buttons: dict[str, tuple[QPushButton, str, Callable[[], None]]] = {
            "claim": (QPushButton(), "C", self.escort.claim),
            "release": (QPushButton(), "R", self.escort.release),
            "hand_off": (QPushButton(), "H", self.escort.hand_off),
            "next": (QPushButton(), "N", self.escort.advance),
            "move": (QPushButton(), "M", self.escort.move_on),
            "admit": (QPushButton(), "A", self.escort.admit),
            "depart": (QPushButton(), "D", self.escort.depart),
            "receive": (QPushButton(), "V", self.escort.receive),
            "priority": (QPushButton(), "E", self.escort.priority),
            "triage": (QPushButton(), "F4", self.escort.triage),
            "timeline": (QPushButton(), "T", self.escort.open_timeline),
            "note": (QPushButton(), "W", self.escort.note),
            "print": (QPushButton(), "P", self.escort.print_ticket),
            "reveal": (QPushButton(), "S", self.escort.reveal),
        }
        # the escort's steps on the left; the desk's own (receive, triage, the timeline, a
        # note, a ticket) on the right — wrapping to a second row when a language's words are
        # long, so the window never outgrows the screen
        bar = QHBoxLayout()
        desk_bar = QHBoxLayout()
        for name, (btn, key, handler) in self.escort_buttons.items():
            btn.clicked.connect(handler)
            btn.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            (desk_bar if name in DESK_ACTIONS else bar).addWidget(btn)
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)
            if name == "next":
                set_role(btn, "primary")
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.escort.open_timeline)
        bar.addStretch(1)
        desk_bar.addStretch(1)

        notice = QHBoxLayout()
        notice.addWidget(self.message, 1)
        notice.addWidget(self.undo)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(notice)
        box.addLayout(bar)
        box.addLayout(desk_bar)
        box.addWidget(self.legend)
        self.retranslate()
        self.update_actions()

    # -- texts ----------------------------------------------------------------------------

    def set_text_scale(self, scale: float) -> None:
        """The system's text is larger: rows, columns and the search box grow with it."""
        self.table.verticalHeader().setDefaultSectionSize(row_px(scale))
        header = self.table.horizontalHeader()
        for col, width in WIDTHS.items():
            header.resizeSection(col, round(width * scale))
        self.search.setMinimumWidth(round(260 * scale))

    def retranslate(self) -> None:
        name_for_readers(
            (  # what a screen reader says for each input
                (self.search, self.tr("Find a patient")),
                (self.department, self.tr("Department filter")),
                (self.stage, self.tr("Stage filter")),
                (self.table, self.tr("Escort board")),
            )
        )
        lang = self.desk.lang
        self.model.retranslate(lang)
        self.mine.setText(self.tr("Mine"))
        self.unescorted.setText(self.tr("Nobody escorting"))
        self.masked.setText(self.tr("Hide names"))
        self.masked.setToolTip(self.tr("For a desk the public can see: names show as 王*丽"))
        self.search.setPlaceholderText(self.tr("Find ticket, name or phone"))
        self._fill_stages()
        self.set_departments(self.departments())
        texts = {
            "claim": self.tr("Take escort"),
            "release": self.tr("Release"),
            "hand_off": self.tr("Hand off…"),
            "next": self.tr("Next stage"),
            "move": self.tr("Move to…"),
            "admit": self.tr("Admission…"),
            "depart": self.tr("Departed"),
            "receive": self.tr("Receive"),
            "priority": self.tr("Priority…"),
            "triage": self.tr("Triage"),
            "timeline": self.tr("Timeline"),
            "note": self.tr("Note…"),
            "print": self.tr("Print ticket"),
            "reveal": self.tr("Show name…"),
        }
        for name, (btn, key, _) in self.escort_buttons.items():
            btn.setText(f"{texts[name]} ({key})")
        self.legend.setText(
            self.tr(
                "▲ running long (amber)   ■ over the limit (red)   — keys work while the board "
                "has the focus; Enter opens the timeline"
            )
        )
        self.undo.setText(self.tr("Undo"))
        self._counted()
        self.update_actions()

    def _fill_stages(self) -> None:
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        self.stage.addItem(self.tr("All stages"), None)
        for s in self.machine.open_stages():
            self.stage.addItem(stage_name(s, self.desk.lang), s)
        self.stage.setCurrentIndex(max(self.stage.findData(current), 0))
        self.stage.blockSignals(False)

    def departments(self) -> list[tuple[str, str]]:
        return [
            (self.department.itemData(i), self.department.itemData(i, Qt.ItemDataRole.UserRole + 1))
            for i in range(1, self.department.count())
        ]

    def set_departments(self, names: list[tuple[str, str]]) -> None:
        """``names``: (Simplified Chinese, English) pairs, in the hospital's order."""
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for zh, en in names:
            self.department.addItem(pick((zh, en), self.desk.lang), zh)
            self.department.setItemData(
                self.department.count() - 1, en, Qt.ItemDataRole.UserRole + 1
            )
        self.department.setCurrentIndex(max(self.department.findData(current), 0))
        self.department.blockSignals(False)

    def _repaint_times(self) -> None:
        """Only the two time columns change each second: repaint just them."""
        header = self.table.horizontalHeader()
        left = header.sectionViewportPosition(IN_STAGE)
        right = header.sectionViewportPosition(TOTAL) + header.sectionSize(TOTAL)
        viewport = self.table.viewport()
        viewport.update(QRect(left, 0, right - left, viewport.height()))

    # -- filtering and selection ----------------------------------------------------------

    def _filter(self) -> None:
        who = self.desk.who
        self.proxy.set_filter(
            mine=who.staff_id if (self.mine.isChecked() and who) else None,
            unescorted=self.unescorted.isChecked(),
            department=self.department.currentData(),
            stage=self.stage.currentData(),
            text=self.search.text().strip(),
        )
        self._counted()

    def _counted(self, *_: object) -> None:
        self.count.setText(
            self.tr("%1 of %2 patients")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def current(self) -> BoardRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(self.proxy.index(index.row(), 0), ROW_ROLE)

    def select(self, visit_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(r, 0), ROW_ROLE)
            if row.visit_id == visit_id:
                index = self.proxy.index(r, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def update_actions(self) -> None:
        row = self.current()
        who = self.desk.who
        may_escort = self.desk.may("escort")
        may_register = self.desk.may("register")
        mine = bool(row and who and row.escort_staff_id == who.staff_id)
        director = bool(who and who.role == "director")
        enabled = {
            "claim": may_escort and row is not None and row.escort_staff_id is None,
            "release": may_escort
            and row is not None
            and (mine or director)
            and row.escort_staff_id is not None,
            "hand_off": may_escort and row is not None and (mine or director),
            "next": may_escort and row is not None,
            "move": may_escort and row is not None,
            "admit": may_escort and row is not None and row.stage not in ("arrived", "admission"),
            "depart": may_escort and row is not None,
            "receive": may_register and row is not None and not row.verified,
            "priority": may_register and row is not None,
            "triage": may_register and row is not None,
            "timeline": row is not None,
            "note": row is not None and (may_escort or may_register),
            "print": row is not None and (may_escort or may_register) and bool(row.ticket),
            "reveal": row is not None and row.name == row.masked_name,
        }
        for name, (btn, _, _) in self.escort_buttons.items():
            btn.setEnabled(enabled[name])
            btn.setVisible(
                (name not in ("claim", "release", "hand_off", "next", "move", "admit", "depart"))
                or may_escort
            )
        for name in ("receive", "priority", "triage"):
            self.escort_buttons[name][0].setVisible(may_register)
        masked = who is not None and not self.desk.may("names")
        self.escort_buttons["reveal"][0].setVisible(masked)
        self.masked.setVisible(not masked)  # masked already, but for whom they revealed

    def say(
        self, text: str, *, role: str = "banner", undo: bool = False, undo_label: str = ""
    ) -> None:
        # the Undo names whom it moves back: the last patient moved, whoever is chosen now
        self.undo.setText(
            self.tr("Undo for %1").replace("%1", undo_label) if undo_label else self.tr("Undo")
        )
        set_role(self.message, role)
        self.message.setText(text)
        self.message.show()
        self.undo.setVisible(undo)

    def quiet(self) -> None:
        self.message.hide()
        self.undo.hide()
