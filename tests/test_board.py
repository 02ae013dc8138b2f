"""The board's rows: open visits with names, escorts, time in stage and flags."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Appointment
from app.services import board, checkin, escort, visits
from app.services.stages import DEPARTED, Level

from .helpers import arrival


def test_open_visits_carry_what_the_board_shows(hospital, clock, machine) -> None:
    a = arrival(hospital, clock, needs_escort=True).visit_id
    b = arrival(hospital, clock, dept="PED").visit_id
    with hospital.db.session() as s:
        appt = s.scalars(select(Appointment.id).limit(1)).one()
        c = checkin.check_in(s, appt, hospital.kiosk, clock, channel="kiosk", enforce_window=False)
        escort.claim(s, a, hospital.guide_actor(1), clock)
        visits.move(s, b, DEPARTED, hospital.desk, clock, machine)
    clock.advance(minutes=15)
    with hospital.db.session() as s:
        rows = {r.visit_id: r for r in board.open_visits(s, clock.today())}
        every = board.open_visits(s, clock.today(), include_departed=True)
    assert set(rows) == {a, c.visit_id}
    assert len(every) == 3
    ra, rc = rows[a], rows[c.visit_id]
    assert ra.escort_name == hospital.guides[1].display_name
    assert ra.needs_escort and ra.verified and ra.ticket == "A001"
    assert ra.department == ("内科", "Internal Medicine")
    assert ra.masked_name[0] == "测" and "*" in ra.masked_name
    assert ra.minutes_in_stage(clock.now()) == 15
    assert ra.level(machine, clock.now()) is Level.RED  # arrived: red after 10 minutes
    assert rc.name  # the appointment's patient, though no patient row exists
    assert rc.stage == "registered" and not rc.verified and rc.arrival_channel == "kiosk"
    assert rc.level(machine, clock.now()) is Level.AMBER  # registered: amber from 10, red from 20
