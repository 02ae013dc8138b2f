"""China's working calendar (app/services/workdays.py): every day of 2025–2026 as
``chinese-calendar`` says, make-up Saturdays checked by hand, provisional years, and the
Civil Code's counting of periods in working days — figures worked out by hand."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest

from app.services.workdays import (
    HOLIDAY,
    MAKE_UP,
    CalendarRow,
    WorkCalendar,
    from_library,
    library_years,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.of(from_library(), library_years())


def test_every_day_of_2025_and_2026_agrees_with_the_library(cal: WorkCalendar) -> None:
    day, wrong = D(2025, 1, 1), []
    while day <= D(2026, 12, 31):
        if cal.is_working(day) != chinese_calendar.is_workday(day):
            wrong.append(day)
        assert not cal.info(day).provisional
        day += dt.timedelta(days=1)
    assert wrong == []


def test_make_up_saturdays_and_holidays_by_hand(cal: WorkCalendar) -> None:
    # 2026 Spring Festival: off Sun 15 to Mon 23 February; Saturdays 14 and 28 are worked
    saturday = cal.info(D(2026, 2, 14))
    assert (saturday.working, saturday.kind, saturday.name) == (
        True,
        "make_up",
        ("春节", "Spring Festival"),
    )
    assert cal.is_working(D(2026, 2, 28)) and D(2026, 2, 28).weekday() == 5
    assert not cal.is_working(D(2026, 2, 16))  # a Monday, closed
    assert cal.info(D(2026, 2, 16)).kind == "holiday"
    # National Day 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked
    assert [cal.is_working(D(2026, 10, d)) for d in range(1, 8)] == [False] * 7
    assert cal.is_working(D(2026, 9, 20)) and cal.is_working(D(2026, 10, 10))
    # 2025 Labour Day: Sunday 27 April worked, 1–5 May off
    assert cal.is_working(D(2025, 4, 27)) and not cal.is_working(D(2025, 5, 2))
    # an ordinary weekend and weekday
    assert not cal.is_working(D(2026, 3, 7)) and cal.is_working(D(2026, 3, 9))


def test_five_working_days_over_the_spring_festival(cal: WorkCalendar) -> None:
    # received Friday 13 Feb 2026, 15:00: the day of receipt is not counted; Sat 14 (make-up)
    # is day 1, 15–23 are off, Tue 24 day 2, 25 day 3, 26 day 4, Fri 27 day 5 → ends 24:00
    received = dt.datetime(2026, 2, 13, 15, 0, tzinfo=SHANGHAI)
    assert cal.period_end(received, 5) == dt.datetime(2026, 2, 28, 0, 0, tzinfo=SHANGHAI)
    # ten working days: Sat 28 (6), Mon 2 Mar (7) … Thu 5 Mar (10)
    assert cal.period_end(received, 10) == dt.datetime(2026, 3, 6, 0, 0, tzinfo=SHANGHAI)


def test_a_complaint_received_on_a_holiday_counts_from_the_next_working_day(
    cal: WorkCalendar,
) -> None:
    # received Thursday 1 Oct 2026 (National Day): 2–7 off, Thu 8 day 1, Fri 9 day 2,
    # Sat 10 (make-up) day 3, Mon 12 day 4, Tue 13 day 5
    received = dt.datetime(2026, 10, 1, 9, 30, tzinfo=SHANGHAI)
    assert cal.period_end(received, 5) == dt.datetime(2026, 10, 14, 0, 0, tzinfo=SHANGHAI)
    assert cal.working_days_between(D(2026, 10, 1), D(2026, 10, 13)) == 5


def test_a_year_not_announced_is_provisional_weekends_only() -> None:
    rows = from_library([2026])
    cal = WorkCalendar.of(rows, {2026})
    new_year = cal.info(D(2027, 1, 1))  # a Friday: provisional, so a working day for now
    assert (new_year.working, new_year.provisional) == (True, True)
    assert not cal.is_working(D(2027, 1, 2))  # Saturday
    assert cal.uses_provisional(D(2026, 12, 28), D(2027, 1, 8))
    assert not cal.uses_provisional(D(2026, 1, 1), D(2026, 12, 31))
    # received Tue 29 Dec 2026, five working days: 30, 31 Dec, then Fri 1, Mon 4, Tue 5 Jan
    received = dt.datetime(2026, 12, 29, 10, 0, tzinfo=SHANGHAI)
    assert cal.period_end(received, 5) == dt.datetime(2027, 1, 6, tzinfo=SHANGHAI)
    # the notice arrives (imported): New Year's Day off → the same deadline moves a day later
    announced = WorkCalendar.of(
        [*rows, CalendarRow(D(2027, 1, 1), HOLIDAY, "元旦", "")], {2026, 2027}
    )
    assert announced.period_end(received, 5) == dt.datetime(2027, 1, 7, tzinfo=SHANGHAI)
    assert announced.version != cal.version


def test_a_row_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind must be one of"):
        WorkCalendar.of([CalendarRow(D(2026, 1, 1), "half-day")], {2026})
    assert MAKE_UP == "workday"


def test_the_library_refuses_what_it_does_not_know() -> None:
    assert 2026 in library_years()
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2099, 1, 1))
