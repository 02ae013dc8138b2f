"""Emergencies and priority on the guide desk, driven as a guide drives them: E on the board
gives a patient priority (0–3 choose, Enter sets), the row goes to the top of every sorting
with a bar down its edge, registration gives it at once, the timeline keeps who and when; a
kiosk can give none.  Rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR keeps them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.errors import ValidationError
from app.models import EventKind, Priority, Visit
from app.services import registration, visits
from app.services.context import Actor
from app.services.registration import VisitForm
from ui.board_model import IN_STAGE, ROW_ROLE, TICKET
from ui.dialogs import PriorityDialog

from .staff_rig import StaffRig, close_staff, make_staff
from .test_staff import _arrive, _closed
from .test_staff_design import _english_left, _texts


def _order(rig: StaffRig) -> list[str]:
    proxy = rig.window.board_page.proxy
    model = rig.window.model
    return [
        model.data(model.index(proxy.mapToSource(proxy.index(r, 0)).row(), 0), ROW_ROLE).visit_id
        for r in range(proxy.rowCount())
    ]


def test_priority_is_kept_with_who_and_when_and_refused_from_a_kiosk(hospital, clock) -> None:
    from .helpers import arrival

    visit_id = arrival(hospital, clock).visit_id
    guide = hospital.guide_actor(0)
    with hospital.db.session() as s:
        ev = visits.set_priority(s, visit_id, "emergency", guide, clock)
        assert ev is not None and ev.kind == EventKind.PRIORITY
        assert ev.data["priority"] == "emergency" and ev.staff_id == guide.staff_id
        assert visits.set_priority(s, visit_id, "emergency", guide, clock) is None  # no change
        with pytest.raises(ValidationError, match="not a valid choice for Priority"):
            visits.set_priority(s, visit_id, "urgent!!", guide, clock)
        visits.set_priority(s, visit_id, "", guide, clock)  # taken away, kept too
        assert s.get(Visit, visit_id).priority is None
    with hospital.db.session() as s:  # a kiosk's form asking for priority gets none
        result = registration.register_walk_in(
            s,
            None,
            VisitForm(
                purpose="consultation",
                department_id=hospital.departments["IM"].id,
                priority="emergency",
            ),
            Actor("kiosk-1"),
            clock,
        )
        assert s.get(Visit, result.visit_id).priority is None


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_staff(qtbot, tmp_path / "desk")
    yield r
    close_staff(r)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_a_guide_puts_an_emergency_first_on_every_sorting(
    qtbot, tmp_path: Path, language: str
) -> None:
    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        rig.sign_in("guide.wang")
        first = _arrive(rig, "赵一", "13900000001")
        second = _arrive(rig, "钱二", "13900000002")
        third = _arrive(rig, "孙三", "13900000003")
        rig.clock.at = rig.clock.at.replace(minute=20)  # the three have waited a while
        page = rig.window.board_page
        page.table.sortByColumn(TICKET, Qt.SortOrder.AscendingOrder)
        QApplication.processEvents()
        assert _order(rig) == [first, second, third]

        rig.choose(third)
        rig.key(page.table, Qt.Key.Key_E)
        dialog = rig.dialog(PriorityDialog)
        rig.key(dialog, Qt.Key.Key_1)  # 1: emergency
        assert dialog.answer() == "emergency"
        assert dialog.grab().save(str(shots / f"staff-priority-{language}.png"))
        if language != "en":
            assert _english_left(_texts(dialog)) == []
        rig.key(dialog, Qt.Key.Key_Return)
        assert _closed(dialog)
        rig.choose(second)
        rig.key(page.table, Qt.Key.Key_E)
        dialog = rig.dialog(PriorityDialog)
        rig.key(dialog, Qt.Key.Key_2)  # 2: elderly
        rig.key(dialog, Qt.Key.Key_Return)
        assert _order(rig) == [third, second, first]
        for column, order in (
            (TICKET, Qt.SortOrder.DescendingOrder),
            (IN_STAGE, Qt.SortOrder.DescendingOrder),
            (IN_STAGE, Qt.SortOrder.AscendingOrder),
        ):
            page.table.sortByColumn(column, order)
            QApplication.processEvents()
            assert _order(rig)[:2] == [third, second], (column, order)
        row = rig.window.model.row_of(third)
        assert row.priority == "emergency"
        flags = rig.window.model.flags_text(row)
        assert {"zh_CN": "急诊", "zh_TW": "急診", "en": "Emergency"}[language] in flags
        assert rig.window.grab().save(str(shots / f"staff-board-priority-{language}.png"))
        # the timeline says who gave the priority
        lines = rig.backend.timeline(rig.window.who, third)
        assert [ln.staff_name for ln in lines if ln.kind == "priority"] == ["王芳"]
    finally:
        close_staff(rig)


def test_registration_gives_priority_at_once(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    page = rig.window.register_page
    rig.key(rig.window.board_page.table, Qt.Key.Key_F2)
    rig.type(page.name, "李老伯")
    rig.type(page.phone, "13900000009")
    page.priority.setCurrentIndex(page.priority.findData("elderly"))
    rig.click(page.submit)
    [row] = [r for r in rig.window.model.rows() if r.name == "李老伯"]
    assert row.priority == Priority.ELDERLY and row.rank == 1
    assert page.priority.currentIndex() == 0  # the form is clear for the next patient


def test_rows_keep_their_places_while_the_pointer_is_on_the_board(rig: StaffRig) -> None:
    """A row another desk moves on would slide away under the guide's cursor: while the
    pointer moves over the board nothing re-sorts; when it leaves, the board sorts again."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QEnterEvent

    rig.sign_in("guide.wang")
    ids = [_arrive(rig, n, f"1390000000{i}") for i, n in enumerate(("赵一", "钱二", "孙三"))]
    page = rig.window.board_page
    page.table.sortByColumn(TICKET, Qt.SortOrder.DescendingOrder)  # newest first
    QApplication.processEvents()
    before = _order(rig)
    viewport = page.table.viewport()
    QApplication.sendEvent(
        viewport, QEnterEvent(QPoint(10, 10), QPoint(10, 10), viewport.mapToGlobal(QPoint(10, 10)))
    )
    assert page.still.holding
    # another desk makes the last row an emergency: it would jump to the top
    with rig.backend.db.session() as s:
        visits.set_priority(
            s, before[-1], "emergency", Actor("desk-2", rig.window.who.staff_id), rig.clock
        )
    rig.window.rows_changed(rig.backend.rows([before[-1]]))
    QApplication.processEvents()
    assert _order(rig) == before  # held still under the pointer
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    QApplication.processEvents()
    assert not page.still.holding and _order(rig)[0] == before[-1]
    assert set(ids) == set(before)
    # a pointer left resting on the board: it sorts again after a moment
    page.still.timer.setInterval(50)
    page.still.hold()
    assert page.still.holding
    rig.qtbot.waitUntil(lambda: not page.still.holding, timeout=2000)


def test_a_patient_who_chose_english_on_the_kiosk_says_so_on_the_board(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    with rig.backend.db.session() as s:
        result = registration.register_walk_in(
            s,
            None,
            VisitForm(
                purpose="consultation",
                department_id=rig.backend.roster()[0].department_id,
                language="en",
            ),
            Actor("kiosk-1"),
            rig.clock,
        )
    rig.window.reload_board()
    rig.settle()
    row = rig.window.model.row_of(result.visit_id)
    assert "讲英语" in rig.window.model.flags_text(row)
