"""What the staff desk's case screens ask for, in plain data: the lists (mine, all open), one
case with its timeline and clocks, a new case, a step on one.  Qt-free and synchronous, like
``staff_backend`` (which hands these calls to its worker thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database
from app.models import Department, Staff
from app.services import case_view, cases, shared_settings
from app.services.cases import CaseFilter as CaseFilter  # the screens filter with it
from app.services.clocks import ESCALATION, ClockRules, Reading
from app.services.context import Actor


@dataclass(frozen=True)
class CaseForm:
    """A new case as the dialog fills it in."""

    kind: str
    channel: str
    summary: str
    content: str = ""
    demand: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    relation: str = "self"
    department_id: str | None = None
    category: str = "other"
    severity: str = "normal"
    visit_id: str | None = None
    patient_id: str | None = None
    request_id: str | None = None
    received_at: dt.datetime | None = None


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    case_id: str
    kind: str
    summary: str
    state: str
    owner: str | None  # the owner's name
    mine: bool
    department: tuple[str, str] | None  # (Chinese, English)
    received_at: dt.datetime
    due_at: dt.datetime | None
    overdue: bool
    escalated_to: str | None = None  # duty_lead, director, hospital: who a breach has reached


@dataclass(frozen=True)
class CaseList:
    rows: list[CaseRow]
    due_today: int
    overdue: int


@dataclass(frozen=True)
class CaseStep:
    """One event of a case, ready to read."""

    event_id: str
    kind: str
    at: dt.datetime
    staff_name: str | None
    place: str
    data: dict[str, Any]
    corrected: bool


@dataclass(frozen=True)
class CaseDetail:
    case_id: str
    kind: str
    channel: str
    summary: str
    content: str
    demand: str
    contact_name: str | None
    contact_phone: str | None
    department: tuple[str, str] | None
    received_at: dt.datetime
    state: str
    track: str | None
    owner: str | None
    owner_id: str | None
    next_action: str | None
    satisfied: bool | None
    clocks: tuple[Reading, ...]
    steps: tuple[CaseStep, ...]
    departments: dict[str, tuple[str, str]] = field(default_factory=dict)  # for the dialogs
    phones: dict[str, str] = field(default_factory=dict)  # department id → its number


class CaseDesk:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _names(self, s: Session, ids: set[str | None]) -> dict[str, str]:
        wanted = [i for i in ids if i]
        if not wanted:
            return {}
        rows = s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(wanted)))
        return {str(i): str(n) for i, n in rows}

    def _departments(self, s: Session) -> dict[str, tuple[str, str]]:
        rows = s.execute(select(Department.id, Department.name_zh, Department.name_en))
        return {i: (zh, en) for i, zh, en in rows}

    @staticmethod
    def _escalated(rules: ClockRules, due: dt.datetime | None, now: dt.datetime) -> str | None:
        if due is None or due > now:
            return None
        late = (now - due).total_seconds() / 60
        reached = sum(1 for after in rules.escalate_after_min if late >= after)
        return ESCALATION[reached - 1] if reached else None

    def departments(self) -> dict[str, tuple[str, str]]:
        with self.db.reading() as s:
            return self._departments(s)

    def lines(self, me: str, *, mine: bool, where: CaseFilter = CaseFilter()) -> CaseList:  # noqa: B008
        """Open cases as ``where`` narrows them, only ``me``'s when ``mine``."""
        now = self.clock.now()
        with self.db.reading() as s:
            found = cases.open_cases(s, now, replace(where, owner=me if mine else where.owner))
            names = self._names(s, {line.owner_staff_id for line in found})
            depts = self._departments(s)
            due = cases.due_today(s, self.clock)
            rules = shared_settings.clock_rules(s)
        rows = [
            CaseRow(
                line.id,
                line.kind,
                line.summary,
                line.state,
                names.get(line.owner_staff_id or ""),
                line.owner_staff_id == me,
                depts.get(line.department_id or ""),
                line.received_at,
                line.due_at,
                line.overdue,
                self._escalated(rules, line.due_at, now),
            )
            for line in found
        ]
        return CaseList(rows, due, sum(r.overdue for r in rows))

    def escalated(self, me: str, level: int) -> CaseList:
        """Open cases whose breach has climbed to escalation ``level`` (1: the duty lead,
        2: the centre's director, 3: the hospital) or beyond, most overdue first."""
        with self.db.reading() as s:
            after = shared_settings.clock_rules(s).escalate_after_min[level - 1]
        since = self.clock.now() - dt.timedelta(minutes=after)
        return self.lines(me, mine=False, where=CaseFilter(due_before=since))

    def detail(self, case_id: str) -> CaseDetail:
        with self.db.reading() as s:
            view = case_view.view(s, case_id, self.clock.now(), self.clock.tz)
            c = view.case
            names = self._names(s, {e.staff_id for e in view.events} | {view.owner_staff_id})
            depts = self._departments(s)
            phones = dict(s.execute(select(Department.id, Department.phone)).all())
        wrong = {e.data.get("supersedes") for e in view.events if e.kind == "corrected"}
        return CaseDetail(
            case_id=c.id,
            kind=str(c.kind),
            channel=str(c.channel),
            summary=c.summary,
            content=c.content,
            demand=c.demand,
            contact_name=c.contact_name,
            contact_phone=c.contact_phone,
            department=depts.get(c.department_id or ""),
            received_at=c.received_at,
            state=view.state,
            track=view.track,
            owner=names.get(view.owner_staff_id or ""),
            owner_id=view.owner_staff_id,
            next_action=view.next_action,
            satisfied=view.satisfied,
            clocks=view.clocks,
            steps=tuple(
                CaseStep(
                    e.id,
                    str(e.kind),
                    e.occurred_at,
                    names.get(e.staff_id or ""),
                    e.place,
                    dict(e.data),
                    e.id in wrong,
                )
                for e in view.events
            ),
            departments=depts,
            phones={k: v for k, v in phones.items() if v},
        )

    def open(self, actor: Actor, form: CaseForm) -> CaseDetail:
        with self.db.session() as s:
            row = cases.open_case(
                s,
                actor,
                self.clock,
                kind=form.kind,
                channel=form.channel,
                summary=form.summary,
                content=form.content,
                demand=form.demand,
                contact_name=form.contact_name or None,
                contact_phone=form.contact_phone or None,
                relation=form.relation,
                department_id=form.department_id,
                category=form.category,
                severity=form.severity,
                visit_id=form.visit_id,
                patient_id=form.patient_id,
                request_id=form.request_id,
                received_at=form.received_at,
            )
            case_id = row.id
        return self.detail(case_id)

    def step(self, actor: Actor, case_id: str, kind: str, data: dict[str, Any]) -> CaseDetail:
        with self.db.session() as s:
            cases.record(s, case_id, kind, actor, self.clock, data)
        return self.detail(case_id)
