"""Calls for a guide on the guide desk, as the duty lead sees them: a call nobody answered stays
on the desks past midnight (the kiosk promised the patient someone would come), and a call a
guide answered but never resolved goes to the duty lead too, with a sound and in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.clock import FixedClock
from app.models import Staff
from app.services import Actor, assistance
from app.services.auth import SignedIn
from ui.help_panel import SETTLE_S

from .staff_rig import TZ, StaffRig, close_staff, make_staff

LATE = dt.datetime(2026, 11, 23, 23, 50, tzinfo=TZ)


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_staff(qtbot, tmp_path / "desk", clock=FixedClock(tz=TZ, at=LATE))
    yield r
    close_staff(r)


def _call(rig: StaffRig, where: str) -> str:
    with rig.backend.db.session() as s:
        return assistance.call_guide(
            s, Actor("kiosk-1"), rig.clock, location=where, language="zh_CN"
        ).request_id


def _cards(rig: StaffRig) -> list[str]:
    rig.window.reload_help()
    rig.settle()
    return rig.window.help_panel.card_texts()


def test_a_call_nobody_answered_stays_past_midnight(rig: StaffRig) -> None:
    rig.sign_in("guide.zhang")  # the duty lead
    _call(rig, "急诊大厅自助机")
    rig.clock.at = LATE + dt.timedelta(minutes=20)  # Tuesday 00:10
    cards = _cards(rig)
    assert len(cards) == 1 and "急诊大厅自助机" in cards[0]
    assert "已上报值班组长" in cards[0]  # unanswered for 20 minutes: the lead is told


def test_an_answered_call_still_open_after_15_minutes_goes_to_the_duty_lead(
    rig: StaffRig,
) -> None:
    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.zhang")  # the duty lead, at the desk
    request = _call(rig, "门诊大厅1号自助机")
    rig.clock.at += dt.timedelta(seconds=30)
    with rig.backend.db.reading() as s:
        wang = s.scalars(select(Staff).where(Staff.username == "guide.wang")).one()
    rig.backend.acknowledge(SignedIn(wang.id, wang.display_name, "guide", False), request)
    before = len(rig.sounds)
    rig.clock.at += dt.timedelta(minutes=10)
    assert "仍未处理完" not in _cards(rig)[0] and len(rig.sounds) == before
    rig.clock.at += dt.timedelta(minutes=5)  # 15 min 30 s after it was raised
    [card] = _cards(rig)
    assert "仍未处理完：已上报值班组长" in card and "王" in card
    assert len(rig.sounds) == before + 1  # the lead hears it once …
    _cards(rig)
    assert len(rig.sounds) == before + 1  # … not again at every refresh


def test_a_call_that_comes_while_the_desk_is_locked_shows_and_sounds(rig: StaffRig) -> None:
    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.wang")
    w = rig.window
    w.lock()  # as after 5 idle minutes
    rig.settle()
    assert w.stack.currentWidget() is w.lock_page and not w.lock_page.calls.isVisible()
    before = len(rig.sounds)
    _call(rig, "门诊大厅2号自助机")
    rig.clock.at += dt.timedelta(seconds=95)
    w.reload_help()  # the desk's timer, or the call pulled from the server
    rig.settle()
    assert w.lock_page.calls.isVisible() and len(rig.sounds) == before + 1
    text = w.lock_page.calls.text()
    assert "有 1 条呼叫导医在等待" in text and "门诊大厅2号自助机 (1:35)" in text
    rig.clock.at += dt.timedelta(seconds=5)
    w._tick()  # the waited time moves on screen
    assert "门诊大厅2号自助机 (1:40)" in w.lock_page.calls.text()


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_the_lock_screen_with_calls_rendered(qtbot, tmp_path: Path, language: str) -> None:
    import os

    from .test_staff_design import _cut_off, _english_left, _texts

    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig = make_staff(qtbot, tmp_path / "desk", language=language, clock=FixedClock(tz=TZ, at=at))
    try:
        rig.sign_in("guide.wang")
        rig.window.lock()
        for where in ("门诊大厅1号自助机", "急诊大厅自助机"):
            _call(rig, where)
            rig.clock.at += dt.timedelta(seconds=40)
        rig.window.reload_help()
        rig.settle()
        page = rig.window.lock_page
        assert page.calls.isVisible() and "急诊大厅自助机 (0:40)" in page.calls.text()
        assert rig.window.grab().save(str(shots / f"staff-locked-calls-{language}.png"))
        if language != "en":
            assert _english_left(_texts(page)) == []
        assert _cut_off(page) == []
    finally:
        close_staff(rig)


def test_many_calls_at_once_scroll_inside_the_panel(rig: StaffRig) -> None:
    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.wang")
    for n in range(8):
        _call(rig, f"门诊大厅{n + 1}号自助机")
    assert len(_cards(rig)) == 8
    rig.settle()
    panel = rig.window.help_panel
    assert rig.window.height() <= 900  # the window stays on the screen
    assert panel.scroller.verticalScrollBar().maximum() > 0  # the rest a scroll away


def test_after_answering_a_call_the_keys_go_back_to_the_board(rig: StaffRig) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.wang")
    request = _call(rig, "门诊大厅1号自助机")
    _cards(rig)
    card = rig.window.help_panel.cards[request]
    rig.click(card.ack)  # 我去处理: the button goes, the keyboard stays at work
    assert QApplication.focusWidget() is rig.window.board_page.table
    rig.key(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert rig.window.lang == "zh_CN"  # an arrow key did not switch the desk's language
    rig.click(card.done)
    assert QApplication.focusWidget() is rig.window.board_page.table


def test_a_second_click_after_resolved_never_answers_the_next_call(rig: StaffRig) -> None:
    """Resolving a call takes its card away and the next one slides up under the pointer:
    a double-click on "Resolved" must not press the next call's "I'm going"."""
    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.wang")
    first = _call(rig, "门诊大厅1号自助机")
    second = _call(rig, "门诊大厅2号自助机")
    _cards(rig)
    panel = rig.window.help_panel
    rig.click(panel.cards[first].ack)
    rig.click(panel.cards[first].done)
    assert first not in panel.cards
    rig.click(panel.cards[second].ack)  # the same spot, at once: ignored
    assert panel.requests[second].acknowledged_at is None
    rig.qtbot.wait(int(SETTLE_S * 1000) + 100)
    rig.click(panel.cards[second].ack)  # meant: taken
    assert panel.requests[second].acknowledged_at is not None


def test_a_call_made_in_english_says_so(rig: StaffRig) -> None:
    rig.clock.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    rig.sign_in("guide.wang")
    with rig.backend.db.session() as s:
        assistance.call_guide(
            s, Actor("kiosk-1"), rig.clock, location="门诊大厅1号自助机", language="en"
        )
    _call(rig, "门诊大厅2号自助机")  # in Chinese: nothing said
    english, chinese = sorted(_cards(rig), key=lambda t: "1号" not in t)
    assert "讲英语" in english and "讲英语" not in chinese
