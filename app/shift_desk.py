"""The guide desk's day beyond the board: the duty log and its hand-over, the shift report of
any day, and the satisfaction figures — from the central server when it answers, else from this
desk's own records, and the report says which.  A part of ``StaffBackend``, which brings the
database, the clock and who is signed in."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from app.clock import Clock
from app.db import Database
from app.services import duty, shift, survey_figures
from app.services.auth import SignedIn
from app.services.context import Actor
from app.services.stages import StageMachine
from app.sync.client import SyncClient, SyncError

log = logging.getLogger(__name__)
REPORT = "report"  # app.staff_backend's action: the shift view and the figures


class ShiftDesk:
    db: Database
    clock: Clock
    machine: StageMachine
    _reports: Callable[[], SyncClient] | None
    _report_client: SyncClient | None
    actor: Callable[[SignedIn], Actor]
    _require: Callable[[SignedIn, str], Actor]

    # -- the shift ------------------------------------------------------------------------

    # -- the duty log ------------------------------------------------------------------------

    def duty_log(self, who: SignedIn) -> list[duty.DutyLine]:
        """Today's duty log, and hand-overs of earlier days nobody took over yet."""
        self.actor(who)
        with self.db.reading() as s:
            return duty.day_log(s, self.clock.today())

    def duty_write(self, who: SignedIn, kind: str, text: str) -> list[duty.DutyLine]:
        with self.db.session() as s:
            duty.write(s, self.actor(who), self.clock, kind, text)
            return duty.day_log(s, self.clock.today())

    def duty_standing(self, who: SignedIn) -> dict[str, Any]:
        """What a hand-over would say stands open now."""
        with self.db.reading() as s:
            return duty.standing(s, who.staff_id, self.clock.today())

    def duty_hand_over(self, who: SignedIn, text: str) -> list[duty.DutyLine]:
        with self.db.session() as s:
            duty.hand_over(s, self.actor(who), self.clock, text)
            return duty.day_log(s, self.clock.today())

    def duty_take_over(self, who: SignedIn, handover_id: str) -> list[duty.DutyLine]:
        with self.db.session() as s:
            duty.take_over(s, self.actor(who), self.clock, handover_id)
            return duty.day_log(s, self.clock.today())

    def shift_report(self, day: dt.date | None = None) -> shift.ShiftReport:
        """The shift report of today, or of any past day this desk holds (its stays counted
        to that day's end)."""
        day = min(day or self.clock.today(), self.clock.today())
        with self.db.reading() as s:
            return shift.report(
                s,
                day,
                self.clock.day_bounds(day)[0],
                self.clock.now(),
                stage_order=self.machine.stages,
            )

    # -- satisfaction figures ----------------------------------------------------------------

    def survey_report(
        self, who: SignedIn, first_day: dt.date, last_day: dt.date, by: str | None
    ) -> survey_figures.Report:
        """From the central server (every desk's answers) when it answers; else from this
        desk's own records, and the report says so."""
        self._require(who, REPORT)
        if self._reports is not None:
            if self._report_client is None:
                self._report_client = self._reports()
            try:
                data = self._report_client.survey_report(first_day, last_day, by)
                return survey_figures.report_from_json(data)
            except SyncError as exc:
                log.info("survey figures from this desk: the server did not answer (%s)", exc)
        with self.db.reading() as s:
            source = "desk" if self._reports is not None else "standalone"
            return survey_figures.report(s, self.clock, first_day, last_day, by, source=source)
