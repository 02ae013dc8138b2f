"""The server makes the follow-up calls: it alone sees every desk's visits and cases, so it runs
the rules (app/services/followups.py) — at start and every ``followup_every_min`` minutes, for
the last ten days' departed visits and every handled complaint — and publishes the tasks
made to every staff desk.  The rules never double a task, so a run that meets another (a second
server process) makes nothing twice: the change log's lock puts them in turn."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import FollowUpTask
from app.services import followups, shared_settings
from server.sync import changelog

log = logging.getLogger(__name__)


def make_tasks(session: Session, clock: Clock) -> tuple[followups.Generated, int | None]:
    """Run the rules and publish what they made; returns it and the change log's top."""
    writer = changelog.Writer.on(session, clock.today())
    writer.lock()
    done = followups.run_rules(
        session,
        clock.today(),
        clock.tz,
        shared_settings.followup_rules(session),
        clock.now(),
        exclude_departments=shared_settings.excluded_departments(session),
        exclude_purposes=shared_settings.excluded_purposes(session),
    )
    session.flush()
    for task in session.scalars(select(FollowUpTask).where(FollowUpTask.id.in_(done.ids))):
        writer.row(task)
    if done.ids:
        log.info("follow-up calls: %d made", done.made)
    return done, writer.announce()
