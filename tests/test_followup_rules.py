"""The follow-up call's rules, with every figure worked out by hand: when a call is due (the
next working day, make-up Saturdays and Spring Festival included; 72 hours after a complaint),
the unreachable rule's edges (three failures, two time slots, every valid number, before the
deadline), missed, and the coverage figures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.services import workdays
from app.services.followup_rules import (
    Attempt,
    FollowUpRules,
    Outcome,
    after_case_window,
    coverage,
    next_day_window,
    slot_of,
    standing,
)

TZ = ZoneInfo("Asia/Shanghai")
RULES = FollowUpRules()
CAL = workdays.WorkCalendar.of(workdays.from_library([2026]), [2026])
MOBILE, HOME = "13800138000", "01065123456"


def t(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize(
    ("visit", "call_day"),
    [
        (dt.date(2026, 2, 12), dt.date(2026, 2, 13)),  # Thursday → Friday
        (dt.date(2026, 2, 13), dt.date(2026, 2, 14)),  # Friday → the make-up Saturday
        (dt.date(2026, 2, 14), dt.date(2026, 2, 24)),  # → after Spring Festival's nine days
        (dt.date(2026, 2, 27), dt.date(2026, 2, 28)),  # Friday → the make-up Saturday
        (dt.date(2026, 2, 28), dt.date(2026, 3, 2)),  # Saturday → Monday
    ],
)
def test_the_next_day_call_rolls_to_the_next_working_day(visit, call_day) -> None:
    opens, due = next_day_window(visit, CAL, TZ, RULES)
    assert opens == dt.datetime.combine(call_day, dt.time(8, 30), TZ)
    assert due == dt.datetime.combine(call_day, dt.time(17, 30), TZ)


def test_a_handled_complaint_is_called_within_72_wall_clock_hours() -> None:
    closed = t(2, 13, 16, 20)  # a Friday before the holiday: the clock does not stop for it
    assert after_case_window(closed, RULES) == (closed, t(2, 16, 16, 20))


def test_time_slots() -> None:
    assert [
        slot_of(t(3, 2, h, m), TZ, RULES) for h, m in ((8, 30), (11, 59), (12, 0), (17, 0))
    ] == [
        "morning",
        "morning",
        "afternoon",
        "evening",
    ]


WINDOW = (t(3, 2, 8, 30), t(3, 4, 17, 30))  # a task callable Monday, due Wednesday 17:30


def fail(when: dt.datetime, number: str = MOBILE, outcome: Outcome = Outcome.NO_ANSWER) -> Attempt:
    return Attempt(when, number, outcome)


def test_three_failures_in_two_slots_on_every_number_may_close_as_unreachable() -> None:
    tries = [fail(t(3, 2, 9)), fail(t(3, 2, 15), HOME, Outcome.BUSY), fail(t(3, 3, 10))]
    s = standing([MOBILE, HOME], tries, WINDOW, t(3, 3, 10, 5), TZ, RULES)
    assert (s.state, s.failures, s.slots) == ("open", 3, {"morning", "afternoon"})
    assert s.may_close_unreachable and s.shortfalls == ()
    closed = standing(
        [MOBILE, HOME], tries, WINDOW, t(3, 3, 11), TZ, RULES, closed_unreachable_at=t(3, 3, 11)
    )
    assert (closed.state, closed.on_time, closed.may_close_unreachable) == (
        "unreachable",
        True,
        False,
    )


def test_the_unreachable_rule_says_what_is_missing() -> None:
    # three failures, all in the morning, the home number never tried
    tries = [fail(t(3, 2, 9)), fail(t(3, 2, 10)), fail(t(3, 3, 9, 30))]
    s = standing([MOBILE, HOME], tries, WINDOW, t(3, 3, 9, 35), TZ, RULES)
    assert not s.may_close_unreachable
    assert [(x.what, x.have, x.need) for x in s.shortfalls] == [("slots", 1, 2), ("numbers", 1, 2)]
    assert s.shortfalls[1].numbers == (HOME,)
    assert s.next_number == HOME  # the number tried least
    # two failures only, in two slots
    two = standing([MOBILE], [*tries[:1], fail(t(3, 2, 14))], WINDOW, t(3, 2, 15), TZ, RULES)
    assert [(x.what, x.have) for x in two.shortfalls] == [("failures", 2)]


def test_a_ruled_out_number_is_not_a_failure_and_the_next_is_dialled() -> None:
    tries = [fail(t(3, 2, 9), MOBILE, Outcome.INVALID_NUMBER)]
    s = standing([MOBILE, HOME], tries, WINDOW, t(3, 2, 9, 1), TZ, RULES)
    assert (s.failures, s.valid_numbers, s.next_number) == (0, (HOME,), HOME)
    # then three failures on the one valid number, in two slots: every valid number is tried
    tries += [fail(t(3, 2, 10), HOME), fail(t(3, 2, 16), HOME), fail(t(3, 3, 9), HOME)]
    assert standing([MOBILE, HOME], tries, WINDOW, t(3, 3, 9, 5), TZ, RULES).may_close_unreachable
    # the wrong person on the only number: no number left to call
    wrong = [fail(t(3, 2, 9), MOBILE, Outcome.WRONG_PERSON)]
    none = standing([MOBILE], wrong, WINDOW, t(3, 2, 9, 5), TZ, RULES)
    assert none.next_number is None and none.valid_numbers == ()


def test_failures_after_the_deadline_do_not_count_and_a_passed_deadline_is_missed() -> None:
    tries = [fail(t(3, 2, 9)), fail(t(3, 3, 15)), fail(t(3, 4, 18))]  # the last one too late
    s = standing([MOBILE], tries, WINDOW, t(3, 4, 18, 5), TZ, RULES)
    assert s.state == "missed" and s.failures == 2
    assert {x.what for x in s.shortfalls} == {"failures", "deadline"}
    assert not s.may_close_unreachable
    # in time, the same three failures would have allowed it
    early = [*tries[:2], fail(t(3, 4, 16, 30))]
    assert standing([MOBILE], early, WINDOW, t(3, 4, 16, 35), TZ, RULES).may_close_unreachable


def test_states_from_the_facts() -> None:
    assert standing([MOBILE], [], WINDOW, t(3, 1, 20), TZ, RULES).state == "waiting"
    back = Attempt(t(3, 2, 9), MOBILE, Outcome.CALLBACK_REQUESTED, callback_at=t(3, 2, 14))
    s = standing([MOBILE], [back], WINDOW, t(3, 2, 9, 1), TZ, RULES)
    assert (s.state, s.callback_at, s.failures) == ("callback", t(3, 2, 14), 0)
    done = standing(
        [MOBILE],
        [back, Attempt(t(3, 2, 14), MOBILE, Outcome.COMPLETED)],
        WINDOW,
        t(3, 5, 9),
        TZ,
        RULES,
    )
    assert (done.state, done.closed_at, done.on_time, done.next_number) == (
        "completed",
        t(3, 2, 14),
        True,
        None,
    )
    unsigned = Attempt(t(3, 2, 9), MOBILE, Outcome.EXCLUDED)  # no supervisor: not yet
    assert standing([MOBILE], [unsigned], WINDOW, t(3, 2, 10), TZ, RULES).state == "open"
    signed = Attempt(t(3, 2, 9), MOBILE, Outcome.EXCLUDED, signed_off_by="director.sun")
    assert standing([MOBILE], [signed], WINDOW, t(3, 2, 10), TZ, RULES).state == "excluded"


def test_coverage_worked_by_hand() -> None:
    """Ten tasks: 5 completed (one late, 2+1+1+3+1 = 8 attempts), 1 unreachable, 1 refused, 1
    excluded, 1 missed, 1 still open.  Coverage (5+1+1) / (10−1) = 7/9; reach (5+1)/9 = 2/3;
    on time 6 of the 7 covered; 8/5 = 1.6 attempts per completed call."""
    now = t(3, 5, 9)

    def completed(at: dt.datetime, before: int) -> list[Attempt]:
        return [fail(at - dt.timedelta(hours=i + 1)) for i in range(before)] + [
            Attempt(at, MOBILE, Outcome.COMPLETED)
        ]

    three_fails = [fail(t(3, 2, 9)), fail(t(3, 2, 15)), fail(t(3, 3, 9))]
    tasks = [
        standing([MOBILE], completed(t(3, 2, 12), 1), WINDOW, now, TZ, RULES),
        standing([MOBILE], completed(t(3, 2, 13), 0), WINDOW, now, TZ, RULES),
        standing([MOBILE], completed(t(3, 3, 13), 0), WINDOW, now, TZ, RULES),
        standing([MOBILE], completed(t(3, 4, 16), 2), WINDOW, now, TZ, RULES),
        standing([MOBILE], completed(t(3, 4, 18), 0), WINDOW, now, TZ, RULES),  # late
        standing([MOBILE], three_fails, WINDOW, now, TZ, RULES, closed_unreachable_at=t(3, 3, 9)),
        standing([MOBILE], [Attempt(t(3, 2, 9), MOBILE, Outcome.REFUSED)], WINDOW, now, TZ, RULES),
        standing(
            [MOBILE],
            [Attempt(t(3, 2, 9), MOBILE, Outcome.EXCLUDED, signed_off_by="d")],
            WINDOW,
            now,
            TZ,
            RULES,
        ),
        standing([MOBILE], [fail(t(3, 2, 9))], WINDOW, now, TZ, RULES),  # missed
        standing([MOBILE], [], (t(3, 4, 8, 30), t(3, 6, 17, 30)), now, TZ, RULES),  # open
    ]
    assert [s.state for s in tasks] == [
        *["completed"] * 5,
        "unreachable",
        "refused",
        "excluded",
        "missed",
        "open",
    ]
    c = coverage(tasks)
    assert (c.eligible, c.excluded, c.base, c.covered, c.missed, c.still_open) == (
        10,
        1,
        9,
        7,
        1,
        1,
    )
    assert c.coverage == pytest.approx(7 / 9)
    assert c.reach_rate == pytest.approx(2 / 3)
    assert (c.on_time, c.on_time_rate) == (6, pytest.approx(6 / 7))
    assert c.attempts_per_completed == pytest.approx(8 / 5)
    empty = coverage([])
    assert (empty.coverage, empty.reach_rate, empty.attempts_per_completed) == (None, None, None)
