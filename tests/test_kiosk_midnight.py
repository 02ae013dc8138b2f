"""The enrolled kiosk, running, across midnight (issue 25, item 3): a walk-in's name, phone,
age and district leave the kiosk's tables the moment they are taken, and its queue once the
server has them; offline, the queue keeps them however late it gets; at the day's change the
day's appointments go without a restart; when the network is back, everything arrives, once.
The real window, its real sync worker and timer, the real server on 127.0.0.1 behind a proxy
that can drop every request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, func, select

from app.clock import Clock
from app.models import Appointment, Base, OutboxEntry, Patient, TicketRange, Visit
from app.sync.desk import SyncedDesk

from .faultproxy import FaultProxy, Faults
from .harness import TZ, ServerProcess
from .kiosk_rig import KioskRig, close_rig, make_rig, walk_in


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def _count(rig: KioskRig, what: type[Base], *where: ColumnElement[bool]) -> int:
    with rig.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(what).where(*where)) or 0)


def _ticket_for(rig: KioskRig, name: str) -> str:
    walk_in(rig, name=name)
    ticket = rig.wait_for("ticket")
    number = ticket.number.text()
    rig.tap(ticket.done)
    return number


def test_a_running_kiosk_lets_go_of_walk_ins_and_of_the_day(
    qtbot, server: ServerProcess, tmp_path: Path
) -> None:
    faults = Faults()
    proxy = FaultProxy(server.port, faults).start()
    today = dt.datetime.now(TZ).date()  # the server's day, as the kiosk's clock reads it
    late = dt.datetime.combine(today, dt.time(23, 50), TZ)
    SyncedDesk.enroll(
        tmp_path / "data",
        server.url,
        server.code("kiosk", "lobby-1"),
        Clock(tz=TZ),
        via_url=proxy.url,
        timeout=5,
    ).close()
    rig = make_rig(qtbot, tmp_path, at=late)
    try:
        assert rig.runtime.synced
        rig.window.tender.setInterval(100)  # every minute on a lobby floor
        rig.qtbot.waitUntil(
            lambda: _count(rig, TicketRange) > 0 and _count(rig, Appointment) > 0, timeout=20_000
        )
        # online: taken, masked in the tables at once, sent, and gone from the queue
        first = _ticket_for(rig, "王小明")
        rig.qtbot.waitUntil(lambda: _count(rig, OutboxEntry) == 0, timeout=10_000)
        with rig.db.reading() as s:
            assert s.scalars(select(Patient.name)).all() == ["王*明"]
            assert s.scalar(select(func.count()).where(Patient.phone.is_not(None))) == 0

        # offline at 23:58: the queue is the only place the walk-in's details are kept
        faults.drop = 1.0
        rig.clock.at = late + dt.timedelta(minutes=8)
        second = _ticket_for(rig, "李大红")
        with rig.db.reading() as s:
            assert sorted(s.scalars(select(Patient.name))) == ["李*红", "王*明"]
            [queued] = s.scalars(select(OutboxEntry)).all()
            assert "李大红" in str(queued.payload) and "13955556666" in str(queued.payload)

        # midnight passes while the kiosk runs: the day's appointments go, the queue stays
        rig.clock.at = late + dt.timedelta(minutes=12)
        assert rig.clock.today() == today + dt.timedelta(days=1)
        rig.qtbot.waitUntil(lambda: _count(rig, Appointment) == 0, timeout=5_000)
        rig.settle()
        assert _count(rig, OutboxEntry) == 1

        # the network is back: the queue goes to the server, then leaves the kiosk
        faults.drop = 0.0
        rig.runtime.worker.poke()
        rig.qtbot.waitUntil(lambda: _count(rig, OutboxEntry) == 0, timeout=30_000)
        assert rig.window.current == "welcome"
    finally:
        close_rig(rig)
        proxy.stop()
    db = server.database()
    try:
        with db.reading() as s:  # the server has both, whole, once each
            people = {p.name: p for p in s.scalars(select(Patient))}
            for name in ("王小明", "李大红"):
                assert people[name].phone == "13955556666" and people[name].age == 67
            visits = s.scalars(select(Visit)).all()
            tickets = [v.ticket for v in visits if v.patient_id in {p.id for p in people.values()}]
            assert sorted(tickets) == sorted([first, second])
    finally:
        db.close()
