"""Every staff screen rendered to PNG, in Chinese and in English, on a desk with a realistic
morning (FRONTDESK_SHOTS=DIR keeps the pictures): sign-in, board, registration with errors,
triage, shift, satisfaction, lock, and the timeline, hand-off, admission and move dialogs.
Each picture is checked: Chinese screens carry no untranslated English, nothing is cut off,
and every warning on the board has its symbol as well as its colour."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableWidget, QWidget

from app.services import assistance
from app.services.auth import SignedIn
from app.services.context import Actor
from app.services.registration import PatientForm, VisitForm
from ui.board_model import IN_STAGE
from ui.dialogs import AdmissionDialog, HandOffDialog, MoveDialog, NoteDialog, TimelineDialog

from .staff_rig import StaffRig, close_staff, make_staff
from .test_staff_satisfaction import answer, answers

NAMES = ["王秀英", "李建国", "张伟", "刘芳", "陈明", "杨丽", "赵强", "黄敏", "周杰", "吴静"]
# NPS is said so in Chinese too
ALLOWED_LATIN = {"VIP", "NPS", "FrontDesk", "Ctrl", "Alt", "Enter", "F1", "F2", "F3", "F4"}


def _morning(rig: StaffRig) -> list[str]:
    b, who = rig.backend, rig.window.who
    roster = b.roster()
    ids = []
    for i, name in enumerate(NAMES):
        dept = roster[i % len(roster)]
        result, _ = b.register(
            who,
            PatientForm(name, "F" if i % 2 else "M", 30 + i * 4, f"1381234{i:04d}", "", "walk_in"),
            VisitForm(
                purpose="consultation",
                department_id=dept.department_id,
                needs_escort=i % 4 == 0,
                vip=i == 5,
                priority={8: "emergency", 3: "elderly"}.get(i, ""),
            ),
        )
        ids.append(result.visit_id)
        rig.clock.advance(minutes=3)
    guides = b.guides()
    for i, visit in enumerate(ids[:7]):
        g = guides[i % len(guides)]
        guide = SignedIn(g.staff_id, g.name, g.role, g.duty_lead)
        b.claim(guide, visit)
        b.move(guide, visit, ("waiting", "consultation", "exam", "payment")[i % 4])
        rig.clock.advance(minutes=4)
    with b.db.session() as s:
        assistance.call_guide(
            s, Actor("kiosk-1"), rig.clock, location="门诊大厅 1号自助机", language="zh_CN"
        )
    rig.clock.advance(seconds=75)
    rig.window.reload_board()
    rig.window.reload_help()
    rig.settle()
    rig.window.model.tick()
    return ids


def _texts(root: QWidget) -> list[str]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            out.append(w.text())
        elif isinstance(w, QTableWidget):  # the shift report's tables
            for r in range(w.rowCount()):
                out += [w.item(r, c).text() for c in range(w.columnCount()) if w.item(r, c)]
    return out


def _english_left(texts: list[str]) -> list[str]:
    bad = []
    for t in texts:
        words = set(re.findall(r"[A-Za-z]{3,}", t)) - ALLOWED_LATIN
        if words:
            bad.append(t)
    return bad


def _cut_off(root: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit their width (single-line ones)."""
    bad = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not isinstance(w, QLabel | QAbstractButton):
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            continue
        text = w.text().replace("&", "")
        if not text or "\n" in text:
            continue
        need = w.fontMetrics().horizontalAdvance(text)
        if need > w.width() + 1 and w.width() > 0:
            bad.append(f"{text!r} needs {need}px, has {w.width()}px")
    return bad


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_staff_screen_rendered_and_checked(qtbot, tmp_path: Path, language: str) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    w = rig.window
    saved: dict[str, Path] = {}
    problems: list[str] = []

    def shot(name: str, widget: QWidget | None = None) -> None:
        QApplication.processEvents()
        target = widget or w
        path = shots / f"staff-{name}-{language}.png"
        assert target.grab().save(str(path)), path
        saved[name] = path
        if language != "en":
            problems.extend(f"{name}: English left: {t!r}" for t in _english_left(_texts(target)))
        problems.extend(f"{name}: cut off: {t}" for t in _cut_off(target))

    try:
        shot("signin")
        rig.sign_in("guide.zhang")
        ids = _morning(rig)
        page = w.board_page
        page.select(ids[2])
        shot("board")
        model = page.model
        for r in range(model.rowCount()):
            level = model.level(model.rows()[r].visit_id)
            text = model.data(model.index(r, IN_STAGE))
            assert (level.value == "ok") == (text[0].isdigit()), text  # symbol iff warned
        # registration with an error on screen
        w.tabs.setCurrentWidget(w.register_page)
        reg = w.register_page
        rig.type(reg.name, "李秀兰")
        rig.type(reg.phone, "1381234")
        rig.click(reg.submit)
        assert reg.errors.isVisible()
        shot("register-errors")
        reg.clear()
        rig.type(reg.phone, "13812340001")
        rig.qtbot.waitUntil(lambda: reg.match_list.count() > 0, timeout=2000)
        shot("register-returning")
        # triage with a patient chosen
        w.show_board(ids[8])
        w.board_page.escort.triage()
        rig.settle()
        shot("triage")
        w.tabs.setCurrentWidget(w.shift_page)
        rig.settle()
        shot("shift")
        # two patients gone home and their answers: the satisfaction figures by department
        b = rig.backend
        for visit, given in zip(
            ids[3:6], (answers(5, 10), answers(4, 7, fees=2), answers(3, 5)), strict=True
        ):
            b.move(w.who, visit, "departed")
            answer(b.db, Actor("kiosk-1"), rig.clock, visit, given)
        w.tabs.setCurrentWidget(w.satisfaction_page)
        rig.settle()
        page = w.satisfaction_page
        page.group.setCurrentIndex(page.group.findData("department"))
        rig.settle()
        assert page.table.rowCount() > 1 and page.report.overall.responses == 3
        shot("satisfaction")
        # dialogs on the board
        w.show_board(ids[1])
        w.board_page.escort.open_timeline()
        dialog = rig.dialog(TimelineDialog)
        shot("timeline", dialog)
        dialog.reject()
        rig.settle()
        w.show_board(ids[0])
        w.board_page.escort.hand_off()
        dialog = rig.dialog(HandOffDialog)
        shot("handoff", dialog)
        dialog.reject()
        rig.settle()
        w.show_board(ids[0])
        w.board_page.escort.admit()
        dialog = rig.dialog(AdmissionDialog)
        rig.click(dialog.ok_button())
        shot("admission-error", dialog)
        dialog.reject()
        rig.settle()
        w.show_board(ids[0])
        w.board_page.escort.move_on()
        dialog = rig.dialog(MoveDialog)
        shot("move", dialog)
        dialog.reject()
        rig.settle()
        w.show_board(ids[0])
        w.board_page.escort.note()
        dialog = rig.dialog(NoteDialog)
        shot("note", dialog)
        dialog.reject()
        rig.settle()
        w.lock()
        rig.settle()
        shot("lock")
    finally:
        close_staff(rig)
    assert problems == []
    assert len(saved) == 13
    assert all(p.stat().st_size > 10_000 for p in saved.values())


def test_every_input_has_a_name_a_screen_reader_can_say(qtbot, tmp_path) -> None:
    """Every field, list, table and choice on every page of the director's desk (who sees
    them all) is named — by its label (a buddy) or its own accessible name — in the screen's
    language."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QComboBox,
        QDateTimeEdit,
        QHeaderView,
        QLineEdit,
        QSpinBox,
    )

    from .staff_rig import close_staff, make_staff

    rig = make_staff(qtbot, tmp_path / "desk")
    try:
        rig.sign_in("director.sun")
        w = rig.window
        buddies = {id(lab.buddy()) for lab in w.findChildren(QLabel) if lab.buddy() is not None}
        nameless = []
        for kind in (QLineEdit, QComboBox, QDateTimeEdit, QSpinBox, QAbstractItemView):
            for x in w.findChildren(kind):
                inner = isinstance(x, QLineEdit) and isinstance(
                    x.parent(), QComboBox | QDateTimeEdit | QSpinBox
                )
                popup = isinstance(x.parentWidget().parentWidget(), QComboBox)  # a combo's list
                if inner or popup or isinstance(x, QHeaderView):  # parts of another widget
                    continue
                if not x.accessibleName() and id(x) not in buddies:
                    up = [type(p).__name__ for p in (x.parentWidget(), x.window())]
                    nameless.append(f"{type(x).__name__} in {up}")
                elif x.accessibleName():
                    assert _english_left([x.accessibleName()]) == [], x.accessibleName()
        assert nameless == [], "\n".join(nameless)
    finally:
        close_staff(rig)


def test_the_desk_follows_the_systems_text_size_and_high_contrast(qtbot, tmp_path) -> None:
    from PySide6.QtGui import QFontInfo

    from ui.theme import row_px, stylesheet, text_scale

    from .staff_rig import close_staff, make_staff

    assert text_scale(9.0, 9.0) == 1.0 and text_scale(13.5, 9.0) == 1.5
    assert text_scale(7.0, 9.0) == 1.0 and text_scale(40.0, 9.0) == 2.0  # never smaller
    assert row_px(1.5) > row_px(1.0)
    high = stylesheet(high_contrast=True)
    assert "#FFE600" in high and "#C9D1D9" not in high  # strong lines, a yellow selection
    app = QApplication.instance()
    before = app.property("system_font_pt")
    from gui.start import USUAL_SYSTEM_PT

    app.setProperty("system_font_pt", USUAL_SYSTEM_PT * 1.5)  # "make text bigger": 150 %
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        rig = make_staff(qtbot, tmp_path / "desk")
        try:
            rig.sign_in("guide.zhang")
            _morning(rig)
            w = rig.window
            assert w.text_scale == 1.5
            label = w.board_page.count
            assert QFontInfo(label.font()).pixelSize() >= 23  # 16 px × 1.5
            assert w.board_page.table.verticalHeader().defaultSectionSize() == row_px(1.5)
            assert w.grab().save(str(shots / "staff-board-large-text.png"))
        finally:
            close_staff(rig)
    finally:
        app.setProperty("system_font_pt", before)
