"""Ticket numbers: per department per day, from ranges leased to each desk."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import TicketsExhausted
from app.services import tickets


def test_numbers_count_per_department_and_restart_each_day(hospital, clock) -> None:
    im, ped = hospital.departments["IM"], hospital.departments["PED"]
    day = clock.today()
    with hospital.db.session() as s:
        got = [tickets.next_ticket(s, "desk-1", im, day) for _ in range(3)]
        got.append(tickets.next_ticket(s, "desk-1", ped, day))
        got.append(tickets.next_ticket(s, "desk-1", im, day + dt.timedelta(days=1)))
    assert got == [1, 2, 3, 1, 1]
    assert tickets.format_ticket(im.ticket_prefix, 7) == "A007"


def test_two_standalone_desks_never_share_a_number(hospital, clock) -> None:
    im = hospital.departments["IM"]
    day = clock.today()
    with hospital.db.session() as s:
        numbers = [
            tickets.next_ticket(s, device, im, day)
            for _ in range(150)
            for device in ("kiosk-1", "kiosk-2", "desk-1")
        ]
    assert len(numbers) == len(set(numbers)) == 450


def test_a_synced_desk_uses_only_granted_ranges(hospital, clock) -> None:
    im = hospital.departments["IM"]
    day = clock.today()
    with hospital.db.session() as s:
        tickets.grant_range(s, "kiosk-1", im.id, day, 201, 202)
        tickets.grant_range(s, "kiosk-1", im.id, day, 501, 501)
        assert tickets.remaining(s, "kiosk-1", im.id, day) == 3
        got = [tickets.next_ticket(s, "kiosk-1", im, day, standalone=False) for _ in range(3)]
        assert got == [201, 202, 501]
        assert tickets.remaining(s, "kiosk-1", im.id, day) == 0
        with pytest.raises(TicketsExhausted) as info:
            tickets.next_ticket(s, "kiosk-1", im, day, standalone=False)
    assert "Internal Medicine" in info.value.message("en")
    assert "内科" in info.value.message("zh_CN")


def test_bad_ranges_are_refused(hospital, clock) -> None:
    with pytest.raises(ValueError, match="bad ticket range"), hospital.db.session() as s:
        tickets.grant_range(s, "k", hospital.departments["IM"].id, clock.today(), 5, 4)
