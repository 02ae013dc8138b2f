"""The guide workstation's window: sign in, the desk (board, registration, triage, shift) with
the call-a-guide panel above it, and the lock screen after inactivity.

Every call to the back end goes through the bridge (one worker thread; answers on the screen's
thread).  Changes pulled from other desks arrive as ``remote(touched)`` and re-read only the
rows concerned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontDeskError
from app.kiosk_backend import visit_from_qr
from app.services.auth import SignedIn
from app.services.stages import ADMISSION, DEPARTED, StageMachine, stage_name
from app.staff_backend import ESCORT, HELP, REGISTER, REPORT, StaffMember, allowed
from app.sync.engine import SyncStatus, Touched
from gui.guards import IdleWatcher, ScanDetector
from gui.roles import set_role
from ui.board_model import BoardModel
from ui.board_page import BoardPage
from ui.dialogs import AdmissionDialog, Dialog, HandOffDialog, MoveDialog, TimelineDialog
from ui.help_panel import HelpPanel
from ui.register import RegisterPage
from ui.satisfaction import SatisfactionPage
from ui.shift import ShiftPage
from ui.theme import stylesheet
from ui.triage import TriagePage

LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("zh_TW", "繁體中文"), ("en", "English"))


@dataclass
class DeskSettings:
    desk_name: str
    language: str
    lock_after_min: int
    machine: StageMachine
    now: Callable[[], dt.datetime]
    local: Callable[[dt.datetime], dt.datetime]
    sound: Callable[[], None] = QApplication.beep
    tick_ms: int = 1000
    help_poll_ms: int = 5000


class SignInPage(QWidget):
    def __init__(self, desk: StaffWindow) -> None:
        super().__init__()
        self.desk = desk
        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = QLabel()
        set_role(self.where, "muted")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.user_label, self.pass_label = QLabel(), QLabel()
        self.user_label.setBuddy(self.username)
        self.pass_label.setBuddy(self.password)
        self.go = QPushButton()
        set_role(self.go, "primary")
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(
            lambda _i: self.desk.set_language(self.language.currentData())
        )
        form = QFormLayout()
        form.addRow(self.user_label, self.username)
        form.addRow(self.pass_label, self.password)
        panel = QFrame()
        panel.setFixedWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.where)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.go)
        inner.addSpacing(16)
        inner.addWidget(self.language)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.go.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)

    def retranslate(self) -> None:
        self.title.setText(self.tr("FrontDesk — guide desk"))
        self.where.setText(self.desk.settings.desk_name)
        self.user_label.setText(self.tr("&User name"))
        self.pass_label.setText(self.tr("&Password"))
        self.go.setText(self.tr("Sign in"))
        i = self.language.findData(self.desk.lang)
        if i != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)

    def submit(self) -> None:
        self.error.hide()
        self.desk.sign_in(self.username.text(), self.password.text())

    def failed(self, message: str) -> None:
        self.password.clear()
        self.password.setFocus()
        self.error.setText(message)
        self.error.show()

    def clear(self) -> None:
        self.username.clear()
        self.password.clear()
        self.error.hide()
        self.username.setFocus()


class LockPage(QWidget):
    """The desk after inactivity: nothing of the board shows; the same person unlocks with
    their password, or somebody else signs in."""

    def __init__(self, desk: StaffWindow) -> None:
        super().__init__()
        self.desk = desk
        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.calls = QLabel()
        set_role(self.calls, "warn")
        self.calls.hide()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock = QPushButton()
        set_role(self.unlock, "primary")
        self.switch = QPushButton()
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.hide()
        panel = QFrame()
        panel.setFixedWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.calls)
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        inner.addWidget(self.unlock)
        inner.addWidget(self.switch)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.unlock.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.switch.clicked.connect(self.desk.sign_out)

    def retranslate(self) -> None:
        who = self.desk.who
        self.title.setText(self.tr("Locked — %1").replace("%1", who.display_name if who else ""))
        self.password.setPlaceholderText(self.tr("Password to unlock"))
        self.unlock.setText(self.tr("Unlock"))
        self.switch.setText(self.tr("Switch user"))

    def submit(self) -> None:
        self.error.hide()
        self.desk.unlock(self.password.text())

    def failed(self, message: str) -> None:
        self.password.clear()
        self.error.setText(message)
        self.error.show()

    def show_calls(self, waiting: int) -> None:
        self.calls.setText(self.tr("%1 calls for a guide are waiting").replace("%1", str(waiting)))
        self.calls.setVisible(waiting > 0)


class StaffWindow(QMainWindow):
    def __init__(self, settings: DeskSettings, bridge: Any, translations: Callable[[str], None]):
        super().__init__()
        self.settings = settings
        self.bridge = bridge
        self.translations = translations
        self.lang = settings.language
        self.who: SignedIn | None = None
        self.username = ""
        self.guides: list[StaffMember] = []
        self.last_moved: str | None = None
        self.seen_conflicts: set[Any] = set()
        self.setStyleSheet(stylesheet())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.model = BoardModel(settings.machine, settings.now, self)
        self.stack = QStackedWidget()
        self.signin_page = SignInPage(self)
        self.lock_page = LockPage(self)
        self.desk_page = QWidget()

        self.topbar = QFrame()
        set_role(self.topbar, "topbar")
        self.desk_label = QLabel()
        set_role(self.desk_label, "heading")
        self.person = QLabel()
        self.sync_label = QLabel()
        set_role(self.sync_label, "status")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(
            lambda _i: self.set_language(self.language.currentData())
        )
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.lock)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.sign_out)
        bar = QHBoxLayout(self.topbar)
        bar.setContentsMargins(12, 6, 12, 6)
        bar.addWidget(self.desk_label)
        bar.addSpacing(16)
        bar.addWidget(self.person)
        bar.addStretch(1)
        bar.addWidget(self.sync_label)
        bar.addWidget(self.language)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.switch_button)

        self.help_panel = HelpPanel(self.acknowledge, self.resolve, settings.sound)
        self.board_page = BoardPage(self, settings.machine, self.model)
        self.register_page = RegisterPage(self)
        self.triage_page = TriagePage(self)
        self.shift_page = ShiftPage(self)
        self.satisfaction_page = SatisfactionPage(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board_page, "")
        self.tabs.addTab(self.register_page, "")
        self.tabs.addTab(self.triage_page, "")
        self.tabs.addTab(self.shift_page, "")
        self.tabs.addTab(self.satisfaction_page, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        box = QVBoxLayout(self.desk_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.topbar)
        box.addWidget(self.help_panel)
        box.addWidget(self.tabs, 1)

        for page in (self.signin_page, self.desk_page, self.lock_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        for key, index in (("F1", 0), ("F2", 1), ("F3", 2)):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda i=index: self._go_tab(i))
        register = QShortcut(QKeySequence("Ctrl+Return"), self.register_page)
        register.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        register.activated.connect(self.register_page.submit.click)

        self.ticker = QTimer(self)
        self.ticker.setInterval(settings.tick_ms)
        self.ticker.timeout.connect(self._tick)
        self.help_timer = QTimer(self)
        self.help_timer.setInterval(settings.help_poll_ms)
        self.help_timer.timeout.connect(self.reload_help)
        self.idle = IdleWatcher(max(settings.lock_after_min, 1) * 60_000)
        self.idle.idle.connect(self.lock)
        self.idle.paused = True
        self.scanner = ScanDetector()
        self.scanner.scanned.connect(self.scanned)
        bridge.ready.connect(self._backend_ready)
        bridge.failed.connect(self._backend_failed)
        self.retranslate()
        self.stack.setCurrentWidget(self.signin_page)
        self.resize(1600, 900)

    # -- wiring ---------------------------------------------------------------------------

    def closeEvent(self, event: Any) -> None:
        self.ticker.stop()
        self.help_timer.stop()
        super().closeEvent(event)

    def install_guards(self, app: QApplication) -> None:
        app.installEventFilter(self.idle)
        self.scanner.watch(app)  # application-wide: the desk's dialogs are windows of their own

    def remove_guards(self, app: QApplication) -> None:
        app.removeEventFilter(self.idle)
        app.removeEventFilter(self.scanner)

    def call(
        self,
        fn: Callable[[Any], Any],
        on_ok: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Any:
        return self.bridge.call(fn, on_ok, on_error or self.show_error)

    def may(self, action: str) -> bool:
        return self.who is not None and allowed(self.who, action)

    # -- language -------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self.translations(lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FrontDesk — guide desk"))
        self.desk_label.setText(self.settings.desk_name)
        self.lock_button.setText(self.tr("Lock"))
        self.switch_button.setText(self.tr("Switch user"))
        for i, text in enumerate(
            (
                self.tr("Board (F1)"),
                self.tr("Register (F2)"),
                self.tr("Triage (F3)"),
                self.tr("Shift"),
                self.tr("Satisfaction"),
            )
        ):
            self.tabs.setTabText(i, text)
        i = self.language.findData(self.lang)
        if i != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)
        self._show_person()
        for page in (
            self.signin_page,
            self.lock_page,
            self.board_page,
            self.register_page,
            self.triage_page,
            self.shift_page,
            self.satisfaction_page,
        ):
            page.retranslate()
        self.help_panel.tick(self.settings.now())

    def _show_person(self) -> None:
        who = self.who
        if who is None:
            self.person.setText("")
            return
        roles = {
            "guide": self.tr("Guide"),
            "consultant": self.tr("Consultant"),
            "follow_up": self.tr("Follow-up"),
            "quality": self.tr("Quality"),
            "director": self.tr("Director"),
        }
        text = f"{who.display_name} · {roles.get(who.role, who.role)}"
        if who.duty_lead:
            text += " · " + self.tr("duty lead")
        self.person.setText(text)

    # -- start-up and sign-in -------------------------------------------------------------

    def _backend_ready(self) -> None:
        self.signin_page.go.setEnabled(True)
        if not getattr(self.bridge.runtime, "synced", True):
            self.sync_label.setText(self.tr("Stand-alone desk (no server)"))

    def _backend_failed(self, reason: str) -> None:
        self.signin_page.failed(
            self.tr("The desk could not open its data: %1").replace("%1", reason)
        )

    def sign_in(self, username: str, password: str) -> None:
        def ok(who: SignedIn) -> None:
            self.username = username.strip()
            self.signed_in(who)

        self.call(
            lambda b: b.sign_in(username, password),
            ok,
            lambda e: self.signin_page.failed(self.message(e)),
        )

    def signed_in(self, who: SignedIn) -> None:
        self.who = who
        self.signin_page.clear()
        self._apply_role()
        self.stack.setCurrentWidget(self.desk_page)
        self.idle.paused = False
        self.idle.restart()
        self.ticker.start()
        self.help_timer.start()
        self.reload_board()
        self.reload_help()
        self.reload_roster()
        self.call(lambda b: b.guides(), self._set_guides)
        self.board_page.table.setFocus()

    def _apply_role(self) -> None:
        self._show_person()
        self.tabs.setTabVisible(1, self.may(REGISTER))
        self.tabs.setTabVisible(2, self.may(REGISTER))
        self.tabs.setTabVisible(3, self.may(REPORT))
        self.tabs.setTabVisible(4, self.may(REPORT))
        self.help_panel.duty_lead = bool(self.who and self.who.duty_lead)
        self.help_panel.may_help = self.may(HELP)
        self.board_page.update_actions()
        self.board_page.mine.setVisible(self.may(ESCORT))
        self.lock_page.retranslate()

    def lock(self) -> None:
        if self.who is None:
            return
        self.idle.paused = True
        self.idle.restart()
        self.close_dialogs()
        self.lock_page.retranslate()
        self.lock_page.password.clear()
        self.lock_page.error.hide()
        self.lock_page.show_calls(
            sum(1 for r in self.help_panel.requests.values() if not r.acknowledged_at)
        )
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.password.setFocus()

    def unlock(self, password: str) -> None:
        who = self.who
        if who is None:
            return

        def ok(again: SignedIn) -> None:
            if again.staff_id != who.staff_id:
                self.lock_page.failed(self.tr("That is somebody else's password."))
                return
            self.stack.setCurrentWidget(self.desk_page)
            self.idle.paused = False
            self.idle.restart()

        self.call(
            lambda b: b.sign_in(self.username, password),
            ok,
            lambda e: self.lock_page.failed(self.message(e)),
        )

    def sign_out(self) -> None:
        self.who = None
        self.username = ""
        self.idle.paused = True
        self.idle.restart()
        self.ticker.stop()
        self.help_timer.stop()
        self.close_dialogs()
        self.model.reset([])
        self.board_page.mine.setChecked(False)
        self.board_page.quiet()
        self.register_page.clear()
        self.triage_page.set_visit(None)
        self._show_person()
        self.signin_page.clear()
        self.stack.setCurrentWidget(self.signin_page)

    def open_dialog(self, dialog: Dialog) -> None:
        """Open a dialog; when it closes, the board has the keyboard again."""

        def back() -> None:
            self.activateWindow()
            if self.tabs.currentWidget() is self.board_page:
                self.board_page.table.setFocus()

        dialog.finished.connect(back)
        dialog.open()

    def close_dialogs(self) -> None:
        for dialog in self.findChildren(Dialog):
            dialog.reject()

    # -- loading --------------------------------------------------------------------------

    def reload_board(self) -> None:
        self.call(lambda b: b.board(), self.model.reset)

    def reload_roster(self) -> None:
        def got(roster: list[Any]) -> None:
            self.register_page.set_roster(roster)
            self.triage_page.set_roster(roster)
            self.board_page.set_departments([d.name for d in roster])

        self.call(lambda b: b.roster(), got)

    def reload_help(self) -> None:
        if self.who is None:
            return
        self.call(
            lambda b: b.help_requests(),
            lambda reqs: self.help_panel.set_all(reqs, self.settings.now()),
        )

    def _set_guides(self, guides: list[StaffMember]) -> None:
        self.guides = guides

    def _tick(self) -> None:
        self.model.tick()
        self.help_panel.tick(self.settings.now())

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.shift_page:
            self.shift_page.load()
        elif self.tabs.widget(index) is self.satisfaction_page and self.satisfaction_page.report:
            self.satisfaction_page.load()

    def _go_tab(self, index: int) -> None:
        if self.stack.currentWidget() is self.desk_page and self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def show_board(self, visit_id: str | None = None) -> None:
        self.tabs.setCurrentWidget(self.board_page)
        if visit_id:
            self.board_page.select(visit_id)
        self.board_page.table.setFocus()

    # -- live -----------------------------------------------------------------------------

    def remote(self, touched: Touched) -> None:
        """Another desk or a kiosk changed something (called on the screen's thread)."""
        if self.who is None:
            return
        if touched.visits:
            ids = list(touched.visits)
            self.call(lambda b: b.rows(ids), self._apply_rows)
        if touched.requests:
            ids_r = list(touched.requests)
            self.call(
                lambda b: b.help_requests(ids_r),
                lambda reqs: self.help_panel.merge(reqs, self.settings.now()),
            )
        if touched.tables & {"departments", "doctors", "roster_slots"}:
            self.reload_roster()
        if "staff" in touched.tables:
            self.call(lambda b: b.guides(), self._set_guides)

    def sync_status(self, status: SyncStatus) -> None:
        tz = self.settings.local(self.settings.now()).tzinfo or dt.UTC
        self.sync_label.setText(status.describe(self.settings.now(), tz, self.lang))
        for result in status.conflicts:
            key = result.get("mutation_id")
            if key in self.seen_conflicts:
                continue
            self.seen_conflicts.add(key)
            if result.get("status") in ("rejected", "quarantined"):
                self.board_page.say(self._refusal(result), role="warn")
                continue
            for c in result.get("conflicts") or []:
                if c.get("reason") == "claimed_by_other":
                    row = self.model.row_of(c.get("visit_id", ""))
                    ticket = (row.ticket or row.name) if row else "—"
                    self.board_page.say(
                        self.tr("Your claim on %1 was refused: %2 got there first.")
                        .replace("%1", ticket)
                        .replace("%2", c.get("holder_name") or "?"),
                        role="warn",
                    )

    def _refusal(self, result: dict[str, Any]) -> str:
        """A change of this desk the server would not take, in words a guide can act on."""
        if result.get("status") == "quarantined":
            return self.tr(
                "The server could not take a change made on this desk. It has been undone "
                "here and kept safe for the administrator; tell the duty lead."
            )
        why = {
            "forbidden": self.tr("it is not allowed"),
            "missing_row": self.tr("the record it changes is unknown to the server"),
            "missing_parent": self.tr("the record it changes is unknown to the server"),
            "append_only": self.tr("recorded steps cannot be changed"),
        }.get(str(result.get("code")), self.tr("its data is not valid"))
        return self.tr(
            "The server refused a change made on this desk (%1). It has been undone here and "
            "kept for the duty lead; please enter it again if it is still needed."
        ).replace("%1", why)

    def _apply_rows(self, update: Any) -> None:
        self.model.apply(update.rows, update.gone)
        self.board_page.update_actions()

    # -- scanning -------------------------------------------------------------------------

    def scanned(self, text: str) -> None:
        visit_id = visit_from_qr(text)
        if self.who is None or self.stack.currentWidget() is not self.desk_page:
            return
        if visit_id is None:
            self.board_page.say(self.tr("That code is not a FrontDesk ticket."), role="warn")
            return

        def found(update: Any) -> None:
            self._apply_rows(update)
            self.show_board()
            if self.board_page.select(visit_id):
                self.open_timeline()
            else:
                self.board_page.say(
                    self.tr("This ticket is not on today's board (departed or another day)."),
                    role="warn",
                )

        self.call(lambda b: b.rows([visit_id]), found)

    # -- actions on the chosen visit ------------------------------------------------------

    def _chosen(self, action: str | None = None) -> Any:
        """The visit chosen on the board, if this person may do ``action`` to it."""
        if action is not None and not self.may(action):
            return None
        row = self.board_page.current()
        if row is None:
            self.board_page.say(self.tr("Choose a patient on the board first."), role="warn")
        return row

    def _act(
        self,
        fn: Callable[[Any], Any],
        done: str,
        *,
        undo: bool = False,
        visit_id: str | None = None,
        dialog: Dialog | None = None,
    ) -> None:
        """Run one change; on success the rows are replaced and ``done`` is said (with an Undo
        for stage moves); a dialog that asked for it closes, or shows the refusal and stays."""

        def ok(update: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self._apply_rows(update)
            self.last_moved = visit_id if undo else None
            self.board_page.say(done, undo=undo)
            if visit_id:
                self.board_page.select(visit_id)

        failed = (lambda e: dialog.failed(self.message(e))) if dialog is not None else None
        self.call(fn, ok, failed)

    def claim(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        who = self.who
        self._act(
            lambda b: b.claim(who, row.visit_id),
            self.tr("You escort %1 now.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def release(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        who = self.who
        self._act(
            lambda b: b.release(who, row.visit_id),
            self.tr("%1 released: nobody escorts them now.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def hand_off(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        dialog = HandOffDialog(self, row, self.guides)
        who = self.who

        def submit(to_staff: str | None) -> None:
            if not to_staff:
                dialog.failed(self.tr("Choose a guide."))
                return
            name = next((g.name for g in self.guides if g.staff_id == to_staff), "?")
            self._act(
                lambda b: b.hand_off(who, row.visit_id, to_staff),
                self.tr("%1 handed off to %2.")
                .replace("%1", row.ticket or row.name)
                .replace("%2", name),
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.open_dialog(dialog)

    def advance(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        target = self.settings.machine.next_stage(row.stage)
        if target is None:
            return
        who = self.who
        self._act(
            lambda b: b.advance(who, row.visit_id),
            self._moved_text(row, target),
            undo=True,
            visit_id=row.visit_id,
        )

    def _moved_text(self, row: Any, stage: str) -> str:
        return (
            self.tr("%1 → %2")
            .replace("%1", row.ticket or row.name)
            .replace("%2", stage_name(stage, self.lang))
        )

    def move_on(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        targets = self.settings.machine.targets(row.stage)
        if not targets:
            return
        dialog = MoveDialog(self, row, targets, self.lang)
        who = self.who

        def submit(stage: str | None) -> None:
            if stage is None:
                return
            if stage == ADMISSION:
                dialog.accept()
                self.admit()
                return

            self._act(
                lambda b: b.move(who, row.visit_id, stage),
                self._moved_text(row, stage),
                undo=True,
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.open_dialog(dialog)

    def admit(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        dialog = AdmissionDialog(self, row)
        who = self.who

        def submit(answer: tuple[str, str]) -> None:
            ward, nurse = answer
            self._act(
                lambda b: b.move(who, row.visit_id, ADMISSION, ward=ward, nurse=nurse),
                self.tr("%1 handed to ward %2, nurse %3.")
                .replace("%1", row.ticket or row.name)
                .replace("%2", ward.strip())
                .replace("%3", nurse.strip()),
                undo=True,
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.open_dialog(dialog)

    def depart(self) -> None:
        row = self._chosen(ESCORT)
        if row is None:
            return
        who = self.who
        self._act(
            lambda b: b.move(who, row.visit_id, DEPARTED),
            self.tr("%1 has left the hospital.").replace("%1", row.ticket or row.name),
            undo=True,
            visit_id=row.visit_id,
        )

    def undo(self) -> None:
        visit_id, who = self.last_moved, self.who
        if not visit_id or who is None:
            return
        reason = self.tr("Undone at once (wrong click)")
        self._act(
            lambda b: b.undo_last(who, visit_id, reason),
            self.tr("Undone. The timeline keeps both steps."),
            visit_id=visit_id,
        )
        self.last_moved = None

    def receive(self) -> None:
        row = self._chosen(REGISTER)
        if row is None:
            return
        who = self.who
        self._act(
            lambda b: b.receive(who, row.visit_id),
            self.tr("%1 received at the desk.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def triage(self) -> None:
        row = self._chosen(REGISTER)
        if row is None:
            return
        self.triage_page.set_visit(row)
        self.tabs.setCurrentWidget(self.triage_page)
        self.triage_page.tree.setFocus()

    def open_timeline(self) -> None:
        row = self._chosen()
        if row is None:
            return
        who = self.who

        def show(lines: list[Any]) -> None:
            dialog = TimelineDialog(
                self, row, lines, self.settings.local, self.lang, may_correct=self.may(ESCORT)
            )

            def submit(answer: tuple[str, str] | None) -> None:
                if answer is None:
                    dialog.accept()
                    return
                event_id, reason = answer
                self._act(
                    lambda b: b.correct(who, row.visit_id, event_id, reason),
                    self.tr("Corrected. The timeline keeps both steps."),
                    visit_id=row.visit_id,
                    dialog=dialog,
                )

            dialog.on_submit = submit
            self.open_dialog(dialog)

        self.call(lambda b: b.timeline(row.visit_id), show)

    # -- call a guide ---------------------------------------------------------------------

    def acknowledge(self, request_id: str) -> None:
        who = self.who
        if who is None:
            return
        self.call(
            lambda b: b.acknowledge(who, request_id),
            lambda req: self.help_panel.merge([req], self.settings.now()),
        )

    def resolve(self, request_id: str) -> None:
        who = self.who
        if who is None:
            return
        self.call(
            lambda b: b.resolve(who, request_id),
            lambda req: self.help_panel.merge([req], self.settings.now()),
        )

    # -- errors ---------------------------------------------------------------------------

    def message(self, error: BaseException) -> str:
        if isinstance(error, FrontDeskError):
            return error.message(self.lang)
        return self.tr("Something went wrong; nothing was changed. (%1)").replace(
            "%1", type(error).__name__
        )

    def show_error(self, error: BaseException) -> None:
        self.board_page.say(self.message(error), role="warn")

    def unexpected(self, error: BaseException) -> None:
        self.show_error(error)
