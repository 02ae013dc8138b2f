"""The follow-up calls as a caller's desk shows them: the worklist (overdue first), one call with
its numbers, its attempts and whether it may close, and recording what the phone said.  Qt-free:
the screens get these plain rows and never see the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database
from app.models import Department, Staff
from app.services import followups
from app.services.context import Actor
from app.services.followup_rules import FollowUpRules, Shortfall


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


@dataclass(frozen=True)
class CallList:
    rows: list[CallLine]
    due_today: int
    overdue: int


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
    numbers: tuple[str, ...]  # valid, best first
    ruled_out: tuple[str, ...]
    next_number: str | None
    failures: int
    slots: int
    may_close_unreachable: bool
    shortfalls: tuple[Shortfall, ...]
    steps: tuple[CallStep, ...]


class FollowUpDesk:
    def __init__(
        self, db: Database, clock: Clock, *, makes_tasks: bool, rules: FollowUpRules | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.makes_tasks = makes_tasks  # a desk standing alone runs the rules itself
        self.rules = rules or FollowUpRules()

    def _departments(self, s: Session) -> dict[str, tuple[str, str]]:
        rows = s.execute(select(Department.id, Department.name_zh, Department.name_en))
        return {i: (zh, en) for i, zh, en in rows}

    def _make(self) -> None:
        with self.db.session() as s:
            followups.run_rules(s, self.clock.today(), self.clock.tz, self.rules, self.clock.now())

    def lines(self) -> CallList:
        if self.makes_tasks:
            self._make()
        now = self.clock.now()
        _, end = self.clock.day_bounds(self.clock.today())
        with self.db.reading() as s:
            found = followups.worklist(s, now)
            depts = self._departments(s)
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
            )
            for line in found
        ]
        due_today = sum(1 for r in rows if r.due_at < end)
        return CallList(rows, due_today, sum(r.overdue for r in rows))

    def detail(self, task_id: str) -> CallDetail:
        now = self.clock.now()
        with self.db.reading() as s:
            task, events, judged = followups.view(s, task_id, now, self.clock.tz, self.rules)
            staff_ids = [e.staff_id for e in events if e.staff_id]
            names = dict(
                s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(staff_ids))).all()
            )
            dept = self._departments(s).get(task.department_id or "")
            every = followups.numbers_of(task, events)
        return CallDetail(
            task_id=task.id,
            source=str(task.source),
            person=task.person_name,
            department=dept,
            callable_from=task.callable_from,
            due_at=task.due_at,
            state=judged.state,
            numbers=judged.valid_numbers,
            ruled_out=tuple(n for n in every if n not in judged.valid_numbers),
            next_number=judged.next_number,
            failures=judged.failures,
            slots=len(judged.slots),
            may_close_unreachable=judged.may_close_unreachable,
            shortfalls=judged.shortfalls,
            steps=tuple(
                CallStep(
                    e.id, str(e.kind), e.occurred_at, e.number, names.get(e.staff_id or ""), e.note
                )
                for e in events
            ),
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
        with self.db.session() as s:
            followups.record(
                s, task_id, kind, actor, self.clock, self.rules, number=number, note=note, data=data
            )
        return self.detail(task_id)
