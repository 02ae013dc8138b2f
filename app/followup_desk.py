"""The follow-up calls as a caller's desk shows them: the worklist (overdue first), one call with
its numbers, its attempts and whether it may close, and recording what the phone said.  Qt-free:
the screens get these plain rows and never see the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database
from app.errors import FrontDeskError
from app.models import (
    Appointment,
    Case,
    Department,
    FollowUpSource,
    FollowUpTask,
    Staff,
    SurveyResponse,
    Visit,
)
from app.services import (
    call_scripts,
    followup_figures,
    followups,
    phone_survey,
    shared_settings,
    survey,
)
from app.services.call_scripts import Script
from app.services.context import Actor
from app.services.followup_figures import CallReport, Period
from app.services.followup_rules import FollowUpRules, Shortfall
from app.services.masking import mask_phone
from app.services.phone_survey import Reached
from app.services.survey import Definition


@dataclass(frozen=True)
class CallLine:
    task_id: str
    source: str
    person: str
    department: tuple[str, str] | None
    callable_from: dt.datetime
    due_at: dt.datetime
    state: str
    attempts: int
    overdue: bool
    waiting: bool  # not yet callable
    holder: str | None  # the caller's name, when somebody holds it
    mine: bool  # held by whoever asks
    claim_waiting: bool  # claimed here, the server's word not heard yet


@dataclass(frozen=True)
class CallList:
    rows: list[CallLine]
    due_today: int
    overdue: int
    mine: int  # held by whoever asks


@dataclass(frozen=True)
class CallStep:
    event_id: str
    kind: str
    at: dt.datetime
    number: str | None
    staff_name: str | None
    note: str


@dataclass(frozen=True)
class CallDetail:
    task_id: str
    source: str
    person: str
    department: tuple[str, str] | None
    callable_from: dt.datetime
    due_at: dt.datetime
    state: str
    holder: str | None  # the caller's name, when somebody holds it
    held_until: dt.datetime | None  # a lease's end; None for a lead's assignment
    mine: bool  # the numbers are shown (and the showing recorded) to the holder only
    claim_waiting: bool
    numbers: tuple[str, ...]  # valid, best first; masked unless ``mine``
    ruled_out: tuple[str, ...]
    next_number: str | None
    failures: int
    slots: int
    may_close_unreachable: bool
    shortfalls: tuple[Shortfall, ...]
    steps: tuple[CallStep, ...]
    script: Script | None = None  # what to say; to the holder only
    about: tuple[str, str] = ("", "")  # why the call, in a line: the low ratings, the case …


@dataclass(frozen=True)
class CallDone:
    call: CallDetail
    reached: Reached  # the survey's answer, and the case a low score opened or joined


class FollowUpDesk:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        makes_tasks: bool,
        rules: FollowUpRules | None = None,
        hospital: tuple[str, str] = ("", ""),
    ) -> None:
        self.hospital = hospital  # its name, in the caller's script
        self.db = db
        self.clock = clock
        self.makes_tasks = makes_tasks  # a desk standing alone runs the rules itself
        self.fixed_rules = rules  # None: the hospital's shared settings, read as they change

    @property
    def rules(self) -> FollowUpRules:
        if self.fixed_rules is not None:
            return self.fixed_rules
        with self.db.reading() as s:
            return shared_settings.followup_rules(s)

    def _departments(self, s: Session) -> dict[str, tuple[str, str]]:
        rows = s.execute(select(Department.id, Department.name_zh, Department.name_en))
        return {i: (zh, en) for i, zh, en in rows}

    def _make(self) -> None:
        rules = self.rules
        with self.db.session() as s:
            followups.run_rules(
                s,
                self.clock.today(),
                self.clock.tz,
                rules,
                self.clock.now(),
                exclude_departments=shared_settings.excluded_departments(s),
                exclude_purposes=shared_settings.excluded_purposes(s),
            )

    def lines(
        self, me: str, *, only_mine: bool = False, department_id: str | None = None
    ) -> CallList:
        if self.makes_tasks:
            self._make()
        now = self.clock.now()
        _, end = self.clock.day_bounds(self.clock.today())
        with self.db.reading() as s:
            found = followups.worklist(
                s, now, held_by=me if only_mine else None, department_id=department_id
            )
            depts = self._departments(s)
            names = self._names(s, {line.holder for line in found if line.holder})
            waiting = followups.claims_waiting(s, me)
        rows = [
            CallLine(
                line.id,
                line.source,
                line.person_name,
                depts.get(line.department_id or ""),
                line.callable_from,
                line.due_at,
                line.state,
                line.attempts,
                line.overdue,
                line.callable_from > now,
                names.get(line.holder or ""),
                line.holder == me,
                line.id in waiting and line.holder != me,
            )
            for line in found
        ]
        due_today = sum(1 for r in rows if r.due_at < end)
        return CallList(
            rows, due_today, sum(r.overdue for r in rows), sum(1 for r in rows if r.mine)
        )

    def _names(self, s: Session, ids: Iterable[str]) -> dict[str, str]:
        wanted = [i for i in ids if i]
        if not wanted:
            return {}
        rows = s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(wanted)))
        return {str(i): str(name) for i, name in rows.all()}

    def detail(self, task_id: str, actor: Actor) -> CallDetail:
        """One call as ``actor`` may see it: its numbers only to the caller holding it — the
        first showing in each hold recorded (``revealed``) — masked to everybody else."""
        me = actor.staff_id or ""
        now = self.clock.now()
        with self.db.reading() as s:
            task = s.get(FollowUpTask, task_id)
            if task is None:
                raise FrontDeskError("not_found", label="task")
            mine = followups.holder(task, now) == me
            shown = followups.revealed_in_hold(followups.events_of(s, task_id), me)
        if mine and not shown and not self._closed(task_id, now):
            self._record(actor, task_id, "revealed")
        return self._detail(task_id, me)

    def _closed(self, task_id: str, now: dt.datetime) -> bool:
        with self.db.reading() as s:
            return followups.view(s, task_id, now, self.clock.tz, self.rules)[2].closed

    def _detail(self, task_id: str, me: str) -> CallDetail:
        now = self.clock.now()
        with self.db.reading() as s:
            task, events, judged = followups.view(s, task_id, now, self.clock.tz, self.rules)
            held = followups.holder(task, now)
            names = self._names(s, {e.staff_id or "" for e in events} | {held or ""})
            dept = self._departments(s).get(task.department_id or "")
            every = followups.numbers_of(task, events)
            waiting = task_id in followups.claims_waiting(s, me) and held != me
            day, about = self._about(s, task)
            words = None
            if held == me:
                dept_row = s.get(Department, task.department_id) if task.department_id else None
                words = call_scripts.script(
                    str(task.source),
                    person=task.person_name,
                    hospital=self.hospital,
                    department=dept,
                    day=day,
                    department_questions=(dept_row.call_script_zh, dept_row.call_script_en)
                    if dept_row
                    else ("", ""),
                )
        mine = held == me

        def shown(number: str) -> str:
            return number if mine else mask_phone(number)

        return CallDetail(
            task_id=task.id,
            source=str(task.source),
            person=task.person_name,
            department=dept,
            callable_from=task.callable_from,
            due_at=task.due_at,
            state=judged.state,
            holder=names.get(held or ""),
            held_until=task.held_until if held else None,
            mine=mine,
            claim_waiting=waiting,
            numbers=tuple(shown(n) for n in judged.valid_numbers),
            ruled_out=tuple(shown(n) for n in every if n not in judged.valid_numbers),
            next_number=shown(judged.next_number) if judged.next_number else None,
            failures=judged.failures,
            slots=len(judged.slots),
            may_close_unreachable=judged.may_close_unreachable,
            shortfalls=tuple(
                replace(f, numbers=tuple(shown(n) for n in f.numbers)) for f in judged.shortfalls
            ),
            steps=tuple(
                CallStep(
                    e.id,
                    str(e.kind),
                    e.occurred_at,
                    shown(e.number) if e.number else None,
                    names.get(e.staff_id or ""),
                    e.note,
                )
                for e in events
            ),
            script=words,
            about=about,
        )

    def _about(self, s: Session, task: FollowUpTask) -> tuple[dt.date, tuple[str, str]]:
        """The day the call is about, and why, in a line (Chinese, English)."""
        day = task.callable_from.astimezone(self.clock.tz).date()
        if task.source == FollowUpSource.CASE and task.case_id:
            case = s.get(Case, task.case_id)
            if case is not None:
                return case.received_at.astimezone(self.clock.tz).date(), (
                    case.summary,
                    case.summary,
                )
        if task.source == FollowUpSource.SURVEY:
            answer = s.get(SurveyResponse, task.source_id)
            if answer is not None:
                definition = survey.of_response(s, answer)
                low = phone_survey.low_ratings(definition, answer.answers)
                said = answer.comment.replace("\n", " ").strip()
                pair = tuple(
                    "，".join(
                        f"{definition.question(q).short(lang)} {answer.answers[q]}/5" for q in low
                    )
                    + (f"：“{said}”" if said else "")
                    for lang in ("zh_CN", "en")
                )
                return answer.created_at.astimezone(self.clock.tz).date(), (pair[0], pair[1])
        if task.source == FollowUpSource.NO_SHOW:
            booking = s.get(Appointment, task.source_id)
            if booking is not None:
                at = booking.scheduled_at.astimezone(self.clock.tz).strftime("%m-%d %H:%M")
                return booking.day, (f"预约 {at}", f"booked for {at}")
        if task.visit_id:
            visit = s.get(Visit, task.visit_id)
            if visit is not None:
                return visit.day, ("", "")
        return day, ("", "")

    def _record(
        self,
        actor: Actor,
        task_id: str,
        kind: str,
        *,
        number: str | None = None,
        note: str = "",
        data: dict[str, Any] | None = None,
    ) -> None:
        with self.db.session() as s:
            followups.record(
                s,
                task_id,
                kind,
                actor,
                self.clock,
                self.rules,
                number=number,
                note=note,
                data=data,
                decides=self.makes_tasks,
            )

    def record(
        self,
        actor: Actor,
        task_id: str,
        kind: str,
        *,
        number: str | None = None,
        note: str = "",
        data: dict[str, Any] | None = None,
    ) -> CallDetail:
        self._record(actor, task_id, kind, number=number, note=note, data=data)
        return self._detail(task_id, actor.staff_id or "")

    def survey(self) -> Definition | None:
        """The survey the caller asks: the kiosk's own, newest revision; None when none is
        published."""
        with self.db.reading() as s:
            try:
                return survey.current(s)
            except survey.NoSurvey:
                return None

    def reached(
        self,
        actor: Actor,
        task_id: str,
        *,
        number: str | None,
        note: str = "",
        answers: dict[str, Any] | None = None,
        language: str = "zh_CN",
        complaint: bool = False,
    ) -> CallDone:
        """The call done, with the phone survey's answers and the case a low score opened or
        joined (app/services/phone_survey.py)."""
        with self.db.session() as s:
            done = phone_survey.reached(
                s,
                task_id,
                actor,
                self.clock,
                self.rules,
                number=number,
                note=note,
                answers=answers,
                language=language,
                complaint=complaint,
                decides=self.makes_tasks,
            )
        return CallDone(self._detail(task_id, actor.staff_id or ""), done)

    def figures(self, period: Period) -> CallReport:
        with self.db.reading() as s:
            return followup_figures.report(s, self.clock, period, self.rules)

    def claim_next(self, actor: Actor, count: int) -> int:
        """Take up to ``count`` free calls that may be made now, by deadline; how many were
        taken (on a desk of the server's: sent, each confirmed when the server answers)."""
        me = actor.staff_id or ""
        now = self.clock.now()
        with self.db.reading() as s:
            waiting = followups.claims_waiting(s, me)
            free = [
                line.id
                for line in followups.worklist(s, now)
                if line.holder is None and line.callable_from <= now and line.id not in waiting
            ][: max(0, count)]
        for task_id in free:
            self._record(actor, task_id, "claimed")
        return len(free)

    def assign(self, actor: Actor, task_ids: Iterable[str], to_staff_id: str) -> int:
        """A lead gives calls to a caller, in one go; how many (closed ones are left out)."""
        ids = list(dict.fromkeys(task_ids))
        now = self.clock.now()
        with self.db.reading() as s:
            open_ = [
                i for i in ids if not followups.view(s, i, now, self.clock.tz, self.rules)[2].closed
            ]
        with self.db.session() as s:
            for task_id in open_:
                followups.record(
                    s,
                    task_id,
                    "assigned",
                    actor,
                    self.clock,
                    self.rules,
                    data={"to_staff_id": to_staff_id},
                    decides=self.makes_tasks,
                )
        return len(open_)

    def callers(self) -> list[tuple[str, str]]:
        """(id, name) of everybody calls may be given to."""
        with self.db.reading() as s:
            rows = s.execute(
                select(Staff.id, Staff.display_name)
                .where(Staff.active.is_(True), Staff.role.in_(followups.CALLERS))
                .order_by(Staff.display_name)
            )
            return [(i, name) for i, name in rows]
