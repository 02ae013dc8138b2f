"""The working calendar travels like reference data: the real server seeds it from
``chinese-calendar``, every desk pulls it and computes the same deadline offline, and a year
the library does not know is imported with ``server-admin calendar-import`` — bad files
refused line by line, nothing changed by a dry run or a refusal."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.models import CalendarDay, CalendarYear
from app.services import workdays

from .harness import ROOT, DeskMaker

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def server(sqlite_server):
    return sqlite_server


@pytest.fixture
def desks(server, tmp_path: Path):
    maker = DeskMaker(server, tmp_path)
    yield maker
    maker.close()


def _admin(server, *args: str) -> subprocess.CompletedProcess[str]:
    """``frontdesk server-admin`` on the server's machine, as an administrator runs it."""
    env = {**os.environ, "FRONTDESK_CONFIG": str(server.workdir / "none.toml")}
    return subprocess.run(
        [
            *(sys.executable, "-m", "frontdesk", "--data-dir", str(server.workdir)),
            *("server-admin", "--database-url", server.database_url, *args),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_desks_pull_the_calendar_and_agree_on_a_deadline_offline(server, desks) -> None:
    guide, office = desks("staff", "guide"), desks("staff", "office")
    for desk in (guide, office):
        desk.sync()
    server.kill()  # both offline from here
    received = dt.datetime(2026, 2, 13, 15, 0, tzinfo=TZ)  # the Friday before Spring Festival
    ends = []
    for desk in (guide, office):
        with desk.db.reading() as s:
            cal = workdays.load(s)
            assert {2025, 2026} <= cal.announced
            assert cal.info(dt.date(2026, 2, 14)).kind == "make_up"
            ends.append(cal.period_end(received, 5))
    assert ends == [dt.datetime(2026, 2, 28, tzinfo=TZ)] * 2


def test_a_new_year_is_imported_once_and_reaches_the_desks(server, desks, tmp_path: Path) -> None:
    desk = desks("staff", "guide")
    desk.sync()
    with desk.db.reading() as s:
        before = workdays.load(s)
    received = dt.datetime(2027, 9, 30, 10, 0, tzinfo=TZ)
    if 2027 not in before.announced:  # a provisional year: weekends only
        assert before.provisional(dt.date(2027, 10, 1))
        assert before.period_end(received, 5) == dt.datetime(2027, 10, 8, tzinfo=TZ)
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "day,kind,name_zh,name_en\n2027-10-01,holiday,国庆节,National Day\n"
            "2027-13-01,holiday,,\n2027-10-04,half,,\n2027-10-05,workday,,\n"
            "2027-10-01,holiday,,\n",
            encoding="utf-8",
        )
        refused = _admin(server, "calendar-import", str(bad))
        assert refused.returncode == 1
        for reason in (
            "line 3: '2027-13-01' is not a day",
            "line 4: kind 'half' is not one of holiday, workday",
            "line 5: 2027-10-05 is a weekday",
            "line 6: 2027-10-01 is listed twice",
        ):
            assert reason in refused.stderr
        good = tmp_path / "2027.csv"
        days = [f"2027-10-0{d},holiday,国庆节,National Day" for d in range(1, 8)]
        good.write_text(
            "\n".join(["day,kind,name_zh,name_en", *days, "2027-10-09,workday,国庆节,"]) + "\n",
            encoding="utf-8",
        )
        dry = _admin(server, "calendar-import", "--dry-run", str(good))
        assert dry.returncode == 0 and "8 days would be imported" in dry.stdout, dry.stderr
        db = server.database()
        with db.reading() as s:
            assert s.scalar(select(func.count()).where(CalendarYear.year == 2027)) == 0
        db.close()
        done = _admin(server, "calendar-import", str(good))
        assert done.returncode == 0 and "8 days imported" in done.stdout, done.stderr
        desk.sync()
        with desk.db.reading() as s:
            after = workdays.load(s)
            assert s.scalar(select(func.count()).where(CalendarDay.day >= dt.date(2027, 1, 1))) == 8
        # 1–7 October off; Fri 8 day 1, Sat 9 (made up) day 2, Mon 11 … Wed 13 day 5
        assert after.period_end(received, 5) == dt.datetime(2027, 10, 14, tzinfo=TZ)
        assert not after.provisional(dt.date(2027, 10, 1))
        good_again = _admin(server, "calendar-import", str(good))
        assert good_again.returncode == 1 and "already announced: 2027" in good_again.stderr
    else:  # a later chinese-calendar knows 2027: importing it again is refused
        again = tmp_path / "2027.csv"
        again.write_text("day,kind\n2027-10-01,holiday\n", encoding="utf-8")
        refused = _admin(server, "calendar-import", str(again))
        assert refused.returncode == 1 and "already announced: 2027" in refused.stderr
