"""The walk-in's first question and its last way out, driven by taps: chest pain, heavy
bleeding or trouble breathing calls a guide at once — before any question — and the duty lead
is told at the same moment; "I don't know which department" calls a guide to help choose,
and the patient's answers wait where they were.  On the guide desk the emergency is the top
card, in red, wherever it came in.  Rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import AssistanceRequest
from app.services import Actor, assistance

from .kiosk_rig import KioskRig, close_rig, make_rig
from .staff_rig import TZ, close_staff, make_staff


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_rig(qtbot, tmp_path)
    yield r
    close_rig(r)


def _requests(rig: KioskRig) -> list[AssistanceRequest]:
    with rig.db.reading() as s:
        return list(s.scalars(select(AssistanceRequest).order_by(AssistanceRequest.created_at)))


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_chest_pain_calls_a_guide_before_any_question(qtbot, tmp_path: Path, language) -> None:
    rig = make_rig(qtbot, tmp_path, language=language)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        assert w.red_flag.isVisible() and w.steps.currentIndex() == 0  # first, before consent
        assert rig.window.grab().save(str(shots / f"kiosk-red-flag-{language}.png"))
        rig.tap(w.red_flag)
        helper = rig.wait_for("help")
        [req] = _requests(rig)
        assert req.reason == "emergency" and req.visit_id is None
        heading = {"zh_CN": "马上有人来帮您", "zh_TW": "馬上有人來幫您", "en": "Help is coming now"}
        assert helper.heading.text() == heading[language]
        assert rig.window.grab().save(str(shots / f"kiosk-emergency-{language}.png"))
        # the duty lead is told the moment a desk sees it, not after a minute
        with rig.db.session() as s:
            assert assistance.escalate_due(s, rig.clock.now(), 60, 900) == [req.id]
    finally:
        close_rig(rig)


def test_not_knowing_the_department_calls_a_guide_and_keeps_the_answers(rig: KioskRig) -> None:
    rig.tap(rig.screen("welcome").walkin)
    w = rig.wait_for("walkin")
    rig.tap(w.decline)
    rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
    assert w.dont_know.isVisible()
    index = w.dept_grid.indexOf(w.dont_know)
    assert index == len(w.dept_cards)  # after every department
    rig.tap(w.dont_know)
    helper = rig.wait_for("help")
    [req] = _requests(rig)
    assert req.reason == "department"
    assert "选择科室" in helper.body.text()
    rig.tap(helper.back)
    assert rig.window.current == "walkin" and w.steps.currentIndex() == 3  # where they were
    with rig.db.session() as s:  # a department call is not an emergency: a minute's grace
        assert assistance.escalate_due(s, rig.clock.now(), 60, 900) == []


def test_the_emergency_is_the_desks_top_card_in_red(qtbot, tmp_path: Path) -> None:
    from app.clock import FixedClock

    clock = FixedClock(tz=TZ, at=dt.datetime(2026, 11, 23, 10, 0, tzinfo=TZ))
    desk = make_staff(qtbot, tmp_path / "desk", clock=clock)
    try:
        desk.sign_in("guide.wang")
        with desk.backend.db.session() as s:
            for where, reason in (("门诊大厅1号自助机", "help"), ("急诊大厅自助机", "emergency")):
                assistance.call_guide(
                    s, Actor("kiosk-1"), clock, location=where, language="zh_CN", reason=reason
                )
        desk.window.reload_help()
        desk.settle()
        panel = desk.window.help_panel
        cards = panel.card_texts()
        assert len(cards) == 2 and "急诊大厅自助机" in cards[0] and "急症" in cards[0]
        top = panel._in_order()[0]
        assert top.property("role") == "help-urgent"
        assert desk.sounds  # it rang
    finally:
        close_staff(desk)
