"""The follow-up calls' figures for a calendar period — today, this week (Monday to Sunday),
this month, or last week (the summary due by Monday 18:00, ready from Monday morning): coverage,
reach, on time, missed and attempts per completed call over the tasks *due* in the period,
overall and by department, beside the phone survey's satisfaction by department.

Each task is judged once from its own events (app/services/followup_rules.py), never from an
average; the periods are half-open ``[start, end)`` in the hospital's time zone; every rate
comes with the counts it is made of."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import Department, FollowUpEvent, FollowUpTask
from app.services import survey_figures
from app.services.followup_rules import Coverage, FollowUpRules, coverage
from app.services.followups import judge

Period = Literal["today", "week", "month", "last_week"]
PERIODS: tuple[Period, ...] = ("today", "week", "month", "last_week")


def period_days(period: Period, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day (inclusive) of ``period`` as seen on ``today``: weeks start on
    Monday, months are calendar months."""
    if period == "today":
        return today, today
    monday = today - dt.timedelta(days=today.weekday())
    if period == "week":
        return monday, monday + dt.timedelta(days=6)
    if period == "last_week":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


@dataclass(frozen=True)
class CallFigures:
    department_id: str | None  # None: every department
    name: tuple[str, str]  # (Chinese, English)
    calls: Coverage
    phone_answers: int  # phone survey answers counted in the period
    satisfied: int  # ratings of 4 or 5 among them
    ratings: int  # every rating (1–5) given on the phone


@dataclass(frozen=True)
class CallReport:
    period: Period
    first_day: dt.date
    last_day: dt.date
    overall: CallFigures
    rows: list[CallFigures]  # by department, most calls first


def report(
    session: Session, clock: Clock, period: Period, rules: FollowUpRules | None = None
) -> CallReport:
    """The figures of ``period`` as they stand now (an open task due later is still open; one
    whose deadline passed undone is missed)."""
    rules = rules or FollowUpRules()
    first, last = period_days(period, clock.today())
    start, end = clock.day_bounds(first)[0], clock.day_bounds(last)[1]
    tasks = list(
        session.scalars(
            select(FollowUpTask).where(FollowUpTask.due_at >= start, FollowUpTask.due_at < end)
        )
    )
    events: dict[str, list[FollowUpEvent]] = defaultdict(list)
    ids = [t.id for t in tasks]
    for chunk in range(0, len(ids), 500):
        for e in session.scalars(
            select(FollowUpEvent)
            .where(FollowUpEvent.task_id.in_(ids[chunk : chunk + 500]))
            .order_by(FollowUpEvent.occurred_at, FollowUpEvent.id)
        ):
            events[e.task_id].append(e)
    now = clock.now()
    by_department: dict[str | None, list[FollowUpTask]] = defaultdict(list)
    standings = {}
    for t in tasks:
        standings[t.id] = judge(t, events[t.id], now, clock.tz, rules)
        by_department[t.department_id].append(t)
    phone = {  # the phone survey's answers; its rate is the calls', not the visits'
        f.key: f
        for f in survey_figures.figures(
            session, clock, first, last, by="department", mode="phone", rates=False
        )
    }
    (phone_overall,) = survey_figures.figures(
        session, clock, first, last, mode="phone", rates=False
    )
    names = {
        d.id: (d.name_zh, d.name_en)
        for d in session.scalars(
            select(Department).where(
                Department.id.in_(list(phone) + [k for k in by_department if k])
            )
        )
    }

    def row(key: str | None, name: tuple[str, str], of: list[FollowUpTask]) -> CallFigures:
        answers = phone.get(key) if key else phone_overall
        return CallFigures(
            key,
            name,
            coverage(standings[t.id] for t in of),
            answers.responses if answers else 0,
            answers.satisfied if answers else 0,
            answers.ratings if answers else 0,
        )

    keys = {k for k in by_department if k} | {k for k in phone if k}
    rows = [row(k, names.get(k, ("—", "—")), by_department.get(k, [])) for k in keys]
    rows.sort(key=lambda r: (-r.calls.eligible, -r.phone_answers, r.name[0]))
    overall = row(None, ("全部", "All"), tasks)
    return CallReport(period, first, last, overall, rows)
