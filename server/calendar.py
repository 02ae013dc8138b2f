"""The working calendar on the server: seeded from ``chinese-calendar`` at start-up for the years
it knows, importable from a file for a year it does not know yet, and published to every desk
through the change log like any reference data (app/services/workdays.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import CalendarDay, CalendarYear
from app.services import workdays
from app.services.workdays import KINDS, CalendarRow
from server.sync import changelog


@dataclass(frozen=True)
class Imported:
    years: tuple[int, ...]
    days: int


class CalendarError(ValueError):
    """A calendar file that cannot be imported; the message lists every problem."""


def announced(session: Session) -> set[int]:
    return set(session.scalars(select(CalendarYear.year)))


def _publish(session: Session, clock: Clock, added: list[CalendarDay | CalendarYear]) -> None:
    writer = changelog.Writer.on(session, clock.today())
    for obj in added:
        writer.row(obj)
    writer.announce()


def seed(session: Session, clock: Clock) -> tuple[int, ...]:
    """The years ``chinese-calendar`` knows that the server does not hold yet, published;
    returns those added.  Run at every start: an upgraded library brings its new year.  Server
    processes starting together take turns (the change log's lock, held to commit): the first
    seeds, the others find the years there."""
    changelog.Writer.on(session, clock.today()).lock()
    added = workdays.seed_from_library(session, clock.today())
    _publish(session, clock, added)
    return tuple(obj.year for obj in added if isinstance(obj, CalendarYear))


def parse(text: str) -> list[CalendarRow]:
    """Rows of ``day,kind,name_zh,name_en`` (a header line of those names first); every bad
    line is named with its reason, and nothing is taken from a file with one."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:2]] != ["day", "kind"]:
        raise CalendarError("line 1: the header must start with day,kind (then name_zh,name_en)")
    rows, problems, seen = [], [], set()
    for number, fields in enumerate(reader, start=2):
        if not any(f.strip() for f in fields):
            continue
        fields = [f.strip() for f in fields] + ["", ""]
        try:
            day = dt.date.fromisoformat(fields[0])
        except ValueError:
            problems.append(f"line {number}: {fields[0]!r} is not a day (YYYY-MM-DD)")
            continue
        if fields[1] not in KINDS:
            problems.append(f"line {number}: kind {fields[1]!r} is not one of {', '.join(KINDS)}")
            continue
        if day in seen:
            problems.append(f"line {number}: {day} is listed twice")
            continue
        if fields[1] == "workday" and day.weekday() < 5:
            problems.append(f"line {number}: {day} is a weekday; only a weekend day is made up")
            continue
        if len(fields[2]) > 40 or len(fields[3]) > 80:
            problems.append(f"line {number}: the name is too long (40 / 80 characters)")
            continue
        seen.add(day)
        rows.append(CalendarRow(day, fields[1], fields[2], fields[3]))
    if problems:
        raise CalendarError("\n".join(problems))
    if not rows:
        raise CalendarError("the file lists no day")
    return rows


def import_rows(
    session: Session, clock: Clock, rows: list[CalendarRow], source: str, *, dry_run: bool
) -> Imported:
    """A year's notice, typed in from the State Council's announcement: its holidays and
    make-up days.  A year already announced is refused (its deadlines stand on it)."""
    years = sorted({r.day.year for r in rows})
    taken = sorted(set(years) & announced(session))
    if taken:
        raise CalendarError(
            f"already announced: {', '.join(map(str, taken))}; a year is imported once"
        )
    if not dry_run:
        _publish(
            session, clock, workdays.store(session, rows, dict.fromkeys(years, f"import: {source}"))
        )
    return Imported(tuple(years), len(rows))
