"""Five devices, 2,000 changes, a network that drops, delays and cuts, and a server killed
and restarted twice: afterwards every record is on the server exactly once, and every desk
holds exactly what the server holds."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import FrontDeskError
from app.models import OutboxEntry, Patient, Visit, VisitEvent
from app.services import escort, registration, visits
from app.services.registration import PatientForm, VisitForm
from app.services.stages import StageMachine
from app.sync.worker import Backoff, SyncWorker

from .faultproxy import FaultProxy, Faults
from .harness import Desk, ServerProcess
from .test_sync import _dept

DEVICES = (
    ("kiosk", "lobby-1"),
    ("kiosk", "lobby-2"),
    ("staff", "desk-a"),
    ("staff", "desk-b"),
    ("staff", "desk-c"),
)
CHANGES_PER_DEVICE = 400
MACHINE = StageMachine()


def _make_changes(desk: Desk, n: int, rng: random.Random, made: list[str], errors: list) -> None:
    """``n`` local transactions, as the people at this desk would make them."""
    guide = None if desk.identity.role == "kiosk" else desk.guides()[rng.randrange(6)]
    actor = desk.actor if guide is None else desk.staff(guide.username)
    mine: list[str] = []
    with desk.db.reading() as s:
        depts = [_dept(s, c) for c in ("IM", "SUR", "PED", "ENT", "DER", "ORT")]
    for i in range(n):
        try:
            with desk.db.session() as s:
                if guide is None or not mine or rng.random() < 0.3:
                    form = (
                        None
                        if rng.random() < 0.3
                        else PatientForm(
                            "测试" + "甲乙丙丁戊己庚辛"[i % 8],
                            "F",
                            30 + i % 50,
                            f"13{rng.randrange(3, 10)}{rng.randrange(10**8):08d}",
                        )
                    )
                    if guide is None:
                        r = registration.register_walk_in(
                            s,
                            form,
                            VisitForm(purpose="consultation", department_id=rng.choice(depts)),
                            actor,
                            desk.clock,
                            standalone=False,
                        )
                    else:
                        r = registration.register_arrival(
                            s,
                            form or PatientForm("无名", "U", None, "13900000000"),
                            VisitForm(department_id=rng.choice(depts)),
                            actor,
                            desk.clock,
                            standalone=False,
                        )
                    mine.append(r.visit_id)
                    made.append(r.visit_id)
                else:
                    v = rng.choice(mine)
                    state = visits.state_of(s, v)
                    if state.escort_staff_id is None and state.stage != "departed":
                        escort.claim(s, v, actor, desk.clock)
                    elif state.stage != "departed":
                        visits.advance(s, v, actor, desk.clock, MACHINE)
                    else:
                        visits.note(s, v, "随访已预约", actor, desk.clock)
        except FrontDeskError as exc:  # e.g. another guide holds the patient
            errors.append(exc.code)
        time.sleep(rng.uniform(0, 0.004))


@pytest.mark.slow
def test_no_change_is_lost_or_doubled_through_faults_and_server_restarts(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()
    faults = Faults()
    proxy = FaultProxy(server.port, faults).start()
    desks = [
        Desk.enroll(server, tmp_path / name, role, name, base_url=proxy.url)
        for role, name in DEVICES
    ]
    for d in desks:
        d.sync()
        if d.identity.role == "kiosk":
            d.engine.refresh_kiosk_key()
        d.engine.leases.block, d.engine.leases.low_water = 200, 150
        d.engine.ensure_leases()
    workers = []
    for d in desks:
        w = SyncWorker(
            d.engine,
            retry_interval=0.2,
            pull_wait=2,
            heartbeat_interval=0.5,
            backoff=Backoff(base=0.05, cap=0.5),
        )
        d.db.on_queued.append(w.poke)
        workers.append(w)
        w.start()
    faults.drop, faults.delay, faults.cut = 0.04, 0.1, 0.04
    made: dict[str, list[str]] = {d.name: [] for d in desks}
    errors: list[str] = []
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=_make_changes,
            args=(d, CHANGES_PER_DEVICE, random.Random(i), made[d.name], errors),
        )
        for i, d in enumerate(desks)
    ]
    for t in threads:
        t.start()
    kills = 0
    for pause in (1.5, 1.5):
        time.sleep(pause)
        server.kill()
        kills += 1
        time.sleep(0.5)
        server.start()
    for t in threads:
        t.join(300)
    made_s = time.perf_counter() - started
    faults.drop = faults.delay = faults.cut = 0.0  # the network heals
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(d.engine.pending_count() for d in desks):
        time.sleep(0.1)
    for w in workers:
        w.stop()
    for d in desks:
        d.point_at(server.url)
        d.sync()
    drained_s = time.perf_counter() - started

    # ---- the verdict ------------------------------------------------------------------
    local_changes = 0
    for d in desks:
        with d.db.reading() as s:
            states = dict(
                s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)).all()
            )
        local_changes += sum(states.values())
        assert set(states) <= {"applied", "duplicate", "conflict"}, (d.name, states)
    assert local_changes >= 2000
    db = server.database()
    with db.reading() as s:
        server_visits = set(s.scalars(select(Visit.id)))
        n_visits = s.scalar(select(func.count()).select_from(Visit))
        server_events = set(s.scalars(select(VisitEvent.id)))
        server_patients = set(s.scalars(select(Patient.id)))
        from server.models import AppliedMutation, Quarantine

        applied = s.scalar(select(func.count()).select_from(AppliedMutation))
        quarantined = s.scalar(select(func.count()).select_from(Quarantine))
    db.close()
    all_made = [v for ids in made.values() for v in ids]
    assert len(all_made) == len(set(all_made))
    assert server_visits == set(all_made)  # zero lost, and nothing else
    assert n_visits == len(all_made)  # zero doubled
    assert applied == local_changes  # each local transaction accepted exactly once
    assert quarantined == 0
    local_events = set()
    for d in desks:
        with d.db.reading() as s:
            local_events |= set(s.scalars(select(VisitEvent.id)))
    for d in desks:
        if d.identity.role != "staff":
            continue
        with d.db.reading() as s:
            assert set(s.scalars(select(Visit.id))) == server_visits, d.name
            assert set(s.scalars(select(VisitEvent.id))) == server_events, d.name
            assert set(s.scalars(select(Patient.id))) == server_patients, d.name
    assert local_events == server_events
    figures = {
        "devices": len(desks),
        "local_changes": local_changes,
        "visits": len(server_visits),
        "events": len(server_events),
        "server_kills": kills,
        "faults": faults.counts,
        "refused_locally": len(errors),
        "make_s": round(made_s, 1),
        "converged_s": round(drained_s, 1),
    }
    print("\nfault test:", json.dumps(figures, ensure_ascii=False))
    proxy.stop()
    for d in desks:
        d.close()
    server.stop()
