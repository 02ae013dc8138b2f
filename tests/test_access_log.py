"""The access log (issue 25, item 1) on a real staff desk against the real server: each access
— a search that finds patients, a patient registered, details completed, a timeline opened, a
case opened — is exactly one row with who, which desk, when and what, written offline and sent
when the network is back; the server links the rows into a hash chain, and a row removed,
changed or slipped in around the server shows."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.case_desk import CaseForm
from app.models import AccessRecord
from app.services.registration import PatientForm, VisitForm
from app.staff_backend import StaffBackend
from server import access_chain

from .harness import DEMO_PASSWORD, DeskMaker, ServerProcess


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def _rows(backend: StaffBackend) -> list[AccessRecord]:
    """What the desk has written, once the rows waiting a moment are written."""
    backend.access.flush()
    with backend.db.reading() as s:
        return list(s.scalars(select(AccessRecord).order_by(AccessRecord.at, AccessRecord.id)))


def test_every_access_is_one_row_offline_too_and_the_server_chains_them(
    server: ServerProcess, tmp_path: Path
) -> None:
    maker = DeskMaker(server, tmp_path)
    try:
        desk = maker("staff", "desk-a")
        backend = desk.backend()
        wang = backend.sign_in("guide.wang", DEMO_PASSWORD)
        server.kill()  # everything below happens offline
        assert backend.find_patients(wang, phone="13912345678") == []  # found nobody: no row
        assert _rows(backend) == []
        backend.access.delay = 0.2  # a desk writes them a moment later on its own

        result, _ = backend.register(
            wang, PatientForm("赵小明", "M", 67, "13912345678"), VisitForm()
        )
        with desk.db.reading() as s:  # a change to the record is logged with the change itself
            [edit] = s.scalars(select(AccessRecord)).all()
        assert (edit.action, edit.what, edit.patient_id, edit.visit_id) == (
            "edit",
            "registration",
            result.patient_id,
            result.visit_id,
        )
        assert (edit.staff_id, edit.device_id) == (wang.staff_id, desk.identity.device_id)
        assert edit.day == desk.clock.today() and edit.at <= desk.clock.now()

        found = backend.find_patients(wang, phone="1391234")
        assert [m.patient_id for m in found] == [result.patient_id]
        assert backend.access.waiting() == 1  # the search answered before its row is written
        deadline = time.monotonic() + 10
        while backend.access.waiting() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert backend.access.waiting() == 0
        search = _rows(backend)[-1]
        assert (search.action, search.what, search.patient_id) == (
            "search",
            "phone",
            result.patient_id,
        )
        assert search.data == {"found": 1, "patients": [result.patient_id]}
        assert "1391234" not in str(search.data)  # what was typed is never kept

        backend.timeline(wang, result.visit_id)
        view = _rows(backend)[-1]
        assert (view.action, view.what, view.visit_id, view.patient_id) == (
            "view",
            "timeline",
            result.visit_id,
            result.patient_id,
        )

        walk_in = desk.walk_in()  # a walk-in who gave no details, completed at the desk
        backend.complete_details(
            wang, walk_in, PatientForm("孙悦", "F", 30, "13600002222", "", "phone")
        )
        details = _rows(backend)[-1]
        assert (details.action, details.what, details.visit_id) == ("edit", "details", walk_in)
        assert details.patient_id is not None

        case = backend.open_case(
            wang,
            CaseForm("enquiry", "on_site", "问挂号", patient_id=result.patient_id, visit_id=None),
        )
        before = len(_rows(backend))
        backend.case_detail(wang, case.case_id)
        rows = _rows(backend)
        assert len(rows) == before + 1
        assert (rows[-1].action, rows[-1].what, rows[-1].ref_id, rows[-1].patient_id) == (
            "view",
            "case",
            case.case_id,
            result.patient_id,
        )
        expected = [(r.id, r.action, r.what) for r in rows]
        assert len(expected) == 5

        server.start()  # the network is back
        desk.sync()
        db = server.database()
        try:
            with db.reading() as s:
                held = list(s.scalars(select(AccessRecord).order_by(AccessRecord.at)))
                assert sorted((r.id, r.action, r.what) for r in held) == sorted(expected)
                check = access_chain.verify(s)
                assert check.intact and check.links == 5, check.problems
        finally:
            db.close()
        desk.sync()  # sent again: nothing is logged or linked twice
        db = server.database()
        try:
            with db.reading() as s:
                assert access_chain.verify(s).links == 5
        finally:
            db.close()
        # the desk pulls no one's reading history
        with desk.db.reading() as s:
            assert {r.device_id for r in s.scalars(select(AccessRecord))} == {
                desk.identity.device_id
            }
        backend.close()
    finally:
        maker.close()


def test_a_row_removed_changed_or_slipped_in_on_the_server_shows(
    server: ServerProcess, tmp_path: Path
) -> None:
    maker = DeskMaker(server, tmp_path)
    try:
        desk = maker("staff", "desk-a")
        backend = desk.backend()
        wang = backend.sign_in("guide.wang", DEMO_PASSWORD)
        result, _ = backend.register(
            wang, PatientForm("赵小明", "M", 67, "13912345678"), VisitForm()
        )
        for _ in range(4):
            backend.timeline(wang, result.visit_id)
        backend.close()
        desk.sync()
    finally:
        maker.close()
    db = server.database()
    with db.reading() as s:
        check = access_chain.verify(s)
        assert check.intact and check.links == 5
        ids = [r.id for r in s.scalars(select(AccessRecord).order_by(AccessRecord.at))]
    db.close()
    # someone with the database file: the trigger dropped, one row edited, one deleted, one
    # written by hand
    path = server.database_url.split("///", 1)[1]
    con = sqlite3.connect(path)
    with con:
        con.execute("DROP TRIGGER access_log_no_update")
        con.execute("UPDATE access_log SET staff_id = device_id WHERE id = ?", (ids[1],))
        con.execute("DELETE FROM access_log WHERE id = ?", (ids[3],))
        con.execute(
            "INSERT INTO access_log SELECT '01900000-0000-7000-8000-000000000000', day, at, "
            "staff_id, device_id, action, what, patient_id, visit_id, ref_id, purpose, data "
            "FROM access_log WHERE id = ?",
            (ids[0],),
        )
    con.close()
    db = server.database()
    with db.reading() as s:
        check = access_chain.verify(s)
    db.close()
    assert not check.intact
    assert any("link 2:" in p and "changed" in p for p in check.problems), check.problems
    assert any("link 4:" in p and "removed" in p for p in check.problems), check.problems
    assert any("no link" in p for p in check.problems), check.problems
    assert len(check.problems) == 3
