"""The demo hospital and the ``frontdesk`` command as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import demo
from app.models import Appointment, Department, Doctor, RosterSlot, Staff, SurveyDefinition
from app.security import verify_password

ROOT = Path(__file__).resolve().parent.parent


def test_demo_hospital(hospital, clock) -> None:
    with hospital.db.session() as s:
        count = lambda m: s.scalar(select(func.count()).select_from(m))  # noqa: E731
        assert count(Department) == 12
        assert count(Doctor) == 36
        assert count(Staff) == 12
        assert count(SurveyDefinition) == 1
        days = s.scalars(select(RosterSlot.day).distinct()).all()
        assert sorted(days)[0] == clock.today() and len(days) == 7
        appts = s.scalars(select(Appointment)).all()
        assert len(appts) == 40 and {a.day for a in appts} == {clock.today()}
        assert len({a.checkin_code for a in appts}) == 40
        # every appointment is with a doctor on duty that day
        slots = {(r.doctor_id, r.day) for r in s.scalars(select(RosterSlot))}
        assert all((a.doctor_id, a.day) in slots for a in appts)
        depts = s.scalars(select(Department)).all()
        assert all(d.name_en and d.name_zh and d.directions_en and d.description_zh for d in depts)
        assert len({d.ticket_prefix for d in depts}) == 12
        guide = s.scalars(select(Staff).where(Staff.username == "guide.zhang")).one()
        assert verify_password(guide.password_hash, demo.read_hospital()["demo_password"])
        assert not verify_password(guide.password_hash, "wrong")
        with pytest.raises(ValueError, match="already holds"):
            demo.load(s, clock)


@pytest.mark.parametrize("hour_minute", [(3, 10), (12, 0), (23, 52)])
def test_the_demo_books_around_the_hour_it_starts(
    qtbot, db, tmp_path: Path, hour_minute: tuple[int, int]
) -> None:
    """At any hour of any day: some bookings due now (the kiosk checks one in and prints its
    ticket), some late, most to come — all of them today."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from app.clock import FixedClock
    from app.services import appointments, checkin, tickets
    from app.services.appointments import AppointmentRules, Arrival
    from app.services.context import Actor
    from gui.printing import print_ticket, ticket_text

    tz = ZoneInfo("Asia/Shanghai")
    hour, minute = hour_minute
    clock = FixedClock(tz=tz, at=dt.datetime(2026, 12, 3, hour, minute, 30, tzinfo=tz))
    with db.session() as s:
        demo.load(s, clock, seed=3)
    with db.reading() as s:
        day = appointments.day_list(s, clock, AppointmentRules())
    assert day.booked == 40 and {ln.scheduled_at.astimezone(tz).date() for ln in day.lines} == {
        clock.today()
    }
    due = [ln for ln in day.lines if ln.window_open]
    assert len(due) >= 2
    if hour > 3:
        assert day.counts[Arrival.LATE] + day.counts[Arrival.NO_SHOW] > 0
    with db.session() as s:  # the kiosk's own check, window enforced
        done = checkin.check_in(s, due[0].appointment_id, Actor("kiosk-1"), clock, channel="kiosk")
        info = tickets.ticket_info(s, done.visit_id, clock)
    went = print_ticket(ticket_text(info, "zh_CN", "示范综合医院"), f"pdf:{tmp_path}/")
    assert Path(went).exists() and done.ticket in Path(went).name


def _run(
    args: list[str], tmp_path: Path, *, probe: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FRONTDESK_CONFIG": str(tmp_path / "none.toml")}
    if probe:
        env["FRONTDESK_STARTUP_PROBE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_frontdesk_demo_runs_end_to_end(tmp_path: Path) -> None:
    out = _run(
        ["--data-dir", str(tmp_path), "demo", "--lang", "en", "--seed", "5", "--no-windows"],
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "On duty today" in text and "Escort board" in text
    assert "Internal Medicine" in text
    assert "checked in" in text
    assert "Central server: http://127.0.0.1:" in text
    assert "Kiosk sync: Online" in text
    for part in ("server/server.db", "kiosk/frontdesk.db", "desk/frontdesk.db"):
        assert (tmp_path / "demo" / part).exists()
    # what the guide desk prints came through the server: kiosk visits are in its database
    import sqlite3

    con = sqlite3.connect(tmp_path / "demo" / "desk" / "frontdesk.db")
    kiosk_visits = con.execute(
        "SELECT count(*) FROM visits WHERE arrival_channel = 'kiosk'"
    ).fetchone()[0]
    # the previous working day's outpatients are today's follow-up calls, on the desk at once
    calls = con.execute("SELECT count(*) FROM followup_tasks WHERE source = 'visit'").fetchone()[0]
    con.close()
    assert kiosk_visits >= 5
    assert calls == 6
    # nothing personal on screen unmasked, nor in the logs
    logs = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "demo" / "logs").glob("*"))
    for name in ("王秀英", "Emily Carter", "蒋小梅", "周桂兰"):
        assert name not in text and name not in logs
    assert "13912340001" not in text + logs
    # a second run reuses today's data; Chinese output; the kiosk window comes up (and, with
    # the start-up probe, leaves again at once: the demo then stops its server)
    again = _run(["--data-dir", str(tmp_path), "demo"], tmp_path, probe=True)
    assert again.returncode == 0, again.stderr
    assert "陪诊看板" in again.stdout
    assert "自助机窗口已打开" in again.stdout and "\ninteractive " in again.stdout


def test_cli_reports_bad_settings_clearly(tmp_path: Path) -> None:
    out = _run(["--set", "mode=lobby", "config", "show"], tmp_path)
    assert out.returncode == 2
    assert "mode must be one of staff, kiosk" in out.stderr
    shown = _run(["--set", "language=en", "config", "show"], tmp_path)
    assert shown.returncode == 0 and 'language = "en"' in shown.stdout


def test_the_demos_guide_desk_command_starts_the_staff_desk(tmp_path: Path) -> None:
    """The demo opens its guide desk as a second process: that command must be one this
    installation runs (it said ``python -m app`` after the command moved to ``frontdesk``)."""
    from frontdesk.demo_run import staff_command

    command = staff_command(tmp_path, "http://127.0.0.1:9", "en")
    out = subprocess.run(
        [*command, "--help"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "--server-url" in out.stdout
