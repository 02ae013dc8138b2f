"""A booking checked in at one guide desk outside the kiosk's window, through the real server
on 127.0.0.1: the server accepts it with its reason, and the other desk's list of the day
shows it arrived, with the same count."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Appointment, VisitEvent
from app.services import appointments
from app.services.appointments import AppointmentRules, Arrival, outside_window

from .harness import DeskMaker


@pytest.fixture
def desks(sqlite_server, tmp_path):
    maker = DeskMaker(sqlite_server, tmp_path)
    yield maker
    maker.close()


def test_a_desk_check_in_with_its_reason_reaches_the_other_desks(desks) -> None:
    lobby, other = desks("staff", "一楼"), desks("staff", "二楼")
    lobby.sync()
    other.sync()
    rules = AppointmentRules()
    with lobby.db.reading() as s:
        before = appointments.day_list(s, lobby.clock, rules)
        now = lobby.clock.now()
        outside = [
            a
            for a in s.scalars(select(Appointment).where(Appointment.day == lobby.clock.today()))
            if outside_window(a.scheduled_at, now, rules.window)
        ]
    assert before.booked > 0 and outside, "the demo books around now, some outside the window"
    booking = outside[0]
    with lobby.db.session() as s:
        result = appointments.desk_check_in(
            s,
            booking.id,
            lobby.staff("guide.li"),
            lobby.clock,
            rules,
            reason="自助机查不到预约",
            standalone=False,
        )
    lobby.sync()
    assert lobby.engine.status.conflicts == () and lobby.engine.pending_count() == 0
    other.sync()
    with other.db.reading() as s:
        day = appointments.day_list(s, other.clock, rules)
        [line] = [ln for ln in day.lines if ln.appointment_id == booking.id]
        kept = [
            e.data
            for e in s.scalars(select(VisitEvent).where(VisitEvent.visit_id == result.visit_id))
            if "appointment_id" in e.data
        ]
    assert line.arrival == Arrival.ARRIVED and line.ticket == result.ticket
    assert line.arrival_channel == "desk"
    assert kept[0]["reason"] == "自助机查不到预约" and kept[0]["outside_window"] in (
        "early",
        "late",
    )
    assert day.counts[Arrival.ARRIVED] == before.counts[Arrival.ARRIVED] + 1
    assert day.booked == before.booked
