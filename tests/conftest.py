"""Shared fixtures: a fresh migrated SQLite file per test, a clock that stands still, and the
demo hospital loaded into it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app import demo
from app.clock import FixedClock
from app.db import Database, upgrade
from app.models import Department, Doctor, Role, RosterSlot, Staff
from app.services import Actor
from app.services.stages import StageMachine

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Monday morning in the hospital: 09:00 local time.
MONDAY_9AM = dt.datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI).astimezone(dt.UTC)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(path)
    return path


@pytest.fixture
def db(tmp_path: Path, migrated_template: Path) -> Database:
    path = tmp_path / "frontdesk.db"
    shutil.copyfile(migrated_template, path)
    database = Database.open(path)
    yield database
    database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(tz=SHANGHAI, at=MONDAY_9AM)


@pytest.fixture
def machine() -> StageMachine:
    return StageMachine()


@dataclass
class Hospital:
    db: Database
    departments: dict[str, Department]
    guides: list[Staff]
    director: Staff
    desk: Actor
    kiosk: Actor

    def guide_actor(self, i: int) -> Actor:
        return Actor(self.desk.device_id, self.guides[i].id)

    def doctor_on_duty(self, code: str, day: dt.date) -> Doctor:
        with self.db.session() as s:
            slot = s.scalars(
                select(RosterSlot).where(
                    RosterSlot.department_id == self.departments[code].id, RosterSlot.day == day
                )
            ).first()
            assert slot is not None, f"nobody on duty in {code} on {day}"
            return s.get(Doctor, slot.doctor_id)

    def doctor_off_duty(self, code: str, day: dt.date) -> Doctor:
        with self.db.session() as s:
            on = set(s.scalars(select(RosterSlot.doctor_id).where(RosterSlot.day == day)).all())
            doctors = s.scalars(
                select(Doctor).where(Doctor.department_id == self.departments[code].id)
            ).all()
            off = [d for d in doctors if d.id not in on]
            assert off, f"everybody in {code} works on {day}"
            return off[0]


@pytest.fixture
def hospital(db: Database, clock: FixedClock) -> Hospital:
    with db.session() as s:
        demo.load(s, clock, seed=7)
    with db.session() as s:
        departments = {d.code: d for d in s.scalars(select(Department))}
        guides = list(
            s.scalars(select(Staff).where(Staff.role == Role.GUIDE).order_by(Staff.username))
        )
        director = s.scalars(select(Staff).where(Staff.role == Role.DIRECTOR)).one()
    return Hospital(
        db=db,
        departments=departments,
        guides=guides,
        director=director,
        desk=Actor("desk-1", guides[0].id),
        kiosk=Actor("kiosk-1"),
    )


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pgcluster import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


_db_counter = iter(range(1_000_000))


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty PostgreSQL database on the session's throwaway cluster."""
    return pg_cluster.create_database(f"fd_test_{next(_db_counter)}")


@pytest.fixture
def sqlite_server(tmp_path: Path):
    """The real server in its own process, on its embedded SQLite, with the demo hospital."""
    from tests.harness import ServerProcess

    srv = ServerProcess(tmp_path / "server").start()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_server(request, tmp_path: Path):
    """The real server, on its embedded SQLite or on a throwaway PostgreSQL cluster."""
    from tests.harness import ServerProcess

    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    srv = ServerProcess(tmp_path / "server", url).start()
    yield srv
    srv.stop()
