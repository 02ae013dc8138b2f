"""What the guide desk does when another desk or a kiosk changed something: the rows, calls,
pages and alarms that change with it re-read — only those.  A part of ``StaffWindow``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTabWidget

from app.services.auth import SignedIn
from app.staff_backend import StaffMember
from app.sync.pull import Touched
from ui.appointments import AppointmentsPage
from ui.case_alarm import CaseAlarm
from ui.cases import CasesPage
from ui.desk import DeskSettings
from ui.duty import DutyPage
from ui.followups import FollowUpPage
from ui.help_panel import HelpPanel
from ui.satisfaction import SatisfactionPage


class RemoteChanges:
    who: SignedIn | None
    settings: DeskSettings
    tabs: QTabWidget
    help_panel: HelpPanel
    appointments_page: AppointmentsPage
    duty_page: DutyPage
    satisfaction_page: SatisfactionPage
    followup_page: FollowUpPage
    cases_page: CasesPage
    case_alarm: CaseAlarm
    call: Callable[..., Any]
    rows_changed: Callable[..., None]
    reload_roster: Callable[[], None]
    reload_board: Callable[[], None]
    _set_guides: Callable[[list[StaffMember]], None]

    def remote(self, touched: Touched) -> None:
        """Another desk or a kiosk changed something (called on the screen's thread)."""
        if self.who is None:
            return
        if touched.visits:
            ids = list(touched.visits)
            self.call(lambda b: b.rows(ids), self.rows_changed)
        if touched.requests:
            ids_r = list(touched.requests)
            self.call(
                lambda b: b.help_requests(ids_r),
                lambda reqs: self.help_panel.merge(reqs, self.settings.now()),
            )
        if touched.visits or "appointments" in touched.tables:
            self.appointments_page.remote()  # a kiosk's check-in, a booking changed
        if "duty_notes" in touched.tables:
            self.duty_page.remote()  # a note, a hand-over, a take-over on another desk
        if "survey_responses" in touched.tables:
            self.satisfaction_page.remote()  # a new answer: the figures move on
        if touched.tables & {"departments", "doctors", "roster_slots"}:
            self.reload_roster()
        if "staff" in touched.tables:
            self.call(lambda b: b.guides(), self._set_guides)
        if touched.tables & {"followup_tasks", "followup_events"} and (
            self.tabs.currentWidget() is self.followup_page
        ):
            self.followup_page.load()
        if touched.tables & {"cases", "case_events", "case_owners"}:
            self.cases_page.remote()
            self.case_alarm.check()
            self.reload_board()  # a complaint opened or closed marks its patient's row
