"""The rules of a follow-up call (回访), as pure functions over its facts — no database, so the
worklist, the task page, the server and the reports all judge a task the same way.

* **When it is due.**  An outpatient is phoned the day after the visit, in the centre's calling
  hours; a day the centre does not call (a weekend, a holiday — China's make-up working days
  included, from the working calendar) rolls to the next working day.  A handled complaint is
  called back within 72 hours by the wall clock.
* **Attempts** are facts with typed outcomes.  No answer, busy, powered off and unreachable are
  *countable failures*; an invalid number or the wrong person rules that number out and moves to
  the next (not a failure against the patient); a requested call-back reschedules.
* **Unreachable** may be closed only when the rule is met: at least 3 countable failures, in at
  least two time slots of the day, with every valid number tried, all before the deadline.  A
  deadline passed otherwise is **missed** — a breach, never quietly counted as unreachable.
* **Coverage** = (completed + unreachable + refused) / (eligible − excluded), with reach rate,
  on-time rate and attempts per completed call beside it.

Every number is a ``FollowUpRules`` setting with the rulebooks' value as default.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.services.workdays import WorkCalendar


class Outcome(enum.StrEnum):
    COMPLETED = "completed"
    CALLBACK_REQUESTED = "callback_requested"  # reschedules; not a failure
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    POWERED_OFF = "powered_off"
    UNREACHABLE = "unreachable"  # 无法接通
    INVALID_NUMBER = "invalid_number"  # 空号 / 停机: the number is ruled out
    WRONG_PERSON = "wrong_person"  # the number is ruled out
    REFUSED = "refused"  # the person declined (offer do-not-call)
    EXCLUDED = "excluded"  # deceased, readmitted …: a supervisor signs it off


COUNTABLE = frozenset({Outcome.NO_ANSWER, Outcome.BUSY, Outcome.POWERED_OFF, Outcome.UNREACHABLE})
RULES_OUT_NUMBER = frozenset({Outcome.INVALID_NUMBER, Outcome.WRONG_PERSON})
ENDS_TASK = frozenset({Outcome.COMPLETED, Outcome.REFUSED, Outcome.EXCLUDED})

State = Literal[
    "waiting",  # not yet callable (before its first calling hour)
    "open",
    "callback",  # the person asked to be called at a time
    "completed",
    "unreachable",
    "refused",
    "excluded",
    "missed",  # the deadline passed with the task neither done nor closed by the rule
]
Slot = Literal["morning", "afternoon", "evening"]
ENDED_AS: dict[Outcome, State] = {
    Outcome.COMPLETED: "completed",
    Outcome.REFUSED: "refused",
    Outcome.EXCLUDED: "excluded",
}


@dataclass(frozen=True)
class FollowUpRules:
    calls_from: dt.time = dt.time(8, 30)  # the centre's calling hours on a working day
    calls_until: dt.time = dt.time(17, 30)
    noon: dt.time = dt.time(12, 0)  # time slots: morning before noon, afternoon to evening
    evening: dt.time = dt.time(17, 0)
    failures_needed: int = 3  # countable failures before a task may close as unreachable
    slots_needed: int = 2  # in at least this many time slots
    after_case_hours: int = 72  # a handled complaint is called back within this
    lease_min: int = 120  # a caller who takes a call holds it this long (a lead's: no end)
    # FrontDesk sees the hand-off to admission, not the discharge (the HIS knows it): the
    # discharge call is made this many days after the hand-off, over two working days
    discharge_after_days: int = 7


@dataclass(frozen=True)
class Attempt:
    at: dt.datetime
    number: str
    outcome: Outcome
    callback_at: dt.datetime | None = None  # CALLBACK_REQUESTED: when to call
    signed_off_by: str | None = None  # EXCLUDED: the supervisor


@dataclass(frozen=True)
class Shortfall:
    """Why a task may not close as unreachable yet: ``what`` with the figures."""

    what: Literal["failures", "slots", "numbers", "deadline"]
    have: int
    need: int
    numbers: tuple[str, ...] = ()  # "numbers": the valid ones not yet tried


@dataclass(frozen=True)
class Standing:
    state: State
    due_at: dt.datetime
    callable_from: dt.datetime
    valid_numbers: tuple[str, ...]  # in rank order, ruled-out ones left out
    next_number: str | None  # the one to dial now
    failures: int  # countable, before the deadline
    slots: frozenset[Slot]
    attempts: int
    may_close_unreachable: bool
    shortfalls: tuple[Shortfall, ...]  # empty when it may
    closed_at: dt.datetime | None = None
    callback_at: dt.datetime | None = None

    @property
    def closed(self) -> bool:
        return self.state in ("completed", "unreachable", "refused", "excluded")

    @property
    def on_time(self) -> bool:
        return self.closed_at is not None and self.closed_at <= self.due_at


def slot_of(at: dt.datetime, tz: dt.tzinfo, rules: FollowUpRules) -> Slot:
    t = at.astimezone(tz).time()
    if t < rules.noon:
        return "morning"
    return "afternoon" if t < rules.evening else "evening"


def next_day_window(
    visit_day: dt.date, calendar: WorkCalendar, tz: dt.tzinfo, rules: FollowUpRules
) -> tuple[dt.datetime, dt.datetime]:
    """(callable from, due by) for an outpatient seen on ``visit_day``: the calling hours of
    the next working day."""
    day = calendar.working_day_after(visit_day)
    return (
        dt.datetime.combine(day, rules.calls_from, tz),
        dt.datetime.combine(day, rules.calls_until, tz),
    )


def after_discharge_window(
    handoff_day: dt.date, calendar: WorkCalendar, tz: dt.tzinfo, rules: FollowUpRules
) -> tuple[dt.datetime, dt.datetime]:
    """(callable from, due by) for a patient handed to admission on ``handoff_day``: from the
    first working day ``discharge_after_days`` after it, to the end of the next working day's
    calling hours."""
    first = handoff_day + dt.timedelta(days=rules.discharge_after_days)
    if not calendar.is_working(first):
        first = calendar.working_day_after(first)
    last = calendar.working_day_after(first)
    return (
        dt.datetime.combine(first, rules.calls_from, tz),
        dt.datetime.combine(last, rules.calls_until, tz),
    )


def after_case_window(
    closed_at: dt.datetime, rules: FollowUpRules
) -> tuple[dt.datetime, dt.datetime]:
    """(callable from, due by) for a handled complaint: from its closing, 72 wall-clock hours."""
    return closed_at, closed_at + dt.timedelta(hours=rules.after_case_hours)


def _valid(numbers: Sequence[str], attempts: Sequence[Attempt]) -> tuple[str, ...]:
    out = {a.number for a in attempts if a.outcome in RULES_OUT_NUMBER}
    return tuple(n for n in dict.fromkeys(numbers) if n not in out)


def standing(
    numbers: Sequence[str],
    attempts: Sequence[Attempt],
    window: tuple[dt.datetime, dt.datetime],
    now: dt.datetime,
    tz: dt.tzinfo,
    rules: FollowUpRules,
    *,
    closed_unreachable_at: dt.datetime | None = None,
) -> Standing:
    """A task as it stands at ``now``: its state, the number to dial, and whether (and if not,
    why not) it may close as unreachable."""
    callable_from, due = window
    facts = sorted(attempts, key=lambda a: a.at)
    valid = _valid(numbers, facts)
    in_time = [a for a in facts if a.at <= due]
    failing = [a for a in in_time if a.outcome in COUNTABLE]
    slots = frozenset(slot_of(a.at, tz, rules) for a in failing)
    tried = {a.number for a in failing}
    shortfalls: list[Shortfall] = []
    if len(failing) < rules.failures_needed:
        shortfalls.append(Shortfall("failures", len(failing), rules.failures_needed))
    if len(slots) < rules.slots_needed:
        shortfalls.append(Shortfall("slots", len(slots), rules.slots_needed))
    untried = tuple(n for n in valid if n not in tried)
    if untried:
        shortfalls.append(Shortfall("numbers", len(valid) - len(untried), len(valid), untried))
    if now > due:
        shortfalls.append(Shortfall("deadline", 0, 0))
    # the number to dial: a valid one tried least, by rank
    counts = {n: sum(1 for a in facts if a.number == n) for n in valid}
    next_number = min(valid, key=lambda n: (counts[n], valid.index(n))) if valid else None

    state: State
    closed_at = callback_at = None
    ending = next((a for a in facts if a.outcome in ENDS_TASK and _counts(a)), None)
    if ending is not None:
        state, closed_at = ENDED_AS[ending.outcome], ending.at
    elif closed_unreachable_at is not None:
        state, closed_at = "unreachable", closed_unreachable_at
    elif now > due:
        state = "missed"
    elif now < callable_from:
        state = "waiting"
    else:
        last = facts[-1] if facts else None
        if last is not None and last.outcome == Outcome.CALLBACK_REQUESTED:
            state, callback_at = "callback", last.callback_at
        else:
            state = "open"
    return Standing(
        state=state,
        due_at=due,
        callable_from=callable_from,
        valid_numbers=valid,
        next_number=next_number if ending is None else None,
        failures=len(failing),
        slots=slots,
        attempts=len(facts),
        may_close_unreachable=not shortfalls and ending is None and closed_unreachable_at is None,
        shortfalls=tuple(shortfalls),
        closed_at=closed_at,
        callback_at=callback_at,
    )


def _counts(a: Attempt) -> bool:
    """An exclusion counts only with a supervisor's sign-off."""
    return a.outcome != Outcome.EXCLUDED or bool(a.signed_off_by)


@dataclass(frozen=True)
class Coverage:
    eligible: int
    excluded: int
    completed: int
    unreachable: int
    refused: int
    missed: int
    still_open: int
    on_time: int  # closed (not excluded) by the deadline
    attempts_to_complete: int  # attempts on the completed tasks

    @property
    def base(self) -> int:
        return self.eligible - self.excluded

    @property
    def covered(self) -> int:
        return self.completed + self.unreachable + self.refused

    @property
    def coverage(self) -> float | None:
        return self.covered / self.base if self.base else None

    @property
    def reach_rate(self) -> float | None:
        """Tasks whose person was reached (completed or refused) among those to call."""
        return (self.completed + self.refused) / self.base if self.base else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.covered if self.covered else None

    @property
    def attempts_per_completed(self) -> float | None:
        return self.attempts_to_complete / self.completed if self.completed else None


def coverage(standings: Iterable[Standing]) -> Coverage:
    """The figures over a period's tasks (each counted once, from its own facts)."""
    n = dict.fromkeys(("completed", "unreachable", "refused", "excluded", "missed"), 0)
    eligible = still_open = on_time = attempts = 0
    for s in standings:
        eligible += 1
        if s.state in n:
            n[s.state] += 1
        else:
            still_open += 1
        if s.closed and s.state != "excluded" and s.on_time:
            on_time += 1
        if s.state == "completed":
            attempts += s.attempts
    return Coverage(
        eligible=eligible,
        excluded=n["excluded"],
        completed=n["completed"],
        unreachable=n["unreachable"],
        refused=n["refused"],
        missed=n["missed"],
        still_open=still_open,
        on_time=on_time,
        attempts_to_complete=attempts,
    )
