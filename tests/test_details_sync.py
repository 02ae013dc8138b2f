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
