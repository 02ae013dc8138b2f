"""The follow-up page as a caller uses it: a Monday morning's list of Friday's patients worked by
keyboard — one call completed with a note, one not answered, one wrong number then the family's
landline — and the page rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR keeps the
pictures), with no English left on a Chinese screen and nothing cut off."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.clock import FixedClock
from app.services import Actor, registration, visits
from app.services.registration import PatientForm, VisitForm
from ui.dialogs import ExcludeDialog

from .staff_rig import TZ, StaffRig, close_staff, make_staff
from .test_staff_design import _cut_off, _english_left, _texts

FRIDAY = dt.datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
PATIENTS = (("赵强", "13611112222"), ("钱芳", "13611113333"), ("孙丽", "13611114444"))


def _friday_patients(rig: StaffRig) -> None:
    """Three outpatients seen and gone on Friday: on Monday they are called."""
    b = rig.backend
    rig.clock.at = FRIDAY
    with b.db.reading() as s:
        from sqlalchemy import select

        from app.models import Department, Staff

        guide = s.scalars(select(Staff.id).where(Staff.username == "guide.wang")).one()
        im = s.scalars(select(Department.id).where(Department.code == "IM")).one()
    actor = Actor(b.device_id, guide, "一楼导医台")
    with b.db.session() as s:
        for name, phone in PATIENTS:
            reg = registration.register_arrival(
                s,
                PatientForm(name, "F", 60, phone, "", "walk_in"),
                VisitForm(purpose="consultation", department_id=im),
                actor,
                rig.clock,
            )
            visits.move(s, reg.visit_id, "waiting", actor, rig.clock, b.machine)
            visits.move(s, reg.visit_id, "departed", actor, rig.clock, b.machine)
    rig.clock.at = MONDAY


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_staff(qtbot, tmp_path / "desk", clock=FixedClock(tz=TZ, at=MONDAY))
    yield r
    close_staff(r)


def _alt(rig: StaffRig, digit: int) -> None:
    rig.key(
        rig.window.followup_page, getattr(Qt.Key, f"Key_{digit}"), Qt.KeyboardModifier.AltModifier
    )


def _choose(rig: StaffRig, name: str) -> None:
    page = rig.window.followup_page
    for r in range(page.table.rowCount()):
        if page.table.item(r, 1).text() == name:
            page.table.clearSelection()
            page.table.selectRow(r)
            rig.settle()
            assert page.detail is not None and page.detail.person == name
            return
    raise AssertionError(f"{name} is not on the list")


def test_a_mornings_calls_by_keyboard(rig: StaffRig) -> None:
    _friday_patients(rig)
    rig.sign_in("followup.huang")
    w = rig.window
    rig.key(w, Qt.Key.Key_F6)
    page = w.followup_page
    assert w.tabs.currentWidget() is page
    assert page.table.rowCount() == 3 and "3 条待回访" in page.counts.text()
    _choose(rig, "赵强")  # nobody holds it yet: no number shown, nothing to press
    assert page.detail.numbers == ("136****2222",) and not page.buttons["completed"].isEnabled()
    assert page.take.isVisible() and not page.dial.isVisible()
    rig.key(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # take the next calls
    assert page.only_mine.isChecked() and "3 条归我" in page.counts.text()

    _choose(rig, "赵强")  # reached: the call done, with what was said and the survey
    assert "请拨打：13611112222" in page.dial.text()
    # the script: who calls and why, then the department's own questions
    assert "示范综合医院客服中心" in page.script.text() and "11月20日" in page.script.text()
    assert "血压" in page.script.text() and page.script.isVisible()
    first = page.detail.task_id
    rig.type(page.note, "恢复良好，对导医服务满意")
    assert page.survey.isVisible()
    rig.key(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    for digit in "55453":  # one rating per key, on to the next by itself
        rig.qtbot.keyClicks(QApplication.focusWidget(), digit)
    assert QApplication.focusWidget() is page.survey.ratings["recommend"]
    rig.qtbot.keyClicks(QApplication.focusWidget(), "9")
    _alt(rig, 1)
    done = rig.backend.call_detail(w.who, first)
    assert done.state == "completed" and done.steps[-1].note == "恢复良好，对导医服务满意"
    with rig.backend.db.reading() as s:
        from app.models import SurveyResponse

        answer = s.scalars(select(SurveyResponse)).one()
    assert answer.mode == "phone" and answer.answers["fees"] == 4
    assert answer.answers["recommend"] == 9 and page.survey.answers() == {}
    assert page.table.rowCount() == 2  # a done call leaves the list; the next one is open
    assert page.detail.task_id != first and page.detail.state == "open"

    _choose(rig, "钱芳")  # no answer: one failure of three, one time of day
    _alt(rig, 2)
    assert page.detail.state == "open" and page.detail.failures == 1
    assert "已拨打失败 1 次，须 3 次" in page.rule.text()
    assert not page.close_unreachable.isEnabled()

    _choose(rig, "孙丽")  # the wrong person: that number is ruled out …
    _alt(rig, 7)
    assert page.detail.numbers == () and page.detail.next_number is None
    assert not page.buttons["completed"].isEnabled()  # no number left to dial
    rig.type(page.new_number, "010-6512 3456")  # … the family's landline
    rig.click(page.add_number)
    assert page.detail.next_number == "01065123456"
    assert "<s>13611114444</s>" in page.numbers.text()
    third = page.detail.task_id
    _alt(rig, 1)
    assert rig.backend.call_detail(w.who, third).state == "completed"
    assert page.table.rowCount() == 1 and "1 条待回访" in page.counts.text()
    assert page.detail.person == "钱芳"  # the one left: call again later in the day


def test_a_bad_number_is_refused_in_words_and_nothing_is_kept(rig: StaffRig) -> None:
    _friday_patients(rig)
    rig.sign_in("followup.huang")
    rig.key(rig.window, Qt.Key.Key_F6)
    page = rig.window.followup_page
    _choose(rig, "赵强")
    rig.key(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # take this call
    assert page.detail.mine and "由您回访" in page.hold.text()
    rig.type(page.new_number, "12ab")
    rig.click(page.add_number)
    assert "带区号的座机号" in page.error.text()
    assert page.detail.numbers == ("13611112222",)


def test_a_lead_gives_calls_in_bulk_and_only_the_caller_sees_the_numbers(rig: StaffRig) -> None:
    _friday_patients(rig)
    rig.sign_in("director.sun")
    rig.key(rig.window, Qt.Key.Key_F6)
    page = rig.window.followup_page
    assert page.assign.isVisible() and page.assign_to.findText("许晴") >= 0
    for name, rows in (("外科", 0), ("内科", 3)):  # the calls of one department
        page.department.setCurrentIndex(page.department.findText(name))
        page.department.activated.emit(page.department.currentIndex())
        rig.settle()
        assert page.table.rowCount() == rows
    page.table.selectAll()  # all three, to one caller
    page.assign_to.setCurrentIndex(page.assign_to.findText("许晴"))
    rig.click(page.assign)
    cells = [page.table.item(r, 6).text() for r in range(page.table.rowCount())]
    assert cells == ["许晴"] * 3
    assert page.detail.numbers[0].startswith("136****") and "已分派给许晴" in page.hold.text()
    assert not page.buttons["completed"].isEnabled() and page.give_back.isVisible()
    director = rig.window.who
    task_id = page.detail.task_id

    rig.window.sign_out()
    rig.sign_in("followup.xu")  # the caller given them: her calls, with the numbers
    rig.key(rig.window, Qt.Key.Key_F6)
    rig.key(page, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert page.only_mine.isChecked() and page.table.rowCount() == 3
    assert page.detail.mine and page.dial.isVisible() and "****" not in page.dial.text()
    # each hold's first showing of the numbers is recorded, once
    caller = rig.window.who
    rig.backend.call_detail(caller, page.detail.task_id)
    steps = rig.backend.call_detail(director, page.detail.task_id).steps
    assert [s.kind for s in steps] == ["assigned", "revealed"] and steps[1].staff_name == "许晴"
    assert task_id in {page._task_at(r) for r in range(3)}


def test_a_guide_has_no_follow_up_page(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    assert not rig.window.tabs.isTabVisible(rig.window.tabs.indexOf(rig.window.followup_page))
    rig.key(rig.window, Qt.Key.Key_F6)
    assert rig.window.tabs.currentWidget() is not rig.window.followup_page


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_the_follow_up_page_rendered_and_checked(qtbot, tmp_path: Path, language: str) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(
        qtbot, tmp_path / "desk", language=language, clock=FixedClock(tz=TZ, at=MONDAY)
    )
    problems: list[str] = []

    def shot(name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        path = shots / f"staff-{name}-{language}.png"
        assert widget.grab().save(str(path)), path
        if language != "en":
            problems.extend(f"{name}: English left: {t!r}" for t in _english_left(_texts(widget)))
        problems.extend(f"{name}: cut off: {t}" for t in _cut_off(widget))

    try:
        _friday_patients(rig)
        rig.sign_in("followup.huang")
        rig.key(rig.window, Qt.Key.Key_F6)
        _choose(rig, "孙丽")
        shot("followup-free", rig.window)
        rig.key(rig.window.followup_page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        _choose(rig, "钱芳")
        _alt(rig, 2)
        shot("followup", rig.window)
    finally:
        close_staff(rig)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_the_figures_on_a_monday_morning(qtbot, tmp_path: Path, language: str) -> None:
    """Monday 09:00: the summary due by 18:00 is flagged; the figures count the morning's one
    completed call of three, with the phone survey's ratings, the same in every language."""
    from ui.followup_figures import FollowUpFigures

    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(
        qtbot, tmp_path / "desk", language=language, clock=FixedClock(tz=TZ, at=MONDAY)
    )
    try:
        _friday_patients(rig)
        rig.sign_in("followup.huang")
        rig.key(rig.window, Qt.Key.Key_F6)
        page = rig.window.followup_page
        assert page.monday.isVisible()
        rig.key(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        _choose(rig, "赵强")
        rig.key(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        for digit in ("5", "5", "4", "5", "3", "10"):
            rig.qtbot.keyClicks(QApplication.focusWidget(), digit)
        _alt(rig, 1)
        dialog = FollowUpFigures(rig.window, "today", parent=page)
        rig.settle()
        row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
        assert row[1:7] == ["3", "1", "0", "0", "0", "0"]
        assert row[7] == "33% (1/3)" and row[10] == "80% (4/5)"
        assert "33% (1/3)" in dialog.as_text()
        dialog.show()
        QApplication.processEvents()
        assert dialog.grab().save(str(shots / f"staff-followup-figures-{language}.png"))
        if language != "en":
            assert _english_left(_texts(dialog)) == []
        assert _cut_off(dialog) == []
    finally:
        close_staff(rig)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_an_exclusion_is_signed_off_by_a_lead_on_this_desk(
    qtbot, tmp_path: Path, language: str
) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(
        qtbot, tmp_path / "desk", language=language, clock=FixedClock(tz=TZ, at=MONDAY)
    )
    try:
        _friday_patients(rig)
        rig.sign_in("followup.huang")
        rig.key(rig.window, Qt.Key.Key_F6)
        page = rig.window.followup_page
        _choose(rig, "孙丽")
        rig.key(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        excluded = page.detail.task_id
        rig.click(page.exclude)
        dialog = next(d for d in page.findChildren(ExcludeDialog) if d.isVisible())
        rig.type(dialog.reason, "已再次住院")
        rig.type(dialog.lead, "guide.wang")  # a guide cannot sign it off
        rig.type(dialog.password, "demo-1234")
        dialog.submit()
        rig.settle()
        assert dialog.isVisible() and dialog.error.isVisible()
        assert page.detail.state == "open"
        dialog.lead.setText("director.sun")
        dialog.password.setText("wrong")
        dialog.submit()
        rig.settle()
        assert dialog.isVisible() and page.detail.state == "open"  # a wrong password: no
        shot = dialog.grab()
        assert shot.save(str(shots / f"staff-followup-exclude-{language}.png"))
        if language != "en":
            assert _english_left(_texts(dialog)) == []
        dialog.password.setText("demo-1234")
        dialog.submit()
        rig.settle()
        assert not [d for d in page.findChildren(ExcludeDialog) if d.isVisible()]  # closed
        steps = rig.backend.call_detail(rig.window.who, excluded).steps
        assert steps[-1].kind == "excluded"
        assert page.table.rowCount() == 2  # off the list
    finally:
        close_staff(rig)


def test_the_servers_word_on_a_lost_call_is_said_on_the_page(rig: StaffRig) -> None:
    from app.sync.status import Clash, Refusal, SyncStatus

    rig.sign_in("followup.huang")
    lost = Refusal("m-1", "conflict", clashes=(Clash("call_claimed_by_other", holder_name="许晴"),))
    rig.window.sync_status(SyncStatus(online=True, conflicts=(lost,)))
    assert "许晴先领取了那个回访" in rig.window.followup_page.error.text()
