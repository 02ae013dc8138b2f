"""A case's two kinds of clock (app/services/clocks.py) over weekends, holidays and make-up
Saturdays, with pauses, extensions, warnings and escalation — every figure worked out by hand
from the centre's hours 08:00–17:30 on working days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.services.clocks import ClockRules, OpenHours, minute_clock, statutory_clock
from app.services.workdays import WorkCalendar, from_library, library_years

TZ = ZoneInfo("Asia/Shanghai")
RULES = ClockRules()


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.of(from_library(), library_years())


@pytest.fixture(scope="module")
def hours(cal: WorkCalendar) -> OpenHours:
    return OpenHours(cal, RULES, TZ)


def test_a_dispatch_clock_runs_over_into_a_make_up_saturday(hours: OpenHours) -> None:
    # Friday 13 Feb 2026, 17:10: 20 minutes today; Saturday 14 is worked → 08:40 Saturday
    assert hours.add(at(2, 13, 17, 10), 60) == at(2, 14, 8, 40)
    # Saturday 28 Feb is worked too; after it, Monday 2 March
    assert hours.add(at(2, 28, 17, 0), 60) == at(3, 2, 8, 30)


def test_over_an_ordinary_weekend_and_a_holiday(hours: OpenHours) -> None:
    assert hours.add(at(3, 6, 17, 10), 60) == at(3, 9, 8, 40)  # Friday → Monday
    # Wednesday 30 Sep 2026, 17:00: National Day 1–7 Oct; Thursday 8 Oct opens the centre
    assert hours.add(at(9, 30, 17, 0), 60) == at(10, 8, 8, 30)


def test_a_message_left_out_of_hours_is_due_first_thing(hours: OpenHours) -> None:
    # Tuesday 10 March, 22:00: call-back in 30 open minutes → Wednesday 08:30
    assert hours.add(at(3, 10, 22, 0), RULES.callback_min) == at(3, 11, 8, 30)
    # Saturday 7 March, 10:00 (an ordinary Saturday) → Monday 08:30
    assert hours.add(at(3, 7, 10, 0), 30) == at(3, 9, 8, 30)


def test_a_pause_with_its_reason_stops_the_minutes(hours: OpenHours) -> None:
    start = at(3, 9, 9, 0)  # Monday
    pause = [(at(3, 9, 9, 20), at(3, 9, 10, 0))]  # 40 minutes paused
    reading = minute_clock("dispatch", hours, start, 60, at(3, 9, 10, 30), pauses=pause)
    # used: 09:00–09:20 and 10:00–10:30 = 50 of 60 minutes → urgent (≥ 80 %), 10 left
    assert (reading.due_at, reading.left_min, reading.level) == (at(3, 9, 10, 40), 10, "urgent")
    assert reading.used == pytest.approx(50 / 60)


def test_a_clock_paused_without_end_says_paused_and_has_no_due_time(hours: OpenHours) -> None:
    start = at(3, 9, 9, 0)
    reading = minute_clock(
        "dispatch", hours, start, 60, at(3, 9, 15, 0), pauses=[(at(3, 9, 9, 20), None)]
    )
    assert (reading.level, reading.due_at) == ("paused", None)
    assert reading.used == pytest.approx(20 / 60)


def test_warnings_then_a_breach_that_climbs_the_levels(hours: OpenHours) -> None:
    start = at(3, 9, 9, 0)
    levels = [
        (minute_clock("dispatch", hours, start, 60, now).level, now)
        for now in (at(3, 9, 9, 20), at(3, 9, 9, 30), at(3, 9, 9, 48), at(3, 9, 10, 0))
    ]
    assert [lv for lv, _ in levels] == ["ok", "warn", "urgent", "breached"]
    breached = minute_clock("dispatch", hours, start, 60, at(3, 9, 10, 0))
    assert (breached.escalation, breached.escalated_to) == (1, "duty_lead")
    assert minute_clock("dispatch", hours, start, 60, at(3, 9, 11, 0)).escalated_to == "director"
    next_day = minute_clock("dispatch", hours, start, 60, at(3, 10, 10, 0))
    assert (next_day.escalated_to, next_day.left_min) == ("hospital", -570)  # 9.5 h open


def test_a_clock_met_in_time_or_late(hours: OpenHours) -> None:
    start = at(3, 9, 9, 0)
    assert (
        minute_clock("d", hours, start, 60, at(3, 9, 12), stopped_at=at(3, 9, 9, 50)).level == "met"
    )
    late = minute_clock("d", hours, start, 60, at(3, 9, 12), stopped_at=at(3, 9, 10, 5))
    assert (late.level, late.escalation) == ("met_late", 0)


def test_the_statutory_clock_never_pauses_and_keeps_both_deadlines(cal: WorkCalendar) -> None:
    received = at(2, 13, 15, 0)  # Friday before the Spring Festival
    plain = statutory_clock(
        "feedback", cal, RULES, received, RULES.standard_days, at(2, 25, 12, 0), tz=TZ
    )
    assert (plain.due_at, plain.original_due_at) == (at(2, 28, 0, 0), at(2, 28, 0, 0))
    # 25 Feb noon: 11.875 of its 14.375 days used (83 %) → urgent
    assert plain.level == "urgent"
    extended = statutory_clock(
        "feedback", cal, RULES, received, 5, at(2, 25, 12, 0), extensions=[5], tz=TZ
    )
    # five more working days: Sat 28 Feb, Mon 2 … Thu 5 March → ends 24:00 on 5 March
    assert (extended.original_due_at, extended.due_at) == (at(2, 28, 0, 0), at(3, 6, 0, 0))
    assert extended.level == "warn"  # 11.875 of 20.375 days (58 %)
    several = statutory_clock(
        "feedback", cal, RULES, received, RULES.several_departments_days, at(3, 6, 0, 30), tz=TZ
    )
    assert (several.level, several.escalation) == ("breached", 1)


def test_a_statutory_clock_over_a_year_not_announced_says_so() -> None:
    rows = from_library([2026])
    cal = WorkCalendar.of(rows, {2026})
    reading = statutory_clock("feedback", cal, RULES, at(12, 29, 10), 5, at(12, 29, 11), tz=TZ)
    assert reading.provisional and reading.due_at == dt.datetime(2027, 1, 6, tzinfo=TZ)
