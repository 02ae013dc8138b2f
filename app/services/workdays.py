"""China's working calendar: which days are working days, with the make-up working days (调休)
that turn some Saturdays and Sundays into working days and the holidays that close weekdays.

The server holds the calendar as rows (``CalendarDay``: only the days that differ from "Monday
to Friday", with their names; ``CalendarYear``: the years whose State Council notice is in),
seeded from ``chinese-calendar`` and importable for a new year; every desk pulls them, so an
offline desk computes the same deadlines.  A year not announced yet is **provisional**: weekends
only, marked as such, and recomputed when its rows arrive (clocks are derived on read).

Statutory periods in days follow the Civil Code (arts. 201, 203): the day of receipt is not
counted, and the period ends at 24:00 of its last day — here, of its last *working* day, since
the periods are in working days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.models import CalendarDay, CalendarYear

HOLIDAY = "holiday"  # a day off (a weekday closed, or a weekend day inside a holiday)
MAKE_UP = "workday"  # a make-up working day on a Saturday or Sunday (调休上班)
KINDS = (HOLIDAY, MAKE_UP)

DayKind = Literal["weekday", "weekend", "holiday", "make_up"]


class CalendarRow(NamedTuple):
    """A day that differs from Monday-to-Friday, as the server keeps and sends it."""

    day: dt.date
    kind: str  # HOLIDAY or MAKE_UP
    name_zh: str = ""
    name_en: str = ""


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    kind: DayKind
    name: tuple[str, str] = ("", "")  # the holiday's name (Chinese, English)
    provisional: bool = False  # its year's calendar is not announced: weekends only


@dataclass(frozen=True)
class WorkCalendar:
    """Working days from the days that differ from Monday-to-Friday and the years announced."""

    exceptions: Mapping[dt.date, CalendarRow] = field(default_factory=dict)
    announced: frozenset[int] = frozenset()

    @classmethod
    def of(cls, rows: Iterable[CalendarRow], announced: Iterable[int]) -> WorkCalendar:
        """From the rows of the days that differ and the years whose calendar is announced."""
        exceptions: dict[dt.date, CalendarRow] = {}
        for row in rows:
            if row.kind not in KINDS:
                raise ValueError(f"{row.day}: kind must be one of {KINDS}, not {row.kind!r}")
            exceptions[row.day] = row
        return cls(exceptions, frozenset(announced))

    @property
    def version(self) -> str:
        """A short digest of the calendar's content: what a stored report or deadline was
        computed with."""
        text = (
            ";".join(f"{d.isoformat()}={row.kind}" for d, row in sorted(self.exceptions.items()))
            + "|"
            + ",".join(str(y) for y in sorted(self.announced))
        )
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def provisional(self, day: dt.date) -> bool:
        return day.year not in self.announced

    def info(self, day: dt.date) -> DayInfo:
        provisional = self.provisional(day)
        row = None if provisional else self.exceptions.get(day)
        if row is not None:
            name = (row.name_zh, row.name_en)
            if row.kind == MAKE_UP:
                return DayInfo(day, True, "make_up", name)
            return DayInfo(day, False, "holiday", name)
        weekend = day.weekday() >= 5
        return DayInfo(day, not weekend, "weekend" if weekend else "weekday", ("", ""), provisional)

    def is_working(self, day: dt.date) -> bool:
        return self.info(day).working

    def working_day_after(self, day: dt.date, n: int = 1) -> dt.date:
        """The ``n``-th working day after ``day`` (``day`` itself never counts)."""
        if n < 1:
            raise ValueError("n counts from 1")
        for _ in range(n):
            day += dt.timedelta(days=1)
            while not self.is_working(day):
                day += dt.timedelta(days=1)
        return day

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in ``(first, last]``."""
        count, day = 0, first
        while day < last:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return count

    def period_end(self, received: dt.datetime, working_days: int) -> dt.datetime:
        """When a period of ``working_days`` from ``received`` (an aware local time) ends:
        24:00 of the last counted working day, the day of receipt not counted."""
        last = self.working_day_after(received.date(), working_days)
        return dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), received.tzinfo)

    def uses_provisional(self, first: dt.date, last: dt.date) -> bool:
        """Whether a span of days reaches into a year not yet announced."""
        return any(year not in self.announced for year in range(first.year, last.year + 1))


def from_library(years: Iterable[int] | None = None) -> list[CalendarRow]:
    """The rows ``chinese-calendar`` holds for ``years`` (all it has when None): every holiday
    and every make-up working day, named in Chinese and English."""
    from chinese_calendar import constants

    wanted = set(years) if years is not None else None
    rows: list[CalendarRow] = []
    for table, kind in ((constants.holidays, HOLIDAY), (constants.workdays, MAKE_UP)):
        for day, english in table.items():
            if wanted is None or day.year in wanted:
                chinese = str(constants.Holiday(english).chinese)
                rows.append(CalendarRow(day, kind, chinese, str(english)))
    return sorted(rows)


def library_years() -> frozenset[int]:
    """The years whose notice ``chinese-calendar`` carries (it refuses the others)."""
    from chinese_calendar import constants

    return frozenset(d.year for d in constants.holidays)


FIRST_YEAR_KEPT = 2  # a desk or server holds the calendar from this many years back


def load(session: Session) -> WorkCalendar:
    """The calendar as this database holds it (pulled from the server on a desk)."""
    rows = [
        CalendarRow(d.day, d.kind, d.name_zh, d.name_en)
        for d in session.scalars(select(CalendarDay))
    ]
    return WorkCalendar.of(rows, session.scalars(select(CalendarYear.year)))


def store(
    session: Session, rows: Iterable[CalendarRow], sources: Mapping[int, str]
) -> list[CalendarDay | CalendarYear]:
    """Add the rows of newly announced years, with where each year came from; returns the
    objects added (the server publishes them)."""
    added: list[CalendarDay | CalendarYear] = [
        CalendarDay(day=r.day, kind=r.kind, name_zh=r.name_zh, name_en=r.name_en, version=1)
        for r in rows
    ]
    added += [
        CalendarYear(year=year, source=source[:80], imported_at=utcnow(), version=1)
        for year, source in sorted(sources.items())
    ]
    session.add_all(added)
    session.flush()
    return added


def seed_from_library(session: Session, today: dt.date) -> list[CalendarDay | CalendarYear]:
    """The years ``chinese-calendar`` knows, from ``FIRST_YEAR_KEPT`` years back, that this
    database does not hold yet."""
    import chinese_calendar

    have = set(session.scalars(select(CalendarYear.year)))
    years = sorted(
        y for y in library_years() if y >= today.year - FIRST_YEAR_KEPT and y not in have
    )
    if not years:
        return []
    # the module's own version: the frozen program carries no distribution metadata for it
    source = f"chinesecalendar {chinese_calendar.__version__}"
    return store(session, from_library(years), dict.fromkeys(years, source))
