"""The two kinds of clock a case runs on, derived on read from its events — never a stored
countdown, so a changed calendar or rule recomputes them.

* **Minute clocks** (dispatch a complaint within 60 minutes, keep a reply promise of 30, call an
  enquiry back within 30) count the centre's open minutes: its hours on working days.  They may
  pause, each pause with a reason; a message left out of hours is due first thing on the next
  working day.
* **Statutory clocks** (feedback within 5 working days, 10 when several departments are
  involved) count working days by the Civil Code (app/services/workdays.py) and never pause;
  they can only be extended, and the original deadline stays beside the extended one.

A clock warns before it is due (at ``warn_at`` shares of its time), is breached when due, and a
breach climbs the escalation levels (duty lead, the centre's director, the hospital) as more time
passes.  Every number is a ``ClockRules`` setting with the rulebooks' values as defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from app.services.workdays import WorkCalendar

Span = tuple[dt.datetime, dt.datetime | None]  # a pause: from, until (None: still paused)
Level = Literal["ok", "warn", "urgent", "breached", "met", "met_late", "paused"]
ESCALATION = ("duty_lead", "director", "hospital")


@dataclass(frozen=True)
class ClockRules:
    """The rulebooks' numbers, as settings."""

    opens: dt.time = dt.time(8, 0)  # the centre's hours on a working day
    closes: dt.time = dt.time(17, 30)
    dispatch_min: int = 60  # a complaint reaches the responsible department
    reply_promise_min: int = 30  # the person is told how and when they will hear
    callback_min: int = 30  # an enquiry not answered at once is answered
    standard_days: int = 5  # statutory feedback, working days
    several_departments_days: int = 10
    warn_at: tuple[float, float] = (0.5, 0.8)  # shares of the time: warn, then urgent
    # after a breach, wall-clock minutes until each escalation level is reached
    escalate_after_min: tuple[int, int, int] = (0, 60, 24 * 60)


@dataclass(frozen=True)
class Reading:
    """One clock as it stands at ``now``."""

    name: str
    started_at: dt.datetime
    due_at: dt.datetime | None  # None while paused: it cannot be known
    level: Level
    used: float  # share of its time used (may exceed 1)
    left_min: int | None  # minutes (open minutes for a minute clock) until due; < 0 when late
    original_due_at: dt.datetime | None = None  # before extensions (statutory clocks)
    stopped_at: dt.datetime | None = None
    escalation: int = 0  # levels of ``ESCALATION`` reached
    provisional: bool = False  # counted over a year whose calendar is not announced
    pauses: tuple[Span, ...] = field(default_factory=tuple)

    @property
    def escalated_to(self) -> str | None:
        return ESCALATION[self.escalation - 1] if self.escalation else None


class OpenHours:
    """The centre's open minutes: ``rules.opens``–``rules.closes`` on working days, in the
    hospital's time zone."""

    def __init__(self, calendar: WorkCalendar, rules: ClockRules, tz: dt.tzinfo) -> None:
        self.calendar = calendar
        self.rules = rules
        self.tz = tz

    def intervals(self, start: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """Open intervals from ``start`` on, in order (the first clipped to ``start``)."""
        local = start.astimezone(self.tz)
        day = local.date()
        for _ in range(3660):  # ten years of days: a clock never runs longer
            if self.calendar.is_working(day):
                opens = dt.datetime.combine(day, self.rules.opens, self.tz)
                closes = dt.datetime.combine(day, self.rules.closes, self.tz)
                if closes > local:
                    yield max(opens, local), closes
            day += dt.timedelta(days=1)

    def open_intervals(
        self, start: dt.datetime, pauses: Sequence[Span]
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """Open intervals from ``start`` with the pauses taken out; an open-ended pause ends
        them."""
        spans = sorted(pauses, key=lambda p: p[0])
        for lo, hi in self.intervals(start):
            pieces = [(lo, hi)]
            for p_from, p_until in spans:
                cut: list[tuple[dt.datetime, dt.datetime]] = []
                for a, b in pieces:
                    if p_until is not None and (p_until <= a or p_from >= b):
                        cut.append((a, b))
                        continue
                    if p_until is None and p_from >= b:
                        cut.append((a, b))
                        continue
                    if p_from > a:
                        cut.append((a, min(b, p_from)))
                    if p_until is not None and p_until < b:
                        cut.append((max(a, p_until), b))
                pieces = cut
            yield from pieces
            if any(p_until is None and p_from < hi for p_from, p_until in spans):
                return

    def add(
        self, start: dt.datetime, minutes: int, pauses: Sequence[Span] = ()
    ) -> dt.datetime | None:
        """The moment ``minutes`` open minutes after ``start``; None if a pause never ends
        before they are used."""
        left = dt.timedelta(minutes=minutes)
        for a, b in self.open_intervals(start, pauses):
            if b - a >= left:
                return a + left
            left -= b - a
        return None

    def between(self, start: dt.datetime, end: dt.datetime, pauses: Sequence[Span] = ()) -> float:
        """Open minutes in ``[start, end)``."""
        total = dt.timedelta()
        if end <= start:
            return 0.0
        for a, b in self.open_intervals(start, pauses):
            if a >= end:
                break
            total += min(b, end) - a
        return total.total_seconds() / 60


def _level(used: float, rules: ClockRules) -> Level:
    if used >= 1:
        return "breached"
    if used >= rules.warn_at[1]:
        return "urgent"
    if used >= rules.warn_at[0]:
        return "warn"
    return "ok"


def _escalation(due: dt.datetime, now: dt.datetime, rules: ClockRules) -> int:
    late = (now - due).total_seconds() / 60
    return sum(1 for after in rules.escalate_after_min if late >= after) if late >= 0 else 0


def minute_clock(
    name: str,
    hours: OpenHours,
    started_at: dt.datetime,
    minutes: int,
    now: dt.datetime,
    *,
    pauses: Sequence[Span] = (),
    stopped_at: dt.datetime | None = None,
) -> Reading:
    """A clock of ``minutes`` open minutes from ``started_at``; ``stopped_at`` when what it
    waits for was done."""
    rules = hours.rules
    until = stopped_at or now
    used_min = hours.between(started_at, until, pauses)
    used = used_min / minutes if minutes else 1.0
    due = hours.add(started_at, minutes, pauses)
    paused = any(p_until is None for _, p_until in pauses)
    kept = tuple(pauses)
    if stopped_at is not None:
        level: Level = "met" if used <= 1 else "met_late"
        return Reading(name, started_at, due, level, used, None, None, stopped_at, 0, False, kept)
    if paused and due is None:
        return Reading(name, started_at, None, "paused", used, None, pauses=kept)
    left = round(minutes - used_min)
    level = _level(used, rules)
    escalation = _escalation(due, now, rules) if due is not None else 0
    return Reading(name, started_at, due, level, used, left, None, None, escalation, False, kept)


def statutory_clock(
    name: str,
    calendar: WorkCalendar,
    rules: ClockRules,
    received_at: dt.datetime,
    working_days: int,
    now: dt.datetime,
    *,
    extensions: Sequence[int] = (),
    stopped_at: dt.datetime | None = None,
    tz: dt.tzinfo,
) -> Reading:
    """A period of ``working_days`` from ``received_at`` (never paused), lengthened by each
    extension's working days; the original deadline is kept beside the extended one."""
    local = received_at.astimezone(tz)
    original = calendar.period_end(local, working_days)
    due = calendar.period_end(local, working_days + sum(extensions))
    provisional = calendar.uses_provisional(local.date(), due.date())
    span = (due - received_at).total_seconds()
    until = stopped_at or now
    used = (until - received_at).total_seconds() / span if span > 0 else 1.0
    if stopped_at is not None:
        level: Level = "met" if stopped_at <= due else "met_late"
        return Reading(
            name, received_at, due, level, used, None, original, stopped_at, 0, provisional
        )
    left = int((due - now).total_seconds() // 60)
    return Reading(
        name,
        received_at,
        due,
        _level(used, rules),
        used,
        left,
        original,
        None,
        _escalation(due, now, rules),
        provisional,
    )
