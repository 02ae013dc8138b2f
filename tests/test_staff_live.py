"""Two guide desks and a kiosk on one real server (127.0.0.1, a port the system picks), each
desk a real window with its sync running as ``frontdesk staff`` runs it: a call for a guide
pops up on both desks, one acknowledges and the other sees who; a claim on one desk appears
on the other without a refresh; two offline claims on the same patient — the loser is told who
got there first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.clock import Clock
from app.services import assistance
from app.services.registration import PatientForm, VisitForm
from app.sync.desk import SyncedDesk

from .harness import TZ, DeskMaker, ServerProcess
from .staff_rig import close_staff, make_staff


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def _desk(qtbot, server: ServerProcess, tmp_path: Path, name: str, clock: Clock):
    data = tmp_path / name
    SyncedDesk.enroll(data, server.url, server.code("staff", name), clock, timeout=5).close()
    return make_staff(qtbot, data, clock=clock, server_url=server.url, location=name)


def test_two_desks_see_each_other_live(qtbot, server, tmp_path: Path) -> None:
    clock = Clock(tz=TZ)
    maker = DeskMaker(server, tmp_path)
    a = _desk(qtbot, server, tmp_path, "一楼导医台", clock)
    b = _desk(qtbot, server, tmp_path, "二楼导医台", clock)
    try:
        # the staff and their passwords reach each desk from the server
        qtbot.waitUntil(
            lambda: bool(a.backend.guides()) and bool(b.backend.guides()), timeout=15_000
        )
        a.sign_in("guide.wang")
        b.sign_in("guide.li")
        assert a.window.who and b.window.who

        # a kiosk calls for a guide: both desks show it and ring
        kiosk = maker("kiosk", "门诊大厅 1号自助机")
        with kiosk.db.session() as s:
            req = assistance.call_guide(
                s, kiosk.actor, kiosk.clock, location="门诊大厅 1号自助机", language="zh_CN"
            )
        kiosk.sync()
        for desk in (a, b):
            qtbot.waitUntil(
                lambda d=desk: req.request_id in d.window.help_panel.cards, timeout=15_000
            )
            assert desk.window.help_panel.isVisible() and desk.sounds
        card_a = a.window.help_panel.cards[req.request_id]
        a.click(card_a.ack)
        assert "王芳" in " ".join(a.window.help_panel.card_texts())
        qtbot.waitUntil(
            lambda: "王芳" in " ".join(b.window.help_panel.card_texts()), timeout=15_000
        )
        card_b = b.window.help_panel.cards[req.request_id]
        assert not card_b.ack.isVisible()  # the others see who is going, not a second button
        a.click(a.window.help_panel.cards[req.request_id].done)
        qtbot.waitUntil(lambda: req.request_id not in b.window.help_panel.cards, timeout=15_000)
        qtbot.waitUntil(lambda: not b.window.help_panel.isVisible(), timeout=5_000)

        # a patient registered on desk A appears on desk B; A's claim shows on B
        result, update = a.backend.register(
            a.window.who,
            PatientForm("郑大伯", "M", 82, "13900007777", "", "walk_in"),
            VisitForm(purpose="consultation", needs_escort=True),
        )
        a.window.model.apply(update.rows, update.gone)
        visit = result.visit_id
        qtbot.waitUntil(lambda: b.window.model.row_of(visit) is not None, timeout=15_000)
        a.choose(visit)
        a.click(a.window.board_page.escort_buttons["claim"][0])
        qtbot.waitUntil(
            lambda: (b.window.model.row_of(visit).escort_name or "") == "王芳", timeout=15_000
        )
        b.choose(visit)
        assert not b.window.board_page.escort_buttons["claim"][0].isEnabled()
    finally:
        close_staff(a)
        close_staff(b)
        maker.close()


def test_offline_claim_race_tells_the_loser_who_won(qtbot, server, tmp_path: Path) -> None:
    clock = Clock(tz=TZ)
    a = _desk(qtbot, server, tmp_path, "一楼导医台", clock)
    b = _desk(qtbot, server, tmp_path, "二楼导医台", clock)
    try:
        qtbot.waitUntil(
            lambda: bool(a.backend.guides()) and bool(b.backend.guides()), timeout=15_000
        )
        a.sign_in("guide.wang")
        b.sign_in("guide.li")
        result, update = a.backend.register(
            a.window.who,
            PatientForm("冯阿姨", "F", 76, "13900008888", "", "walk_in"),
            VisitForm(purpose="consultation"),
        )
        visit = result.visit_id
        qtbot.waitUntil(lambda: b.window.model.row_of(visit) is not None, timeout=15_000)
        a.window.model.apply(update.rows, update.gone)
        # both desks lose the server, both guides claim the same patient
        for desk in (a, b):
            desk.runtime.worker.stop()
        a.choose(visit)
        a.click(a.window.board_page.escort_buttons["claim"][0])
        b.choose(visit)
        b.click(b.window.board_page.escort_buttons["claim"][0])
        assert b.window.model.row_of(visit).escort_name == "李娜"  # as far as B knows
        a.runtime.desk.engine.sync_until_idle()  # A reaches the server first
        b.runtime.desk.engine.sync_until_idle()
        b.window.sync_status(b.runtime.desk.engine.status)
        b.settle()
        message = b.window.board_page.message.text()
        assert "王芳" in message and "冯阿姨" in message
        qtbot.waitUntil(
            lambda: (b.window.model.row_of(visit).escort_name or "") == "王芳", timeout=15_000
        )
        lines = b.backend.timeline(b.window.who, visit)
        assert any(ln.flagged == "claimed_by_other" and ln.staff_name == "李娜" for ln in lines)
    finally:
        close_staff(a)
        close_staff(b)


def test_a_refused_change_is_undone_and_the_guide_is_told(qtbot, server, tmp_path: Path) -> None:
    """A change the server refuses (here a desk set up with a stage the hospital's server
    does not know moves a patient there) is taken back on the desk and the guide reads why,
    in Chinese, on the board."""
    from app.models import EventKind, OutboxEntry, Visit
    from app.services import visits

    clock = Clock(tz=TZ)
    a = _desk(qtbot, server, tmp_path, "一楼导医台", clock)
    try:
        qtbot.waitUntil(lambda: bool(a.backend.guides()), timeout=15_000)
        a.sign_in("guide.wang")
        result, update = a.backend.register(
            a.window.who,
            PatientForm("卫大爷", "M", 79, "13900006666", "", "walk_in"),
            VisitForm(purpose="consultation"),
        )
        a.window.model.apply(update.rows, update.gone)
        engine, db = a.runtime.desk.engine, a.runtime.desk.db
        qtbot.waitUntil(lambda: engine.pending_count() == 0, timeout=15_000)
        a.runtime.worker.stop()
        with db.session() as s:
            v = s.get(Visit, result.visit_id)
            stage = v.stage
            actor = a.backend.actor(a.window.who)
            visits.record(s, v, EventKind.STAGE_CHANGED, actor, clock.now(), stage="rehab")
        engine.sync_until_idle()
        a.window.sync_status(engine.status)
        a.settle()
        message = a.window.board_page.message.text()
        assert "拒绝" in message and "数据无效" in message and "撤销" in message
        with db.reading() as s:
            assert s.get(Visit, result.visit_id).stage == stage
            assert s.scalars(select(OutboxEntry.state)).all().count("rejected") == 1
        a.window.board_page.message.clear()
        a.window.sync_status(engine.status)  # told once, not on every status tick
        assert a.window.board_page.message.text() == ""
    finally:
        close_staff(a)
