"""Settings every desk shares (the cases' clocks): declared with the rulebooks' defaults,
refused with the reason when wrong, changed on the real server by ``server-admin setting`` or
the director's REST call, and pulled by every desk — whose open cases' deadlines are counted
again with the new value, offline too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.clock import utcnow
from app.db import Database
from app.models import Case, Setting
from app.services import cases, shared_settings
from app.services.clocks import ClockRules
from app.services.followup_rules import FollowUpRules
from app.services.shared_settings import SettingError

from .harness import DeskMaker
from .test_calendar_sync import _admin

TZ = ZoneInfo("Asia/Shanghai")


def test_every_clock_rule_is_declared_with_the_rulebooks_default(db: Database) -> None:
    declared = {key.split(".", 1)[1] for key in shared_settings.DECLARED if "clocks." in key}
    assert declared == {f.name for f in dataclasses.fields(ClockRules)}
    calls = {key.split(".", 1)[1] for key in shared_settings.DECLARED if "followups." in key}
    fields = {f.name for f in dataclasses.fields(FollowUpRules)}
    assert calls - {"exclude_departments", "exclude_purposes"} <= fields
    with db.reading() as s:
        listing = {key: (value, dflt) for key, value, dflt, _ in shared_settings.listing(s)}
        assert shared_settings.clock_rules(s) == ClockRules()
    assert listing["clocks.opens"] == ("08:00", True)
    assert listing["clocks.dispatch_min"] == (60, True)
    assert listing["clocks.escalate_after_min"] == ([0, 60, 1440], True)


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("clocks.opens", "8:00", "HH:MM"),
        ("clocks.opens", "25:00", "HH:MM"),
        ("clocks.dispatch_min", 0, "from 5 to 1440"),
        ("clocks.dispatch_min", True, "whole number"),
        ("clocks.dispatch_min", "60", "whole number"),
        ("clocks.standard_days", 61, "from 1 to 60"),
        ("clocks.warn_at", [0.8, 0.5], "warn before urgent"),
        ("clocks.warn_at", [0.5], "warn before urgent"),
        ("clocks.escalate_after_min", [60, 0, 1440], "rising"),
        ("clocks.escalate_after_min", [0, 60, 10**6], "at most 30 days"),
        ("clocks.closes", "07:00", "close after it opens"),
        ("clocks.several_departments_days", 3, "less time than one"),
        ("clocks.nap_min", 5, "no such setting"),
    ],
)
def test_a_wrong_value_is_refused_with_its_reason_and_nothing_changes(
    db: Database, key: str, value: object, says: str
) -> None:
    with db.session() as s:
        with pytest.raises(SettingError) as refused:
            shared_settings.put(s, key, value, "test", utcnow())
        assert refused.value.key.startswith("clocks.") and says in str(refused.value)
        assert s.query(Setting).count() == 0


def test_a_change_is_kept_with_who_and_when_and_the_rules_follow(db: Database) -> None:
    at = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)
    with db.session() as s:
        shared_settings.put(s, "clocks.dispatch_min", 45, "director.sun", at)
        row = shared_settings.put(s, "clocks.opens", "07:30", "director.sun", at)
        assert (row.changed_by, row.changed_at, row.version) == ("director.sun", at, 1)
        again = shared_settings.put(s, "clocks.opens", "07:45", "director.zhao", at)
        assert (again.id, again.version, again.changed_by) == (row.id, 2, "director.zhao")
    with db.reading() as s:
        rules = shared_settings.clock_rules(s)
    assert (rules.dispatch_min, rules.opens) == (45, dt.time(7, 45))
    assert rules.callback_min == 30  # untouched keys keep their defaults


def test_a_value_this_program_cannot_read_leaves_the_defaults(db: Database) -> None:
    """A newer server's setting must not stop an older desk from counting."""
    with db.session() as s:
        s.add(Setting(id="0" * 36, key="clocks.opens", value_json='"soon"', changed_at=utcnow()))
    with db.reading() as s:
        assert shared_settings.clock_rules(s) == ClockRules()


@pytest.fixture
def desks(sqlite_server, tmp_path):
    maker = DeskMaker(sqlite_server, tmp_path)
    yield maker
    maker.close()


def _due(desk, case_id: str) -> dt.datetime:
    with desk.db.reading() as s:
        return s.get(Case, case_id).due_at.astimezone(TZ)


def test_a_setting_changed_on_the_server_moves_every_desks_deadlines(sqlite_server, desks) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    received = dt.datetime(2026, 12, 2, 9, 0, tzinfo=TZ)  # a Wednesday, in the centre's hours
    with a.db.session() as s:
        case_id = cases.open_case(
            s,
            a.staff("guide.wang"),
            a.clock,
            kind="complaint",
            channel="phone",
            summary="挂号窗口态度差",
            received_at=received,
        ).id
    a.sync()
    b.sync()
    # the nearest clock: tell the complainant how and when, 30 open minutes
    assert _due(a, case_id) == _due(b, case_id) == received + dt.timedelta(minutes=30)

    done = _admin(sqlite_server, "setting", "clocks.reply_promise_min", "10", "--by", "孙主任")
    assert done.returncode == 0, done.stderr
    assert "clocks.reply_promise_min = 10" in done.stdout

    refused = _admin(sqlite_server, "setting", "clocks.closes", "07:00")
    assert refused.returncode == 1
    assert "clocks.closes: the centre must close after it opens" in refused.stderr

    # the director's console calls the REST endpoint; a guide may not
    token = b.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    guide = b.engine.client.sign_in("guide.li", "demo-1234")["staff_token"]
    url = f"{sqlite_server.url}/api/v1/admin/settings/clocks.dispatch_min"
    http = b.engine.client.http
    assert http.put(url, json={"value": 45}, headers={"X-Staff-Token": guide}).status_code == 403
    bad = http.put(url, json={"value": 2}, headers={"X-Staff-Token": token})
    assert bad.status_code == 422 and "from 5 to 1440" in bad.text
    ok = http.put(url, json={"value": 45}, headers={"X-Staff-Token": token})
    assert ok.ok, ok.text
    listed = http.get(
        f"{sqlite_server.url}/api/v1/admin/settings", headers={"X-Staff-Token": token}
    ).json()
    assert {d["key"]: (d["value"], d["default"]) for d in listed}["clocks.dispatch_min"] == (
        45,
        False,
    )

    shown = _admin(sqlite_server, "setting")
    assert "clocks.reply_promise_min = 10\n" in shown.stdout
    assert "clocks.callback_min = 30  (default)" in shown.stdout

    for desk in (a, b):
        desk.sync()
        with desk.db.reading() as s:
            rules = shared_settings.clock_rules(s)
        assert (rules.reply_promise_min, rules.dispatch_min, rules.closes) == (
            10,
            45,
            dt.time(17, 30),
        )
        # the open case's deadline counted again on the pull, with no new step on it
        assert _due(desk, case_id) == received + dt.timedelta(minutes=10)
    with b.db.reading() as s:
        row = s.query(Setting).filter_by(key="clocks.reply_promise_min").one()
        assert row.changed_by == "孙主任"
