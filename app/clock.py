"""The hospital's clock: aware UTC instants, and 'today' in the hospital's own time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

UTC = dt.UTC


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


@dataclass
class Clock:
    """Gives services the current time; tests pass a fixed or stepping clock instead."""

    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))

    def now(self) -> dt.datetime:
        return utcnow()

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()

    def local(self, instant: dt.datetime) -> dt.datetime:
        return instant.astimezone(self.tz)

    def day_bounds(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The UTC instants at which the local ``day`` starts and the next one starts."""
        start = dt.datetime.combine(day, dt.time(0), tzinfo=self.tz)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=self.tz)
        return start.astimezone(UTC), end.astimezone(UTC)


@dataclass
class FixedClock(Clock):
    """A clock that stands still until moved: ``advance(minutes=5)``."""

    at: dt.datetime = field(default_factory=utcnow)

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> dt.datetime:
        self.at = self.at + dt.timedelta(**delta)
        return self.at
