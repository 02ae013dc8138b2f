"""Loading reference data on the server and publishing it to the change log, so that every
desk receives it by its ordinary pull."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import demo
from app.clock import Clock
from app.models import (
    Appointment,
    CalendarDay,
    CalendarYear,
    Department,
    Doctor,
    RosterSlot,
    Setting,
    Staff,
    SurveyDefinition,
)
from app.services import shared_settings, survey
from server import staff_keys
from server.sync import changelog

ORDER = (
    Department,
    Doctor,
    RosterSlot,
    Staff,
    SurveyDefinition,
    Appointment,
    CalendarDay,
    CalendarYear,
    Setting,
)


def _writer(session: Session, clock: Clock) -> changelog.Writer:
    return changelog.Writer.on(session, clock.today())


def publish_all(session: Session, clock: Clock) -> int:
    """Write every reference row to the change log (parents first); returns rows written."""
    writer = _writer(session, clock)
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
    password = demo.read_hospital()["demo_password"]
    for staff_id in session.scalars(select(Staff.id)):
        staff_keys.remember(session, staff_id, password)
    return publish_all(session, clock)


def publish_survey(session: Session, clock: Clock, data: dict[str, Any]) -> SurveyDefinition:
    """A new revision of a survey (checked whole: ``survey.SurveyError`` says what is wrong)
    becomes the one every kiosk asks from its next pull; the revisions it replaces go out as
    inactive, and their answers still read in their own words."""
    replaced = list(
        session.scalars(
            select(SurveyDefinition).where(
                SurveyDefinition.code == data.get("code"), SurveyDefinition.active
            )
        )
    )
    row = survey.publish(session, data)
    writer = _writer(session, clock)
    for older in replaced:
        writer.row(older)
    writer.row(row)
    writer.announce()
    return row


def put_setting(
    session: Session, clock: Clock, key: str, raw: Any, who: str
) -> tuple[Setting, int | None]:
    """Change a shared setting (checked: ``shared_settings.SettingError`` says why not) and
    publish it; every desk counts with it from its next pull.  Returns the row and the change
    log's top to announce after commit."""
    row = shared_settings.put(session, key, raw, who, clock.now())
    writer = _writer(session, clock)
    writer.row(row)
    return row, writer.announce()
