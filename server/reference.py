"""Loading reference data on the server and publishing it to the change log, so that every
desk receives it by its ordinary pull."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import demo
from app.clock import Clock
from app.models import Appointment, Department, Doctor, RosterSlot, Staff, SurveyDefinition
from server import changelog
from server import db as serverdb

ORDER = (Department, Doctor, RosterSlot, Staff, SurveyDefinition, Appointment)


def publish_all(session: Session, clock: Clock) -> int:
    """Write every reference row to the change log (parents first); returns rows written."""
    writer = changelog.Writer(
        session,
        device_id=None,
        mutation_id=None,
        today=clock.today(),
        kiosk_secret=serverdb.meta(session, "kiosk_secret"),
    )
    n = 0
    for model in ORDER:
        for row in session.scalars(select(model)):
            writer.row(row)
            n += 1
    writer.announce()
    return n


def load_demo(session: Session, clock: Clock, *, seed: int | None = None) -> int:
    """The demo hospital on the server, published; a no-op when reference data exists."""
    if demo.has_reference_data(session):
        return 0
    demo.load(session, clock, seed=seed)
    session.flush()
    return publish_all(session, clock)
