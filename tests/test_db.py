"""The local database: durable settings, append-only events, and migrations that keep data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import db as dbmod
from app.db import Database, current_revision, head_revision, make_engine, upgrade
from app.models import Base, EventKind, VisitEvent
from app.services import checkin
from frontdesk.cli import main as cli

OLD = "0001_reference"


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_visit_events_cannot_be_changed_or_removed(hospital, clock) -> None:
    with hospital.db.session() as s:
        appt = s.execute(text("SELECT id FROM appointments LIMIT 1")).scalar_one()
        checkin.check_in(s, appt, hospital.desk, clock, channel="desk", enforce_window=False)
    # through the ORM
    with pytest.raises(ValueError, match="append-only"), hospital.db.session() as s:
        ev = s.query(VisitEvent).first()
        ev.kind = EventKind.NOTE
        s.flush()
    with pytest.raises(ValueError, match="append-only"), hospital.db.session() as s:
        s.delete(s.query(VisitEvent).first())
        s.flush()
    # and in SQL, beneath the ORM
    for statement in ("UPDATE visit_events SET stage = 'departed'", "DELETE FROM visit_events"):
        with pytest.raises(IntegrityError, match="append-only"), hospital.db.engine.begin() as c:
            c.exec_driver_sql(statement)
    with hospital.db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM visit_events").scalar() == 2


def _old_database_with_rows(path: Path) -> None:
    """A desk database as revision 0001 left it, with reference rows in it."""
    upgrade(path, OLD)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO departments (id, code, name_zh, name_en, floor, room, directions_zh, "
        "directions_en, ticket_prefix, sort_order, active, version) VALUES "
        "('d1', 'IM', '内科', 'Internal Medicine', '2F', '201', '二楼右转', 'floor 2, right', "
        "'A', 0, 1, 3)"
    )
    con.execute(
        "INSERT INTO doctors (id, department_id, name_zh, name_en, title_zh, title_en, "
        "specialties_zh, specialties_en, active, version) VALUES "
        "('doc1', 'd1', '王建国', 'Wang Jianguo', '主任医师', 'Chief', '高血压', 'BP', 1, 1)"
    )
    con.execute(
        "INSERT INTO appointments (id, checkin_code, day, scheduled_at, department_id, "
        "doctor_id, patient_name, patient_phone, patient_gender, patient_age, booking_channel, "
        "status, version) VALUES ('a1', 'K7M2QX', '2026-11-23', '2026-11-23 02:00:00.000000', "
        "'d1', 'doc1', '张三', '13812345678', 'M', 40, 'phone', 'booked', 1)"
    )
    con.commit()
    con.close()


def test_upgrade_brings_an_old_file_up_to_date_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database_with_rows(path)
    before, after = upgrade(path)
    assert (before, after) == (OLD, dbmod.head_revision())
    con = sqlite3.connect(path)
    assert con.execute("SELECT code, version, description_zh FROM departments").fetchall() == [
        ("IM", 3, "")
    ]
    assert con.execute("SELECT checkin_code, patient_name FROM appointments").fetchall() == [
        ("K7M2QX", "张三")
    ]
    assert con.execute("SELECT count(*) FROM visits").fetchone() == (0,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    backups = list(tmp_path.glob("old.db.0001_reference.*.bak"))
    assert len(backups) == 1
    # and the upgraded file works with today's code
    database = Database.open(path)
    from zoneinfo import ZoneInfo

    from app.clock import FixedClock

    clock = FixedClock(
        tz=ZoneInfo("Asia/Shanghai"), at=dt.datetime(2026, 11, 23, 1, 50, tzinfo=dt.UTC)
    )
    with database.session() as s:
        view = checkin.find_by_code(s, "k7m2qx", clock)
        result = checkin.check_in(s, view.appointment_id, _actor(), clock, channel="kiosk")
    assert result.ticket == "A001"
    database.close()


def _actor():
    from app.services import Actor

    return Actor("kiosk-1")


def test_db_upgrade_command_on_an_old_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "old.db"
    _old_database_with_rows(path)
    assert cli(["--data-dir", str(tmp_path), "db", "upgrade", "--database", str(path)]) == 0
    head = head_revision()
    assert f"upgraded from 0001_reference to {head}" in capsys.readouterr().out
    assert cli(["--data-dir", str(tmp_path), "db", "current", "--database", str(path)]) == 0
    assert capsys.readouterr().out.strip() == head
    assert cli(["--data-dir", str(tmp_path), "db", "upgrade", "--database", str(path)]) == 0
    assert f"already at {head}" in capsys.readouterr().out


def test_failed_migration_restores_the_backup(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    _old_database_with_rows(path)
    original = path.read_bytes()

    def broken_upgrade(cfg, revision):
        # A migration that committed part of its work, then died: only the backup helps.
        conn = cfg.attributes["connection"]
        conn.exec_driver_sql("COMMIT")
        conn.exec_driver_sql("DROP TABLE appointments")
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr("alembic.command.upgrade", broken_upgrade)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        upgrade(path)
    engine = make_engine(path)
    try:
        assert current_revision(engine) == OLD
        with engine.connect() as c:
            assert c.exec_driver_sql("SELECT patient_name FROM appointments").scalar() == "张三"
    finally:
        engine.dispose()
    assert len(original) > 0


def test_backups_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    _old_database_with_rows(path)
    for i in range(5):
        (tmp_path / f"x.db.0000.2026010{i}-000000.bak").write_bytes(b"old")
    upgrade(path)
    assert len(list(tmp_path.glob("x.db.*.bak"))) == dbmod.KEEP_BACKUPS


def test_only_refetchable_work_runs_without_full_sync(db: Database) -> None:
    relaxed = db.relaxed()
    with relaxed.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert db.relaxed() is relaxed
