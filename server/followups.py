"""The server makes the follow-up calls: it alone sees every desk's visits and cases, so it runs
the rules (app/services/followups.py) — at start and every ``followup_every_min`` minutes, for
yesterday's and today's departed visits and every handled complaint — and publishes the tasks
made to every staff desk.  The rules never double a task, so a run that meets another (a second
server process) makes nothing twice: the change log's lock puts them in turn."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import FollowUpTask
from app.services import followups, workdays
from app.services.followup_rules import FollowUpRules
from server.sync import changelog

log = logging.getLogger(__name__)


def make_tasks(session: Session, clock: Clock) -> tuple[followups.Generated, int | None]:
    """Run the rules and publish what they made; returns it and the change log's top."""
    writer = changelog.Writer.on(session, clock.today())
    writer.lock()
    rules = FollowUpRules()
    calendar = workdays.load(session)
    now = clock.now()
    runs = [
        followups.next_day_tasks(session, day, calendar, clock.tz, rules, now)
        for day in (clock.today() - dt.timedelta(days=1), clock.today())
    ]
    runs.append(followups.after_case_tasks(session, rules, now))
    session.flush()
    ids = tuple(i for run in runs for i in run.ids)
    for task in session.scalars(select(FollowUpTask).where(FollowUpTask.id.in_(ids))):
        writer.row(task)
    skipped: Counter[str] = Counter()
    for run in runs:
        skipped.update(run.skipped)
    skipped.pop("already", None)  # made by an earlier run: not news
    done = followups.Generated(len(ids), dict(skipped), ids)
    if ids:
        log.info("follow-up calls: %d made", len(ids))
    return done, writer.announce()
