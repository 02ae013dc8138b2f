"""The follow-up figures over a real SQLite database, against counts worked out by hand: six calls
due on Tuesday 24 November 2026 — completed at once with a phone survey, completed at the
second try, declined, excluded with the director's sign-off, closed as unreachable by the rule,
and one never tried (missed once its deadline passed) — read on Wednesday for this week, today
and last week."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models import Department, FollowUpTask, Staff
from app.services import Actor, followup_figures, followups, phone_survey

from .helpers import arrival
from .test_followups import RULES, _depart, _generate, local


def test_periods_are_calendar_weeks_and_months() -> None:
    wednesday = dt.date(2026, 11, 25)
    days = followup_figures.period_days
    assert days("today", wednesday) == (wednesday, wednesday)
    assert days("week", wednesday) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert days("last_week", wednesday) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert days("month", wednesday) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert days("month", dt.date(2026, 12, 31)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    monday = dt.date(2026, 11, 30)  # the summary due by 18:00 is last week's, from the morning
    assert days("last_week", monday) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))


def test_the_figures_of_a_week_worked_out_by_hand(hospital, clock, machine) -> None:
    regs = [arrival(hospital, clock) for _ in range(5)] + [arrival(hospital, clock, dept="EMR")]
    for r in regs:
        _depart(hospital, clock, machine, r.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    with hospital.db.reading() as s:
        huang = s.scalars(select(Staff.id).where(Staff.username == "followup.huang")).one()
        by_visit = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
        emr = s.scalars(select(Department.id).where(Department.code == "EMR")).one()
    done_at_once, second_try, declined, excluded, unreachable, untried = (
        by_visit[r.visit_id] for r in regs
    )
    caller = Actor("desk-f", huang)

    def at(hour: int, minute: int = 0) -> None:
        clock.at = local(24, hour, minute).astimezone(dt.UTC)

    def act(task, kind: str, **kw) -> None:
        with hospital.db.session() as s:
            followups.record(s, task.id, kind, caller, clock, RULES, **kw)

    def take(*tasks) -> None:
        for task in tasks:
            act(task, "claimed")

    at(9)
    take(done_at_once, second_try, declined, excluded, unreachable)
    with hospital.db.session() as s:
        phone_survey.reached(
            s,
            done_at_once.id,
            caller,
            clock,
            RULES,
            number=done_at_once.numbers[0],
            answers={
                "medical_quality": 5,
                "service_attitude": 5,
                "fees": 4,
                "environment": 5,
                "service_philosophy": 3,
                "recommend": 10,
            },
        )
    act(second_try, "no_answer", number=second_try.numbers[0])
    act(unreachable, "no_answer", number=unreachable.numbers[0])
    at(10)
    act(declined, "refused", number=declined.numbers[0])
    act(
        excluded,
        "excluded",
        number=excluded.numbers[0],
        data={"reason": "已再次住院", "signed_off_by": hospital.director.id},
    )
    at(14)
    take(second_try, unreachable)
    act(second_try, "completed", number=second_try.numbers[0])
    act(unreachable, "busy", number=unreachable.numbers[0])
    at(16)
    take(unreachable)
    act(unreachable, "powered_off", number=unreachable.numbers[0])
    at(16, 10)
    act(unreachable, "closed_unreachable")

    clock.at = local(25, 9).astimezone(dt.UTC)  # Wednesday morning: the untried one is missed
    with hospital.db.reading() as s:
        week = followup_figures.report(s, clock, "week")
        today = followup_figures.report(s, clock, "today")
        last_week = followup_figures.report(s, clock, "last_week")
    c = week.overall.calls
    assert (c.eligible, c.excluded, c.base) == (6, 1, 5)
    assert (c.completed, c.unreachable, c.refused, c.missed, c.still_open) == (2, 1, 1, 1, 0)
    assert c.coverage == pytest.approx(4 / 5)  # (completed + unreachable + refused) / base
    assert c.reach_rate == pytest.approx(3 / 5)  # reached: completed or declined
    assert c.on_time_rate == 1.0  # all four closed before 17:30 on Tuesday
    assert c.attempts_per_completed == pytest.approx((1 + 2) / 2)
    # the phone survey: one answer, five ratings, four of them 4 or 5
    assert (week.overall.phone_answers, week.overall.ratings, week.overall.satisfied) == (1, 5, 4)
    rows = {r.department_id: r for r in week.rows}
    im = rows[done_at_once.department_id]
    assert (im.calls.eligible, im.calls.missed, im.phone_answers) == (5, 0, 1)
    assert (rows[emr].calls.eligible, rows[emr].calls.missed, rows[emr].phone_answers) == (1, 1, 0)
    assert week.rows[0] is not None and week.rows[0].department_id == im.department_id
    assert untried.department_id == emr
    assert today.overall.calls.eligible == 0 and last_week.overall.calls.eligible == 0
