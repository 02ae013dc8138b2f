"""Settings the whole hospital shares, declared once: each key's default (the rulebooks'
value), what values it takes, and how a value is read.  They are kept on the server (table
``settings``), changed there — by ``server-admin setting set`` or the director's console — and
pulled by every desk like the working calendar, so an offline desk counts the same deadlines
as the server and every other desk.  A key with no row has its default.

Every refusal names the key and the rule, in words a director can act on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ids import new_id
from app.models import Purpose, Setting
from app.services.appointments import AppointmentRules
from app.services.checkin import CheckInWindow
from app.services.clocks import ClockRules
from app.services.followup_rules import FollowUpRules


class SettingError(ValueError):
    """A setting refused: ``key`` and the reason, in English (the console translates)."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class Declared:
    key: str
    help: str
    read: Callable[[Any], Any]  # raises ValueError with the reason; returns the typed value
    show: Callable[[Any], Any]  # the typed value as JSON


_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _time(raw: Any) -> dt.time:
    if not isinstance(raw, str) or not _HHMM.match(raw):
        raise ValueError('a time of day as "HH:MM", e.g. "08:00"')
    return dt.time(int(raw[:2]), int(raw[3:]))


def _minutes(low: int, high: int) -> Callable[[Any], int]:
    def read(raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            raise ValueError(f"a whole number from {low} to {high}")
        return raw

    return read


def _shares(raw: Any) -> tuple[float, float]:
    ok = (
        isinstance(raw, list)
        and len(raw) == 2
        and all(isinstance(x, int | float) and not isinstance(x, bool) for x in raw)
        and 0 < raw[0] < raw[1] < 1
    )
    if not ok:
        raise ValueError("two shares of the time, warn before urgent, e.g. [0.5, 0.8]")
    return (float(raw[0]), float(raw[1]))


def _ladder(raw: Any) -> tuple[int, int, int]:
    ok = (
        isinstance(raw, list)
        and len(raw) == 3
        and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in raw)
        and raw[0] <= raw[1] <= raw[2] <= 60 * 24 * 30
    )
    if not ok:
        raise ValueError(
            "three minute counts after a breach — duty lead, director, hospital — "
            "rising, at most 30 days, e.g. [0, 60, 1440]"
        )
    return (raw[0], raw[1], raw[2])


def _same(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


_D = ClockRules()
_A = AppointmentRules()
# clocks.<field of ClockRules>
CLOCKS: tuple[Declared, ...] = (
    Declared("clocks.opens", "The centre opens (minute clocks run from here)", _time, _hhmm),
    Declared("clocks.closes", "The centre closes (minute clocks stop here)", _time, _hhmm),
    Declared(
        "clocks.dispatch_min",
        "Open minutes to dispatch a complaint to its department",
        _minutes(5, 24 * 60),
        _same,
    ),
    Declared(
        "clocks.reply_promise_min",
        "Open minutes to tell a complainant how and when they will hear",
        _minutes(5, 24 * 60),
        _same,
    ),
    Declared(
        "clocks.callback_min",
        "Open minutes to call an enquiry back",
        _minutes(5, 24 * 60),
        _same,
    ),
    Declared(
        "clocks.standard_days",
        "Working days to give a complaint's outcome",
        _minutes(1, 60),
        _same,
    ),
    Declared(
        "clocks.several_departments_days",
        "Working days when several departments are involved",
        _minutes(1, 60),
        _same,
    ),
    Declared("clocks.warn_at", "Shares of a clock's time: warn, then urgent", _shares, _same),
    Declared(
        "clocks.escalate_after_min",
        "Minutes after a breach until the duty lead, the director and the hospital are told",
        _ladder,
        _same,
    ),
)


def _codes(raw: Any) -> tuple[str, ...]:
    ok = isinstance(raw, list) and all(
        isinstance(x, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,16}", x) for x in raw
    )
    if not ok:
        raise ValueError('a list of department codes, e.g. ["EMR"]; [] for none')
    return tuple(dict.fromkeys(raw))


def _purposes(raw: Any) -> tuple[str, ...]:
    known = [p.value for p in Purpose]
    if not isinstance(raw, list) or not all(isinstance(x, str) and x in known for x in raw):
        raise ValueError(f"a list of visit purposes, some of {known}; [] for none")
    return tuple(dict.fromkeys(raw))


_F = FollowUpRules()
# followups.<field of FollowUpRules>, and the departments whose patients are not called
FOLLOWUPS: tuple[Declared, ...] = (
    Declared("followups.calls_from", "Follow-up calls are made from", _time, _hhmm),
    Declared("followups.calls_until", "Follow-up calls are made until", _time, _hhmm),
    Declared(
        "followups.failures_needed",
        "Failed attempts before a call may close as unreachable (the rulebooks say 3–5)",
        _minutes(3, 5),
        _same,
    ),
    Declared(
        "followups.after_case_hours",
        "Hours to call back after a complaint is handled",
        _minutes(1, 240),
        _same,
    ),
    Declared(
        "followups.discharge_after_days",
        "Days after the hand-off to admission that the discharge call is made",
        _minutes(1, 60),
        _same,
    ),
    Declared(
        "followups.lease_min",
        "Minutes a caller holds a call they took",
        _minutes(10, 480),
        _same,
    ),
    Declared(
        "followups.exclude_departments",
        "Departments whose outpatients get no next-day call (codes)",
        _codes,
        _same,
    ),
    Declared(
        "followups.exclude_purposes",
        "Kinds of visit that get no next-day call (purposes)",
        _purposes,
        _same,
    ),
)
# appointments.<field of AppointmentRules> (the check-in window is each kiosk's own setting)
APPOINTMENTS: tuple[Declared, ...] = (
    Declared(
        "appointments.no_show_after_min",
        "Minutes after the booked time until a booking nobody checked in for is a no-show",
        _minutes(15, 12 * 60),
        _same,
    ),
)
DECLARED: dict[str, Declared] = {d.key: d for d in (*CLOCKS, *FOLLOWUPS, *APPOINTMENTS)}
EXCLUDE = "followups.exclude_departments"
EXCLUDE_PURPOSES = "followups.exclude_purposes"
LISTS = (EXCLUDE, EXCLUDE_PURPOSES)  # not fields of FollowUpRules: read on their own


def default(key: str) -> Any:
    """A key's default as JSON."""
    d = _declared(key)
    group, name = key.split(".", 1)
    if key in LISTS:
        return []
    defaults = {"clocks": _D, "followups": _F, "appointments": _A}[group]
    return d.show(getattr(defaults, name))


def _declared(key: str) -> Declared:
    try:
        return DECLARED[key]
    except KeyError:
        raise SettingError(key, "no such setting (server-admin setting list names them)") from None


def read(key: str, raw: Any) -> Any:
    """``raw`` (JSON) checked for ``key``; the typed value, or ``SettingError``."""
    try:
        return _declared(key).read(raw)
    except ValueError as exc:
        if isinstance(exc, SettingError):
            raise
        raise SettingError(key, f"expected {exc}") from None


def _rules(values: Mapping[str, Any]) -> ClockRules:
    """ClockRules from JSON values by key (missing keys keep their defaults), checked whole."""
    typed = {d.key.split(".", 1)[1]: read(d.key, values[d.key]) for d in CLOCKS if d.key in values}
    rules = replace(_D, **typed)
    if rules.opens >= rules.closes:
        raise SettingError("clocks.closes", "the centre must close after it opens")
    if rules.several_departments_days < rules.standard_days:
        raise SettingError(
            "clocks.several_departments_days",
            "several departments cannot have less time than one",
        )
    return rules


def _followup_rules(values: Mapping[str, Any]) -> FollowUpRules:
    """FollowUpRules from JSON values by key (missing keys keep their defaults), checked."""
    typed = {
        d.key.split(".", 1)[1]: read(d.key, values[d.key])
        for d in FOLLOWUPS
        if d.key in values and d.key not in LISTS
    }
    rules = replace(_F, **typed)
    if rules.calls_from >= rules.calls_until:
        raise SettingError("followups.calls_until", "calls must end after they start")
    return rules


def value_of(row: Setting) -> Any:
    """A row's value (JSON); None when it is not JSON at all."""
    try:
        return json.loads(row.value_json)
    except ValueError:
        return None


def stored(session: Session) -> dict[str, Any]:
    """The values the server has set, as JSON by key."""
    return {s.key: value_of(s) for s in session.scalars(select(Setting))}


def clock_rules(session: Session) -> ClockRules:
    """The cases' clocks as this database knows them.  A stored value this program cannot
    read (a newer server's) leaves the rulebooks' defaults rather than stop the desk."""
    values = {k: v for k, v in stored(session).items() if k in DECLARED}
    try:
        return _rules(values)
    except SettingError:
        return _D


def followup_rules(session: Session) -> FollowUpRules:
    """The follow-up calls' rules as this database knows them (defaults for what it cannot
    read, as ``clock_rules``)."""
    try:
        return _followup_rules(stored(session))
    except SettingError:
        return _F


def appointment_rules(session: Session, window: CheckInWindow) -> AppointmentRules:
    """The bookings' no-show cut-off as this database knows it, with this desk's check-in
    window (a stored value this program cannot read leaves the default)."""
    key = "appointments.no_show_after_min"
    try:
        after = read(key, stored(session).get(key, default(key)))
    except SettingError:
        after = _A.no_show_after_min
    return AppointmentRules(window=window, no_show_after_min=after)


def excluded_departments(session: Session) -> tuple[str, ...]:
    """Codes of the departments whose outpatients get no next-day call."""
    try:
        return _codes(stored(session).get(EXCLUDE, []))
    except ValueError:
        return ()


def excluded_purposes(session: Session) -> tuple[str, ...]:
    """The kinds of visit (purposes) that get no next-day call."""
    try:
        return _purposes(stored(session).get(EXCLUDE_PURPOSES, []))
    except ValueError:
        return ()


def put(session: Session, key: str, raw: Any, who: str, now: dt.datetime) -> Setting:
    """Set ``key`` to ``raw`` (checked alone and with the settings it goes with); returns the
    row to publish.  ``SettingError`` when refused; nothing is written then."""
    read(key, raw)
    values = {**stored(session), key: raw}
    _rules({k: v for k, v in values.items() if k in DECLARED})
    _followup_rules(values)
    text = json.dumps(raw, ensure_ascii=False)
    row = session.scalar(select(Setting).where(Setting.key == key))
    if row is None:
        row = Setting(id=new_id(), key=key, value_json=text, changed_at=now, changed_by=who[:80])
        session.add(row)
    else:
        row.value_json = text
        row.changed_at = now
        row.changed_by = who[:80]
        row.version += 1
    session.flush()
    return row


def listing(session: Session) -> list[tuple[str, Any, bool, str]]:
    """Every declared key: (key, value as JSON, whether it is the default, help)."""
    have = stored(session)
    return [
        (d.key, have.get(d.key, default(d.key)), d.key not in have, d.help)
        for d in DECLARED.values()
    ]
