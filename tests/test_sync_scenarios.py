"""The remaining fault scenarios of docs/sync.md §9, each by number."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from app.models import Department, EventKind, OutboxEntry, Patient, SyncState, Visit, VisitEvent
from app.services import board, checkin, escort, registration, triage, visits
from app.services.registration import PatientForm, VisitForm
from app.services.stages import StageMachine
from app.sync import apply as sync_apply
from server.models import AppliedMutation, ChangeLog, EscortAssignment, WaitingMutation

from .harness import Desk, DeskMaker
from .test_sync import _assert_converged, _dept, _dept_row, _server_appointment, back_up, restore


@pytest.fixture
def server(sqlite_server):
    return sqlite_server


@pytest.fixture
def desk(sqlite_server, tmp_path):
    maker = DeskMaker(sqlite_server, tmp_path)
    yield maker
    maker.close()


@pytest.fixture
def either(any_server, tmp_path):
    """Desks on the server on SQLite, then on PostgreSQL."""
    maker = DeskMaker(any_server, tmp_path)
    yield maker
    maker.close()


def _arrival(d: Desk, name: str = "李雷") -> str:
    with d.db.session() as s:
        return registration.register_arrival(
            s, PatientForm(name, "M", 30, "13700001111"), VisitForm(), d.staff("guide.li"), d.clock
        ).visit_id


def test_05_two_kiosks_check_in_one_appointment_both_kept_board_shows_one(server, desk) -> None:
    k1, k2, a = desk("kiosk", "k1"), desk("kiosk", "k2"), desk("staff", "a")
    appt_id, code, _ = _server_appointment(server)
    server.kill()
    made = []
    for k in (k1, k2):
        with k.db.session() as s:
            view = checkin.find_by_code(s, code, k.clock, key=k.kiosk_key())
            made.append(
                checkin.check_in(
                    s,
                    view.appointment_id,
                    k.actor,
                    k.clock,
                    channel="kiosk",
                    enforce_window=False,
                    standalone=False,
                )
            )
    server.start()
    for d in (k1, k2, a):
        d.sync()
    a.sync()
    with a.db.reading() as s:
        both = s.scalars(select(Visit).where(Visit.appointment_id == appt_id)).all()
        assert len(both) == 2  # both kept, with their events
        assert (
            s.scalar(
                select(func.count())
                .select_from(VisitEvent)
                .where(VisitEvent.visit_id.in_([v.id for v in both]))
            )
            == 4
        )
        rows = [
            r for r in board.open_visits(s, a.clock.today()) if r.visit_id in {v.id for v in both}
        ]
        assert len(rows) == 1  # the board shows one check-in
        view = checkin.find_by_code(s, code, a.clock)
        assert view.checked_in_ticket == rows[0].ticket


def test_06_a_desk_dying_while_applying_a_page_keeps_its_cursor(server, desk, monkeypatch) -> None:
    a, b = desk("staff", "a"), desk("staff", "b")
    ids = [_arrival(b, n) for n in ("张甲", "张乙", "张丙")]
    b.sync()
    with a.db.reading() as s:
        before = s.get(SyncState, 1).cursor
    real = sync_apply.apply_changes

    def dies_half_way(session, changes, tz):
        changes = list(changes)
        real(session, changes[: len(changes) // 2], tz)
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr("app.sync.apply.apply_changes", dies_half_way)
    with pytest.raises(KeyboardInterrupt):
        a.engine.pull_once()
    with a.db.reading() as s:
        assert s.get(SyncState, 1).cursor == before  # page and cursor: one transaction
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
    monkeypatch.undo()
    a.sync()
    a.sync()  # and a replay of the same page changes nothing
    with a.db.reading() as s:
        assert set(s.scalars(select(Visit.id))) == set(ids)
        assert s.scalar(select(func.count()).select_from(VisitEvent)) == 3


def test_09_a_change_made_while_a_push_is_in_flight_stays_pending(
    server, desk, monkeypatch
) -> None:
    a = desk("staff", "a")
    _arrival(a, "张甲")
    real_push = a.engine.client.push

    def push_while_a_guide_types(batch, batch_id="", released_through=0):
        _arrival(a, "张乙")  # committed while the request is on the wire
        return real_push(batch, batch_id, released_through)

    monkeypatch.setattr(a.engine.client, "push", push_while_a_guide_types)
    assert a.engine.push_once() == 1
    monkeypatch.undo()
    with a.db.reading() as s:
        states = [e.state for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.device_seq))]
    assert states == ["applied", "pending"]
    a.sync()
    with a.db.reading() as s:
        assert set(s.scalars(select(OutboxEntry.state))) == {"applied"}


def test_22_an_old_change_replayed_never_turns_a_row_back(server, desk) -> None:
    a = desk("staff", "a")
    with a.db.reading() as s:
        dept = s.get(Department, _dept(s, "IM"))
        old = {
            "entity_type": "departments",
            "entity_id": dept.id,
            "data": {"id": dept.id, "room": "OLD", "version": dept.version},
        }
    newer = {
        "entity_type": "departments",
        "entity_id": old["entity_id"],
        "data": {"id": old["entity_id"], "room": "250", "version": 5},
    }
    with a.db.session(record=False) as s:
        sync_apply.apply_changes(s, [newer], dt.UTC)
        sync_apply.apply_changes(s, [old], dt.UTC)  # a stale page arriving late
    with a.db.reading() as s:
        d = s.get(Department, old["entity_id"])
        assert (d.room, d.version) == ("250", 5)


def test_27_28_scope_changes_and_repeated_resets_keep_the_outbox(server, desk) -> None:
    a, b = desk("staff", "a"), desk("staff", "b")
    theirs = _arrival(b, "张甲")
    b.sync()
    server.kill()
    mine = _arrival(a, "李乙")  # pending while offline
    server.start()
    for _ in range(3):  # midnight passes (scopes change), several times in a row
        with a.db.session(record=False) as s:
            s.get(SyncState, 1).scope_set = "ref,staff,appts:2026-11-22,visits:2026-11-22"
        a.engine.pull_once()  # 410 resync_required: cursor reset, outbox untouched
        with a.db.reading() as s:
            assert s.get(SyncState, 1).cursor == 0
            assert s.scalars(select(OutboxEntry.state)).one() == "pending"
    a.sync()
    with a.db.reading() as s:
        assert {theirs, mine} <= set(s.scalars(select(Visit.id)))
        assert s.scalars(select(OutboxEntry.state)).one() == "applied"
    con = sqlite3.connect(Path(a.db.engine.url.database))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_33_a_busy_database_refuses_the_check_in_instead_of_pretending(server, desk) -> None:
    kiosk = desk("kiosk", "k")
    _, code, _ = _server_appointment(server)
    path = Path(kiosk.db.engine.url.database)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
    from app.db import Database, make_engine

    impatient = Database(make_engine(path, busy_timeout_ms=100), outbox=True)
    try:
        with pytest.raises(OperationalError, match="locked"), impatient.session() as s:
            view = checkin.find_by_code(s, code, kiosk.clock, key=kiosk.kiosk_key())
            checkin.check_in(
                s,
                view.appointment_id,
                kiosk.actor,
                kiosk.clock,
                channel="kiosk",
                enforce_window=False,
                standalone=False,
            )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        impatient.close()
    with kiosk.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_staff_sign_in_keeps_working_while_the_desk_is_offline(server, desk) -> None:
    from app.services import auth

    a = desk("staff", "a")
    server.kill()
    with a.db.session() as s:
        who = auth.sign_in(s, "guide.li", "demo-1234", a.clock)
    assert who.display_name == "李娜"


def test_10_own_rows_coming_back_never_undo_a_later_local_change(server, desk) -> None:
    a = desk("staff", "a")
    guide = a.staff("guide.li")
    reg = a.arrive("李雷", "13700001111")
    a.engine.push_once()  # the create is on the server; its echo is waiting in the log
    with a.db.session() as s:  # meanwhile the guide triages (a local change, not yet pushed)
        triage.triage(s, reg.visit_id, _dept(s, "DER"), guide, a.clock, standalone=False)
    a.engine.pull_once()  # the echo of the create arrives: an older version
    with a.db.reading() as s:
        v = s.get(Visit, reg.visit_id)
        assert v.department_id == _dept(s, "DER") and v.version == 2
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert (
            s.scalar(
                select(func.count())
                .select_from(VisitEvent)
                .where(VisitEvent.visit_id == reg.visit_id)
            )
            == 2
        )
    a.sync()
    a.sync()
    with a.db.reading() as s:
        v = s.get(Visit, reg.visit_id)
        assert v.department_id == _dept(s, "DER") and v.version == 2


def test_13_a_refused_change_is_undone_on_its_desk_and_reported(either) -> None:
    """A desk set up with a stage the hospital's server does not know moves a patient there
    and edits the visit in the same transaction; in the same push a good registration
    follows it.  The refusal is answered with the field and rule, kept in the outbox, shown
    in the sync status, and the desk's rows go back to the server's; the good change lands."""
    a, b = either("staff", "a"), either("staff", "b")
    reg = a.arrive("李雷", "13700001111")
    a.sync()
    with a.db.session() as s:  # one local transaction the server will refuse whole
        v = s.get(Visit, reg.visit_id)
        before = (v.stage, v.purpose_text, v.version)
        v.purpose_text = "复诊拿药"
        v.version += 1
        visits.record(
            s, v, EventKind.STAGE_CHANGED, a.staff("guide.li"), a.clock.now(), stage="rehab"
        )
    with a.db.reading() as s:
        assert s.get(Visit, reg.visit_id).stage == "rehab"
    good = a.arrive("韩梅", "13700002222")
    a.sync()
    with a.db.reading() as s:
        refused = s.scalars(select(OutboxEntry).where(OutboxEntry.state == "rejected")).one()
        assert refused.result["code"] == "invalid_data"
        assert refused.result["field"] == "visit_events.stage"
        assert refused.result["rule"] == "stage_unknown"
        assert refused.payload["ops"][0]["data"]["purpose_text"] == "复诊拿药"  # kept whole
        assert s.scalar(select(func.count()).where(OutboxEntry.state == "applied")) == 2
        v = s.get(Visit, reg.visit_id)
        assert (v.stage, v.purpose_text, v.version) == before
        assert s.get(Visit, good.visit_id) is not None
    assert [(c.kind, c.code) for c in a.engine.status.conflicts] == [("rejected", "invalid_data")]
    b.sync()
    with b.db.reading() as s:  # the other desk never saw the refused change
        assert s.get(Visit, reg.visit_id).purpose_text == before[1]
        assert s.get(Visit, good.visit_id) is not None
    a.sync()  # pulling again changes nothing
    with a.db.reading() as s:
        assert s.get(Visit, reg.visit_id).version == before[2]


def test_13_a_refused_kiosk_registration_leaves_nothing_behind(either) -> None:
    """A kiosk's whole registration refused (here: a kiosk claiming to have verified the
    patient): patient, visit and events go from the kiosk's file; nothing reaches a desk."""
    kiosk, a = either("kiosk", "k"), either("staff", "a")
    with kiosk.db.session() as s:
        dept_id = _dept(s, "IM")
        made = registration.register_walk_in(
            s,
            PatientForm("王芳", "F", 60, "13900003333"),
            VisitForm(purpose="consultation", department_id=dept_id),
            kiosk.actor,
            kiosk.clock,
            standalone=False,
        )
        v = s.get(Visit, made.visit_id)
        v.verified = True
    kiosk.walk_in()  # a good one after it
    kiosk.sync()
    with kiosk.db.reading() as s:
        assert s.get(Visit, made.visit_id) is None
        assert s.scalar(select(func.count()).select_from(Patient)) == 0
        assert s.scalar(select(func.count()).where(VisitEvent.visit_id == made.visit_id)) == 0
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalars(select(OutboxEntry.state).order_by(OutboxEntry.device_seq)).all() == [
            "rejected",
            "applied",
        ]
    a.sync()
    with a.db.reading() as s:
        assert s.get(Visit, made.visit_id) is None
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
    srv = either.server.database()
    with srv.reading() as s:  # what told the kiosk names rows, nothing more
        undo = s.scalars(select(ChangeLog).where(ChangeLog.op == "gone")).all()
        assert {u.entity_type for u in undo} == {"patients", "visits", "visit_events"}
        assert all(set(u.data) <= {"visit_id"} for u in undo)
        assert {u.scope for u in undo} == {f"device:{kiosk.identity.device_id}"}
    srv.close()


def _held(db, day) -> dict[str, set]:
    """What a database holds of one day's visit data and the reference data, by version."""
    with db.reading() as s:
        visits = s.scalars(select(Visit).where(Visit.day == day)).all()
        ids = [v.id for v in visits]
        return {
            "visits": {(v.id, v.version, v.department_id) for v in visits},
            "events": set(s.scalars(select(VisitEvent.id).where(VisitEvent.visit_id.in_(ids)))),
            "departments": {(d.id, d.version, d.room) for d in s.scalars(select(Department))},
        }


def test_30_a_pruned_change_log_still_brings_an_old_cursor_and_a_new_desk_to_the_same_state(
    either,
) -> None:
    """A desk away since before a month of changes, and a desk enrolled after the change log
    was pruned, both end up holding exactly what the server holds — from far fewer rows."""
    from app.clock import FixedClock, utcnow
    from server.sync.retention import prune

    away, a, office = either("staff", "away"), either("staff", "a"), either("staff", "office")
    today = a.clock.today()
    token = office.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    dept = _dept_row(a)
    for room in range(201, 211):  # a department moved about ten times
        r = office.engine.client.http.put(
            f"{either.server.url}/api/v1/admin/reference/departments/{dept}",
            json={"room": str(room)},
            headers={"X-Staff-Token": token},
            timeout=5,
        )
        assert r.ok, r.text
    guide = a.staff("guide.li")
    for i, name in enumerate("赵钱孙李周吴郑王"):  # registered, triaged and re-triaged
        visit_id = a.arrive(f"{name}某", f"1370000{i:04d}").visit_id
        for code in ("DER", "IM", "DER"):
            with a.db.session() as s:
                triage.triage(s, visit_id, _dept(s, code), guide, a.clock, standalone=False)
    real = a.clock
    a.clock = FixedClock(tz=real.tz, at=utcnow() - dt.timedelta(days=1))
    yesterday = a.arrive("昨日", "13700009999").visit_id  # a visit of an earlier day
    a.clock = real
    a.sync()
    srv = either.server.database()
    with srv.reading() as s:
        before = s.scalar(select(func.count()).select_from(ChangeLog))
        assert s.scalar(
            select(func.count()).where(ChangeLog.scope == f"visits:{today - dt.timedelta(1)}")
        )
    done = prune(srv, now=utcnow() + dt.timedelta(seconds=1), today=today, days=0)
    assert done.superseded >= 9 + 8 * 3 and done.old_days >= 2  # the visit and its event
    assert done.kept == before - done.superseded - done.old_days
    again = prune(srv, now=utcnow() + dt.timedelta(seconds=1), today=today, days=0)
    assert (again.superseded, again.old_days) == (0, 0)

    fresh = either("staff", "fresh")
    away.sync()
    truth = _held(srv, today)
    assert len(truth["visits"]) == 8
    for d in (away, fresh, a):
        assert _held(d.db, today) == truth, d.name
    with fresh.db.reading() as s:
        assert s.get(Visit, yesterday) is None
        assert s.get(Department, dept).room == "210"
    srv.close()


def test_a_desk_keeps_acknowledged_changes_for_the_retention_period_only(server, desk) -> None:
    from app.clock import FixedClock, utcnow

    a = desk("staff", "a")
    a.arrive("李雷", "13700001111")
    a.sync()
    server.kill()
    a.arrive("韩梅", "13700002222")  # waiting for the server
    assert a.engine.forget_old() == 0  # a restored server may still need it: kept
    a.engine.clock = FixedClock(tz=a.clock.tz, at=utcnow() + dt.timedelta(days=31))
    assert a.engine.forget_old() == 1
    with a.db.reading() as s:
        assert s.scalars(select(OutboxEntry.state)).all() == ["pending"]  # never a waiting one


def test_26_a_cache_on_the_way_never_stalls_a_desk_or_loops_its_resyncs(
    server, desk, monkeypatch
) -> None:
    import requests

    from server import db as serverdb

    from .cachingproxy import CachingProxy

    a, b = desk("staff", "a"), desk("staff", "b")
    with CachingProxy(server.url) as proxy:
        health = proxy.url + "/api/v1/health"
        assert requests.get(health, timeout=5).ok and requests.get(health, timeout=5).ok
        assert proxy.hits == 1  # it does keep answers: the same address comes from its store
        a.point_at(proxy.url)
        a.sync()
        for name in ("张甲", "李乙", "王丙"):
            visit = _arrival(b, name)
            b.sync()
            a.engine.pull_once()  # the cursor of a's last pull: an old page would say "nothing"
            with a.db.reading() as s:
                assert s.get(Visit, visit) is not None, name
        assert proxy.cache_control == {"no-store"}  # and caches that listen are told to keep none
        resets: list[str] = []
        cursor = a.engine.cursor
        resync = cursor.resync
        monkeypatch.setattr(
            cursor, "resync", lambda detail: (resets.append(detail["reason"]), resync(detail))
        )
        srv = server.database()  # the server restored from a backup: a new epoch
        with srv.session() as s:
            serverdb.new_epoch(s)
        srv.close()
        for _ in range(3):
            a.sync()
        assert resets == ["epoch_changed"]  # once, not over and over
        mine = _arrival(a, "赵丁")
        a.sync()
    b.sync()
    with b.db.reading() as s:
        assert s.get(Visit, mine) is not None


def test_29_a_restore_older_than_a_visit_loses_no_desk_s_work_on_it(server, desk, tmp_path) -> None:
    """The backup predates a kiosk's walk-in that a guide at another desk then claimed and
    walked on.  After the restore every desk sends its changes again, in whatever order they
    reach the server: the guide's may come before the visit they belong to.  They wait for
    it; none is refused and undone, and the server ends with the visit, the claim and the
    stage exactly as the desks recorded them."""
    kiosk, a = desk("kiosk", "k"), desk("staff", "a")
    a.sync()
    backup = tmp_path / "backup.db"
    back_up(server, backup)
    visit_id = kiosk.walk_in()
    kiosk.sync()
    a.sync()
    guide = a.staff("guide.li")
    with a.db.session() as s:
        escort.claim(s, visit_id, guide, a.clock)
    with a.db.session() as s:
        stage = visits.advance(s, visit_id, guide, a.clock, StageMachine()).stage
        visits.note(s, visit_id, "轮椅", guide, a.clock)
    a.sync()
    with a.db.reading() as s:
        recorded = set(s.scalars(select(VisitEvent.id).where(VisitEvent.visit_id == visit_id)))
        guides = set(
            s.scalars(
                select(VisitEvent.id).where(
                    VisitEvent.visit_id == visit_id, VisitEvent.device_id == a.identity.device_id
                )
            )
        )
    assert len(guides) >= 3 and len(recorded) > len(guides)  # claimed, stage, note; arrived
    restore(server, backup)
    for _ in range(2):  # the guide's desk is first: it learns of the restore, sends again
        a.sync()
    srv = server.database()
    with srv.reading() as s:
        assert s.get(Visit, visit_id) is None  # not on the server yet
        waiting = s.scalars(select(WaitingMutation)).all()
        assert {(w.row_table, w.row_id) for w in waiting} == {("visits", visit_id)}
        assert {w.device_id for w in waiting} == {a.identity.device_id}
    with a.db.reading() as s:
        assert set(s.scalars(select(OutboxEntry.state))) <= {"applied", "duplicate"}
        held = set(s.scalars(select(VisitEvent.id).where(VisitEvent.visit_id == visit_id)))
        assert recorded <= held  # nothing the guide recorded was undone while it waits
        assert s.get(Visit, visit_id).stage == stage
    for _ in range(2):  # then the kiosk: its walk-in arrives, and what waited for it goes on
        kiosk.sync()
    a.sync()
    with a.db.reading() as s:
        assert set(s.scalars(select(OutboxEntry.state))) <= {"applied", "duplicate"}
        held = set(s.scalars(select(VisitEvent.id).where(VisitEvent.visit_id == visit_id)))
        assert recorded <= held
        assert s.get(Visit, visit_id).stage == stage
        assert s.get(Visit, visit_id).escort_staff_id == guide.staff_id
    with srv.reading() as s:
        assert s.scalars(select(WaitingMutation)).all() == []
        on_server = set(s.scalars(select(VisitEvent.id).where(VisitEvent.visit_id == visit_id)))
        assert recorded <= on_server  # the stage is the desks' to derive from these
        assert s.get(EscortAssignment, visit_id).staff_id == guide.staff_id
        answers = s.scalars(
            select(AppliedMutation.result).where(AppliedMutation.device_id == a.identity.device_id)
        ).all()
        waited = [r for r in answers if r.get("waited")]
        assert waited and all(r["status"] == "applied" for r in waited)  # asked again: told so
        origins = set(
            s.scalars(
                select(ChangeLog.origin_device_id).where(
                    ChangeLog.entity_type == "visit_events",
                    ChangeLog.entity_id.in_(guides),
                )
            )
        )
        assert origins == {a.identity.device_id}  # the guide's changes carry the guide's desk
    srv.close()
    _assert_converged(server, [a])
