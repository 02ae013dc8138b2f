"""The guide workstation's window: sign in, the desk (board, registration, triage, shift) with
the call-a-guide panel above it, and the lock screen after inactivity.

Every call to the back end goes through the bridge (one worker thread; answers on the screen's
thread).  Changes pulled from other desks arrive as ``remote(touched)`` and re-read only the
rows concerned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontDeskError
from app.services.auth import SignedIn
from app.services.tickets import visit_from_qr
from app.staff_backend import (
    AUDIT,
    BOARD,
    CASES,
    ESCORT,
    FOLLOW_UP,
    HELP,
    REGISTER,
    REPORT,
    StaffMember,
    allowed,
)
from app.sync.status import Refusal, SyncStatus
from gui.guards import IdleWatcher, ScanDetector
from ui.appointments import AppointmentsPage
from ui.audit import AuditPage
from ui.board_model import BoardModel
from ui.board_page import BoardPage
from ui.case_alarm import CaseAlarm
from ui.cases import CasesPage
from ui.desk import DeskSettings
from ui.dialogs import Dialog
from ui.door import LockPage, SignInPage
from ui.duty import DutyPage
from ui.followups import FollowUpPage
from ui.help_actions import HelpActions
from ui.help_panel import HelpPanel
from ui.register import RegisterPage
from ui.remote import RemoteChanges
from ui.satisfaction import SatisfactionPage
from ui.shift import ShiftPage
from ui.theme import stylesheet, text_scale
from ui.topbar import TopBar
from ui.triage import TriagePage


def desk_look() -> tuple[float, bool]:
    """The system's text size (as a scale) and whether it asks for high contrast."""
    from gui.start import USUAL_SYSTEM_PT

    app = QApplication.instance()
    system_pt = app.property("system_font_pt") if app is not None else None
    scale = text_scale(float(system_pt or 0), USUAL_SYSTEM_PT)
    high = False
    hints = getattr(QGuiApplication.styleHints(), "accessibility", None)
    if hints is not None:  # Qt 6.10: the platform's contrast preference
        high = hints().contrastPreference() == Qt.ContrastPreference.HighContrast
    return scale, high


class StaffWindow(QMainWindow, RemoteChanges):
    def __init__(self, settings: DeskSettings, bridge: Any, translations: Callable[[str], None]):
        super().__init__()
        self.settings = settings
        self.bridge = bridge
        self.translations = translations
        self.lang = settings.language
        self.who: SignedIn | None = None
        self.username = ""
        self.guides: list[StaffMember] = []
        self.seen_conflicts: set[str] = set()
        self.text_scale, self.high_contrast = desk_look()
        self.setStyleSheet(stylesheet(self.text_scale, high_contrast=self.high_contrast))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.model = BoardModel(settings.machine, settings.now, self)
        self.stack = QStackedWidget()
        self.signin_page = SignInPage(self)
        self.lock_page = LockPage(self)
        self.desk_page = QWidget()

        self.case_alarm = CaseAlarm(self, self.show_case, settings.case_poll_ms)
        self.topbar = TopBar(self.case_alarm)
        bar = self.topbar  # its parts, as the rest of the window and the tests name them
        self.desk_label, self.person, self.sync_label = bar.desk_label, bar.person, bar.sync
        self.language, self.lock_button, self.switch_button = bar.language, bar.lock, bar.switch
        self.language.currentIndexChanged.connect(
            lambda _i: self.set_language(self.language.currentData())
        )
        self.lock_button.clicked.connect(self.lock)
        self.switch_button.clicked.connect(self.sign_out)

        self.calls = HelpActions(self)  # what "I'm going" and "Resolved" do
        self.help_panel = HelpPanel(self.calls.acknowledge, self.calls.resolve, settings.sound)
        self.help_panel.on_change = self._calls_changed  # the lock screen keeps them live
        self.board_page = BoardPage(self, settings.machine, self.model)
        self.board_page.set_text_scale(self.text_scale)
        self.register_page = RegisterPage(self)
        self.triage_page = TriagePage(self)
        self.appointments_page = AppointmentsPage(self)
        self.shift_page = ShiftPage(self)
        self.duty_page = DutyPage(self)
        self.duty_page.on_change = self._duty_tab
        self.satisfaction_page = SatisfactionPage(self)
        self.cases_page = CasesPage(self)
        self.followup_page = FollowUpPage(self)
        self.audit_page = AuditPage(self)
        self.tabs = QTabWidget()
        self.pages = (
            self.board_page,
            self.register_page,
            self.triage_page,
            self.appointments_page,
            self.shift_page,
            self.duty_page,
            self.satisfaction_page,
            self.cases_page,
            self.followup_page,
            self.audit_page,
        )
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        box = QVBoxLayout(self.desk_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.topbar)
        box.addWidget(self.help_panel)
        box.addWidget(self.tabs, 1)

        for screen in (self.signin_page, self.desk_page, self.lock_page):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)

        for key, tab in (
            ("F1", self.board_page),
            ("F2", self.register_page),
            ("F3", self.triage_page),
            ("F7", self.appointments_page),
            ("F5", self.cases_page),
            ("F6", self.followup_page),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda p=tab: self._go_tab(p))
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
        *,
        slow: bool = False,
    ) -> Any:
        return self.bridge.call(fn, on_ok, on_error or self.show_error, slow=slow)

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
        self.language.setAccessibleName(self.tr("Screen language"))
        for i, text in enumerate(
            (
                self.tr("Board (F1)"),
                self.tr("Register (F2)"),
                self.tr("Triage (F3)"),
                self.tr("Appointments (F7)"),
                self.tr("Shift"),
                self.tr("Duty log"),
                self.tr("Satisfaction"),
                self.tr("Cases (F5)"),
                self.tr("Follow-up (F6)"),
                self.tr("Access log"),
            )
        ):
            self.tabs.setTabText(i, text)
        self._duty_tab()
        i = self.language.findData(self.lang)
        if i != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)
        self._show_person()
        self.case_alarm.retranslate()
        for page in (
            self.signin_page,
            self.lock_page,
            *self.pages,
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
            "auditor": self.tr("Auditor"),
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
        if not self.may(BOARD):  # the auditor: the access log, and no patient's file
            self.tabs.setCurrentWidget(self.audit_page)
            self.audit_page.opened()
            return
        self.ticker.start()
        self.help_timer.start()
        self.case_alarm.start()
        self.reload_board()
        self.reload_help()
        self.reload_roster()
        self.duty_page.load()  # a hand-over waiting for this shift shows on its tab
        self.call(lambda b: b.guides(), self._set_guides)
        self.tabs.setCurrentWidget(self.board_page)
        self.board_page.table.setFocus()

    def _apply_role(self) -> None:
        self._show_person()
        for page, action in (
            (self.board_page, BOARD),
            (self.duty_page, BOARD),
            (self.audit_page, AUDIT),
            (self.register_page, REGISTER),
            (self.triage_page, REGISTER),
            (self.appointments_page, REGISTER),
            (self.shift_page, REPORT),
            (self.satisfaction_page, REPORT),
            (self.cases_page, CASES),
            (self.followup_page, FOLLOW_UP),
        ):
            self.tabs.setTabVisible(self.tabs.indexOf(page), self.may(action))
        self.help_panel.duty_lead = bool(self.who and self.who.duty_lead)
        self.help_panel.may_help = self.may(HELP)
        self.help_panel.setVisible(self.may(BOARD))
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
        self._calls_changed()
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.password.setFocus()

    def _calls_changed(self) -> None:
        """The lock screen keeps the waiting calls live (the panel rings as they come)."""
        self.lock_page.show_calls(self.help_panel.waiting_lines(self.settings.now()))

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
        self.call(lambda b: b.sign_out())  # what they revealed is masked again
        self.username = ""
        self.idle.paused = True
        self.idle.restart()
        self.ticker.stop()
        self.help_timer.stop()
        self.case_alarm.stop()
        self.close_dialogs()
        self.model.reset([])
        self.board_page.mine.setChecked(False)
        self.board_page.quiet()
        self.register_page.clear()
        self.triage_page.set_visit(None)
        self.duty_page.show_lines([])  # the next person signs in to nothing of the last
        self.audit_page.clear()
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
        if self.stack.currentWidget() is self.lock_page:
            self._calls_changed()  # how long each has waited, by the second

    def _duty_tab(self) -> None:
        """The duty log's tab says how many hand-overs wait to be taken over."""
        waiting = len(self.duty_page.waiting_lines()) if self.who else 0
        text = self.tr("Duty log")
        self.tabs.setTabText(
            self.tabs.indexOf(self.duty_page), f"{text} ({waiting})" if waiting else text
        )

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.shift_page:
            self.shift_page.load()
        elif self.tabs.widget(index) is self.satisfaction_page and self.satisfaction_page.report:
            self.satisfaction_page.load()
        elif self.tabs.widget(index) is self.cases_page:
            self.cases_page.load()
        elif self.tabs.widget(index) is self.followup_page:
            self.followup_page.load()
        elif self.tabs.widget(index) is self.appointments_page:
            self.appointments_page.load()
        elif self.tabs.widget(index) is self.duty_page:
            self.duty_page.load()

    def _go_tab(self, page: QWidget) -> None:
        index = self.tabs.indexOf(page)
        if self.stack.currentWidget() is self.desk_page and self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)
            if page is self.followup_page:
                self.followup_page.table.setFocus()  # its keys (Ctrl+T, Alt+1 …) work at once
            elif page is self.appointments_page:
                self.appointments_page.search_box.setFocus()  # type a code, a phone, a name

    def show_board(self, visit_id: str | None = None) -> None:
        if not self.may(BOARD):
            return
        self.tabs.setCurrentWidget(self.board_page)
        if visit_id:
            self.board_page.select(visit_id)
        self.board_page.table.setFocus()

    def show_case(self, case_id: str) -> None:
        """The cases page with this case open (from the escalation alarm)."""
        if self.stack.currentWidget() is not self.desk_page:
            return
        self.tabs.setCurrentWidget(self.cases_page)
        self.cases_page.show_case(case_id)

    # -- live -----------------------------------------------------------------------------

    def sync_status(self, status: SyncStatus) -> None:
        tz = self.settings.tz()
        self.sync_label.setText(status.describe(self.settings.now(), tz, self.lang))
        for refusal in status.conflicts:
            if refusal.mutation_id in self.seen_conflicts:
                continue
            self.seen_conflicts.add(refusal.mutation_id)
            if refusal.undone:
                self.board_page.say(self._refusal(refusal), role="warn")
                continue
            for clash in refusal.clashes:
                if clash.reason.startswith("call_"):  # a follow-up call: its page says it
                    self.followup_page.clash(clash.reason, clash.holder_name or "?")
                elif clash.reason == "claimed_by_other":
                    row = self.model.row_of(clash.visit_id or "")
                    ticket = (row.ticket or row.name) if row else "—"
                    self.board_page.say(
                        self.tr("Your claim on %1 was refused: %2 got there first.")
                        .replace("%1", ticket)
                        .replace("%2", clash.holder_name or "?"),
                        role="warn",
                    )

    def _refusal(self, refusal: Refusal) -> str:
        """A change of this desk the server would not take, in words a guide can act on."""
        if refusal.kind == "quarantined":
            return self.tr(
                "The server could not take a change made on this desk. It has been undone "
                "here and kept safe for the administrator; tell the duty lead."
            )
        why = {
            "forbidden": self.tr("it is not allowed"),
            "missing_row": self.tr("the record it changes is unknown to the server"),
            "missing_parent": self.tr("the record it changes is unknown to the server"),
            "append_only": self.tr("recorded steps cannot be changed"),
        }.get(refusal.code or "", self.tr("its data is not valid"))
        return self.tr(
            "The server refused a change made on this desk (%1). It has been undone here and "
            "kept for the duty lead; please enter it again if it is still needed."
        ).replace("%1", why)

    def rows_changed(self, update: Any, select: str | None = None) -> None:
        self.model.apply(update.rows, update.gone)
        self.board_page.update_actions()
        if select:
            self.board_page.select(select)

    def open_triage(self, row: Any) -> None:
        self.triage_page.set_visit(row)
        self.tabs.setCurrentWidget(self.triage_page)
        self.triage_page.tree.setFocus()

    # -- scanning -------------------------------------------------------------------------

    def scanned(self, text: str) -> None:
        visit_id = visit_from_qr(text)
        if self.who is None or self.stack.currentWidget() is not self.desk_page:
            return
        if visit_id is None and self.tabs.currentWidget() is self.appointments_page:
            self.appointments_page.scanned(text)  # a booking's code, scanned or typed fast
            return
        if visit_id is None:
            self.board_page.say(self.tr("That code is not a FrontDesk ticket."), role="warn")
            return

        def found(update: Any) -> None:
            self.rows_changed(update)
            self.show_board()
            if self.board_page.select(visit_id):
                self.board_page.escort.open_timeline()
            else:
                self.board_page.say(
                    self.tr("This ticket is not on today's board (departed or another day)."),
                    role="warn",
                )

        self.call(lambda b: b.rows([visit_id]), found)

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
