"""An enrolled kiosk opened as ``frontdesk kiosk`` opens it, against the real server on
127.0.0.1: it checks in with hashed look-ups only, its "call a guide" reaches a guide desk,
and the guide's answer comes back to the kiosk's screen; yesterday's personal data goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app import config
from app.clock import Clock, FixedClock
from app.kiosk_backend import KioskNotReady
from app.kiosk_runtime import open_kiosk
from app.models import Appointment, AssistanceRequest, Department, OutboxEntry, Patient, Visit
from app.services import assistance, board, registration
from app.services.masking import mask_name
from app.services.registration import PatientForm, RegistrationResult, VisitForm
from app.sync.desk import SyncedDesk
from server.process import frontdesk_command

from .harness import Desk, DeskMaker, ServerProcess

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def _kiosk(server: ServerProcess, tmp_path: Path, clock: Clock):
    data = tmp_path / "kiosk"
    SyncedDesk.enroll(data, server.url, server.code("kiosk", "lobby-1"), clock, timeout=5).close()
    cfg = config.load(
        tmp_path / "none.toml",
        [f"data_dir={data}", "checkin_early_min=1440", "checkin_late_min=1440"],
    )
    return open_kiosk(cfg, clock, start_sync=False)


def _arrival_in_medicine(desk: Desk) -> tuple[RegistrationResult, str]:
    """赵小明 registered at ``desk`` by its first guide, for internal medicine (the visit and
    the department's id)."""
    with desk.db.session() as s:
        dept = s.scalars(select(Department).where(Department.code == "IM")).one()
        arrived = registration.register_arrival(
            s,
            PatientForm("赵小明", "M", 70, "13912345678", "", "phone"),
            VisitForm(purpose="consultation", department_id=dept.id),
            desk.staff(desk.guides()[0].username),
            desk.clock,
        )
        return arrived, dept.id


def test_enrolled_kiosk_checks_in_and_hears_back_from_a_guide(server, tmp_path: Path) -> None:
    clock = Clock(tz=TZ)
    runtime = _kiosk(server, tmp_path, clock)
    maker = DeskMaker(server, tmp_path)
    try:
        engine, backend = runtime.desk.engine, runtime.backend
        engine.sync_until_idle()
        db = server.database()
        with db.reading() as s:
            appt = s.scalars(select(Appointment).where(Appointment.day == clock.today())).first()
            code, name = appt.checkin_code, appt.patient_name
        db.close()
        with pytest.raises(KioskNotReady):  # no key of the day yet: it says so, kindly
            backend.find_by_code(code)
        engine.refresh_kiosk_key()
        engine.ensure_leases()
        with runtime.db.reading() as s:  # the kiosk's file holds no readable code or name
            assert s.scalar(select(func.count()).where(Appointment.checkin_code == code)) == 0
            assert s.scalar(select(func.count()).where(Appointment.patient_name == name)) == 0
        ticket = backend.check_in_code(code.lower())
        assert ticket.masked_name == mask_name(name)
        request = backend.call_guide("zh_CN", ticket.visit_id)
        engine.sync_until_idle()

        desk = maker("staff", "desk-a")
        with desk.db.reading() as s:
            assert s.get(Visit, ticket.visit_id).ticket == ticket.ticket
            assert s.get(AssistanceRequest, request.request_id) is not None
        guide = desk.guides()[0]
        with desk.db.session() as s:
            assistance.acknowledge(s, request.request_id, desk.staff(guide.username), desk.clock)
        desk.sync()
        assert not backend.help_status(request.request_id).acknowledged
        engine.sync_until_idle()
        status = backend.help_status(request.request_id)
        assert status.acknowledged and status.guide_name == guide.display_name
    finally:
        maker.close()
        runtime.close()


def test_the_kiosk_keeps_only_what_its_queue_still_has_to_send(server, tmp_path: Path) -> None:
    clock = FixedClock(tz=TZ, at=dt.datetime.now(TZ).astimezone(dt.UTC))
    runtime = _kiosk(server, tmp_path, clock)
    try:
        engine, backend = runtime.desk.engine, runtime.backend
        engine.sync_until_idle()
        engine.refresh_kiosk_key()
        engine.ensure_leases()
        dept = backend.departments()[0].id
        form = PatientForm("王小明", "M", 67, "13955556666", "朝阳区")
        ticket = backend.register_walk_in(
            form, VisitForm(purpose="consultation", department_id=dept)
        )
        assert ticket.masked_name == "王*明"
        with runtime.db.reading() as s:  # the tables hold the masked name only, at once
            patient = s.scalars(select(Patient)).one()
            assert (patient.name, patient.phone, patient.age, patient.district) == (
                "王*明",
                None,
                None,
                "",
            )
            # the queue holds what it has to send: not yet sent, nothing is lost
            [entry] = s.scalars(select(OutboxEntry)).all()
            assert "13955556666" in str(entry.payload) and "王小明" in str(entry.payload)
        clock.at += dt.timedelta(days=1)
        backend.tend()  # the day changed, still offline: the queue keeps it
        with runtime.db.reading() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 1
        engine.sync_until_idle()
        assert backend.forget_sent() > 0
        with runtime.db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Appointment)) == 0
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        db = server.database()  # the server kept what the kiosk sent, whole
        with db.reading() as s:
            kept = s.scalars(select(Patient).where(Patient.name == "王小明")).one()
            assert (kept.phone, kept.age, kept.district) == ("13955556666", 67, "朝阳区")
        db.close()
    finally:
        runtime.close()


def test_survey_answers_given_offline_arrive_once_and_one_counts_per_visit(
    server, tmp_path: Path
) -> None:
    """Two kiosks, both offline, each take an answer for the same visit by its typed ticket
    number (neither kiosk knows the visit: a guide desk registered it).  Each answer reaches
    the server once however often it is sent; the server ties both to the visit and counts
    only the first; the complaint in the second still reaches the desks."""
    from app.models import SurveyResponse
    from app.services.survey_figures import figures

    clock = Clock(tz=TZ)
    maker = DeskMaker(server, tmp_path)
    kiosks = []
    try:
        desk = maker("staff", "desk-a")
        arrived, dept_id = _arrival_in_medicine(desk)
        desk.sync()
        for name in ("lobby-1", "lobby-2"):
            runtime = _kiosk(server, tmp_path / name, clock)
            kiosks.append(runtime)
            runtime.desk.engine.sync_until_idle()  # the survey definition arrives
        answers = {
            "medical_quality": 5,
            "service_attitude": 5,
            "fees": 4,
            "environment": 5,
            "service_philosophy": 5,
            "recommend": 10,
        }
        low = {**answers, "service_attitude": 1, "recommend": 0}
        for runtime, given in zip(kiosks, (answers, low), strict=True):  # offline: no sync
            start = runtime.backend.survey_for(ticket=arrived.ticket)
            assert start.visit_id is None and start.ticket == arrived.ticket
            runtime.backend.submit_survey(start, given, "zh_CN")
        for runtime in kiosks:
            runtime.desk.engine.sync_until_idle()
            runtime.desk.engine.sync_until_idle()  # sent again: nothing new arrives
        db = server.database()
        with db.reading() as s:
            rows = s.scalars(select(SurveyResponse).order_by(SurveyResponse.created_at)).all()
            assert len(rows) == 2
            first, second = rows
            assert first.visit_id == second.visit_id == arrived.visit_id
            assert first.department_id == dept_id and first.duplicate_of is None
            assert second.duplicate_of == first.id
            complaints = s.scalars(
                select(AssistanceRequest).where(AssistanceRequest.reason == "complaint")
            ).all()
            assert [c.survey_response_id for c in complaints] == [second.id]
            (overall,) = figures(s, clock, clock.today(), clock.today())
            assert overall.responses == 1 and overall.means["fees"] == 4
        db.close()
        desk.sync()  # the desks see both answers, and the complaint with what was said
        with desk.db.reading() as s:
            assert s.get(SurveyResponse, second.id).duplicate_of == first.id
            [req] = assistance.desk_requests(s)
            assert req.reason == "complaint" and req.ticket == arrived.ticket
    finally:
        for runtime in kiosks:
            runtime.close()
        maker.close()


def test_a_survey_revision_published_on_the_server_reaches_the_kiosk(
    server, tmp_path: Path
) -> None:
    """``frontdesk server-admin survey FILE`` as the director runs it: a broken file is refused
    with its reason and changes nothing; a good revision 2 becomes what the kiosk asks after its
    next pull, and an answer given to revision 1 still reads in revision 1's words."""
    import json
    import subprocess

    from app.models import SurveyDefinition, SurveyResponse
    from app.services import survey

    from .harness import ROOT

    clock = Clock(tz=TZ)
    runtime = _kiosk(server, tmp_path, clock)

    def admin(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                *frontdesk_command(),
                "--data-dir",
                str(tmp_path / "admin"),
                "server-admin",
                "--database-url",
                server.database_url,
                "survey",
                str(path),
            ],
            cwd=ROOT,
            env={**__import__("os").environ, "FRONTDESK_CONFIG": str(tmp_path / "none.toml")},
            capture_output=True,
            text=True,
            timeout=120,
        )

    try:
        engine, backend = runtime.desk.engine, runtime.backend
        engine.sync_until_idle()
        first = backend.survey_for()
        assert first.definition.revision == 1
        answers = {q.id: 4 for q in first.definition.questions if q.type == "rating5"}
        backend.submit_survey(first, {**answers, "recommend": 9}, "en")
        engine.sync_until_idle()

        source = json.loads((ROOT / "resources/surveys/satisfaction.json").read_text("utf-8"))
        broken = tmp_path / "broken.json"
        broken.write_text(json.dumps({**source, "revision": 2, "questions": []}), "utf-8")
        out = admin(broken)
        assert out.returncode == 1 and "a survey has questions" in out.stderr
        same = tmp_path / "same.json"
        same.write_text(json.dumps(source), "utf-8")
        out = admin(same)
        assert out.returncode == 1 and "already has revision 1" in out.stderr
        bad_json = tmp_path / "bad.json"
        bad_json.write_text("{", "utf-8")
        assert "not valid JSON" in admin(bad_json).stderr

        fees = next(q for q in source["questions"] if q["id"] == "fees")
        fees["text"]["en"] = "Were the fees explained before you paid?"
        new = {**source, "revision": 2, "questions": list(source["questions"])}
        new["questions"].remove(next(q for q in new["questions"] if q["id"] == "respondent"))
        good = tmp_path / "v2.json"
        good.write_text(json.dumps(new, ensure_ascii=False), "utf-8")
        out = admin(good)
        assert out.returncode == 0, out.stderr
        assert "satisfaction revision 2 published" in out.stdout

        assert backend.survey_for().definition.revision == 1  # not pulled yet
        engine.sync_until_idle()
        second = backend.survey_for().definition
        assert second.revision == 2
        assert "respondent" not in [q.id for q in second.questions]
        with runtime.desk.db.reading() as s:
            revisions = {row.revision: row.active for row in s.scalars(select(SurveyDefinition))}
            assert revisions == {1: False, 2: True}
            response = s.scalars(select(SurveyResponse)).one()
            read = {a.question: a.answer for a in survey.read(s, response, "en")}
            assert read["How satisfied are you with the fees?"] == "4"
            assert survey.current(s).revision == 2
    finally:
        runtime.close()


def test_a_typed_ticket_answer_meets_its_visit_when_the_visit_arrives_later(
    server, tmp_path: Path
) -> None:
    """The guide desk that registered the visit is offline; the patient answers at a kiosk by
    typing the ticket number, and the kiosk's answer reaches the server first.  When the desk
    comes back and its visit arrives, the server ties the waiting answer to it (department,
    guide) and the desks see that."""
    from app.models import SurveyResponse
    from app.services import escort

    clock = Clock(tz=TZ)
    maker = DeskMaker(server, tmp_path)
    runtime = None
    try:
        desk = maker("staff", "desk-a")
        arrived, dept_id = _arrival_in_medicine(desk)
        guide = desk.guides()[1]
        with desk.db.session() as s:  # a second mutation: this guide walks the patient
            escort.claim(s, arrived.visit_id, desk.staff(guide.username), desk.clock)
        runtime = _kiosk(server, tmp_path / "lobby", clock)
        runtime.desk.engine.sync_until_idle()
        start = runtime.backend.survey_for(ticket=arrived.ticket.replace("0", ""))  # "A1"
        answers = {q.id: 5 for q in start.definition.questions if q.type == "rating5"}
        runtime.backend.submit_survey(start, {**answers, "recommend": 10}, "zh_CN")
        runtime.desk.engine.sync_until_idle()
        db = server.database()
        with db.reading() as s:
            waiting = s.scalars(select(SurveyResponse)).one()
            assert waiting.visit_id is None and waiting.department_id is None
        desk.sync()  # the visit arrives now
        with db.reading() as s:
            met = s.get(SurveyResponse, waiting.id)
            assert met.visit_id == arrived.visit_id
            assert met.department_id == dept_id and met.duplicate_of is None
            assert met.guide_id == guide.id
        db.close()
        desk.sync()
        with desk.db.reading() as s:
            assert s.get(SurveyResponse, waiting.id).visit_id == arrived.visit_id
    finally:
        if runtime is not None:
            runtime.close()
        maker.close()


def test_a_patient_a_guide_registered_is_returning_when_they_walk_in_at_a_kiosk(
    server, tmp_path: Path
) -> None:
    """The kiosk holds none of the hospital's patients, so it cannot tell; the server can, and
    every guide's board shows the walk-in as returning.  The kiosk itself is never told."""
    runtime = _kiosk(server, tmp_path, Clock(tz=TZ))
    maker = DeskMaker(server, tmp_path)
    try:
        engine, backend = runtime.desk.engine, runtime.backend
        desk = maker("staff", "desk-a")
        _, dept = _arrival_in_medicine(desk)  # 赵小明 with his phone, at the desk
        desk.sync()
        engine.sync_until_idle()
        engine.refresh_kiosk_key()
        engine.ensure_leases()
        visit = VisitForm(purpose="consultation", department_id=dept)
        again = backend.register_walk_in(PatientForm("赵小明", "M", 70, "13912345678"), visit)
        first = backend.register_walk_in(PatientForm("钱新", "F", 30, "13800001111"), visit)
        engine.sync_until_idle()
        desk.sync()
        with desk.db.reading() as s:
            assert s.get(Visit, again.visit_id).is_returning
            assert s.get(Visit, again.visit_id).source_channel == "returning"
            assert not s.get(Visit, first.visit_id).is_returning
            rows = {r.visit_id: r for r in board.open_visits(s, desk.clock.today())}
            assert rows[again.visit_id].returning and not rows[first.visit_id].returning
        with runtime.db.reading() as s:  # the kiosk could not know, and is not told
            assert not s.get(Visit, again.visit_id).is_returning
    finally:
        maker.close()
        runtime.close()
