"""A kiosk walk-in who declined the privacy notice, completed at a guide desk once they agree in
person, through the real server on 127.0.0.1: every desk learns the details and the consent."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Patient, Visit, VisitEvent
from app.services import registration
from app.services.registration import PatientForm

from .harness import DeskMaker


@pytest.fixture
def desks(sqlite_server, tmp_path):
    maker = DeskMaker(sqlite_server, tmp_path)
    yield maker
    maker.close()


def test_details_completed_at_one_desk_reach_the_others(desks) -> None:
    kiosk, lobby, other = desks("kiosk", "大厅"), desks("staff", "一楼"), desks("staff", "二楼")
    visit_id = kiosk.walk_in()  # anonymous: the privacy notice declined
    kiosk.sync()
    lobby.sync()
    with lobby.db.session() as s:
        registration.complete_details(
            s,
            visit_id,
            PatientForm("孙悦", "F", 40, "13600002222", "朝阳区", "walk_in"),
            lobby.staff("guide.li"),
            lobby.clock,
        )
    lobby.sync()
    assert lobby.engine.status.conflicts == () and lobby.engine.pending_count() == 0
    other.sync()
    with other.db.reading() as s:
        visit = s.get(Visit, visit_id)
        patient = s.get(Patient, visit.patient_id)
        assert (patient.name, patient.phone, visit.verified) == ("孙悦", "13600002222", True)
        consent = s.scalars(
            select(VisitEvent.data).where(
                VisitEvent.visit_id == visit_id, VisitEvent.kind == "verified"
            )
        ).one()
    assert consent["consent"] == "in_person"


def test_the_first_sync_says_how_far_along_it_is(desks, monkeypatch) -> None:
    """A new desk's first pull runs over many pages: the status says how far along it is, in
    the screen's language, until it has everything."""
    import datetime as dt

    from app.sync import pull

    monkeypatch.setattr(pull, "PAGE", 25)  # the demo hospital's reference data: many pages
    from app.sync.pull import sync_state

    desk = desks("staff", "三楼")
    with desk.db.session(record=False) as s:  # as a desk new to the server starts
        sync_state(s).cursor = 0
    seen = []
    more = True
    while more:
        _, more = desk.engine.pull_once()
        seen.append(desk.engine.status.catching_up)
    assert len(seen) > 3 and seen[-1] is None  # done: no figure left on screen
    figures = [p for p in seen[:-1] if p is not None]
    assert figures == sorted(figures) and 0 <= figures[0] < figures[-1] <= 99
    from dataclasses import replace

    halfway = replace(desk.engine.status, catching_up=42)
    now = dt.datetime.now(dt.UTC)
    assert halfway.describe(now, dt.UTC, "zh_CN") == "正在同步本机数据：42%"
    assert halfway.describe(now, dt.UTC, "en") == "Bringing this desk up to date: 42%"
