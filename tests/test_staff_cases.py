"""The cases page as people use it: a consultant takes a phone enquiry, promises a call-back and
keeps it, by keyboard; a duty lead works a complaint with its clocks on screen; every case
screen rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR keeps the pictures), with no
English left on a Chinese screen and nothing cut off."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from ui import case_words as words
from ui.case_dialogs import NewCaseDialog, StepDialog

from .staff_rig import StaffRig, close_staff, make_staff
from .test_staff_design import _cut_off, _english_left, _texts


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_staff(qtbot, tmp_path / "desk")
    yield r
    close_staff(r)


def _closed(dialog: object) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _ctrl_enter(rig: StaffRig, widget: QWidget) -> None:
    rig.key(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _menu_step(rig: StaffRig, text: str) -> None:
    page = rig.window.cases_page
    [action] = [a for a in page.menu.actions() if a.text() == text]
    action.trigger()
    rig.settle()


def test_a_phone_enquiry_to_its_call_back_by_keyboard(rig: StaffRig) -> None:
    rig.sign_in("consult.liu")
    w = rig.window
    rig.key(w, Qt.Key.Key_F5)
    page = w.cases_page
    assert w.tabs.currentWidget() is page
    rig.key(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = rig.dialog(NewCaseDialog)
    assert dialog.kind.currentData() == "enquiry" and dialog.channel.currentData() == "phone"
    assert QApplication.focusWidget() is dialog.summary  # type at once
    _ctrl_enter(rig, dialog.summary)  # nothing typed: refused, nothing lost
    assert not _closed(dialog) and "事由" in dialog.error.text()
    rig.type(dialog.summary, "周六有没有儿科门诊？")
    rig.type(dialog.contact_phone, "010-65123456")
    _ctrl_enter(rig, dialog.summary)
    assert _closed(dialog), dialog.error.text()
    case = page.detail
    assert case is not None and case.summary == "周六有没有儿科门诊？"
    assert case.contact_phone == "01065123456" and case.state == "new"  # digits kept
    assert page.table.rowCount() == 1 and "1 件未结" in page.counts.text()

    _menu_step(rig, "承诺回电")
    step = rig.dialog(StepDialog)
    rig.type(step.focusWidget() or step, "查询排班后回电")
    _ctrl_enter(rig, step)
    assert _closed(step)
    assert page.detail.state == "awaiting_callback"
    assert "回电：剩余 30 分钟" in page.clocks.text()

    rig.clock.at += dt.timedelta(minutes=20)
    _ctrl_enter(rig, page)  # the next step: the answer
    answer = rig.dialog(StepDialog)
    assert answer.kind == "answered"
    rig.type(answer.focusWidget() or answer, "周六上午有儿科门诊")
    _ctrl_enter(rig, answer)
    assert _closed(answer)
    assert "回电：按时完成" in page.clocks.text()
    rig.click(page.next)  # 当事人满意: no question asked
    assert page.detail.state == "satisfied"
    _ctrl_enter(rig, page)
    close = rig.dialog(StepDialog)
    _ctrl_enter(rig, close)
    assert page.detail.state == "closed" and page.table.rowCount() == 0


def test_a_guide_is_offered_only_the_steps_a_guide_may_take(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    w = rig.window
    rig.key(w, Qt.Key.Key_F5)
    page = w.cases_page
    rig.key(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = rig.dialog(NewCaseDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("complaint"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("on_site"))
    rig.type(dialog.summary, "候诊两小时无人告知")
    _ctrl_enter(rig, dialog.summary)
    assert page.detail.next_action == "apologised"
    assert page.next.text().startswith("已致歉并说明")
    assert "派单：剩余 1 小时 0 分钟" in page.clocks.text()
    offered = {a.text() for a in page.menu.actions()}
    assert "派发给科室" in offered
    assert offered.isdisjoint({"结案", "延长期限", "更正一步", "重新开启"})  # a lead's steps


def test_resolving_a_kiosk_complaint_call_opens_its_case(rig: StaffRig) -> None:
    from app.services import Actor, assistance, survey

    rig.sign_in("guide.wang")
    kiosk = Actor("kiosk-1")
    with rig.backend.db.session() as s:
        rated = dict.fromkeys(
            ("medical_quality", "service_attitude", "fees", "environment", "service_philosophy"), 2
        )
        done = survey.submit(
            s,
            kiosk,
            rig.clock,
            survey.current(s),
            {**rated, "recommend": 1, "comment": "收费处排队太久"},
            language="zh_CN",
            complaint_marked=True,
        )
        call = assistance.call_guide(
            s,
            kiosk,
            rig.clock,
            location="门诊大厅自助机",
            language="zh_CN",
            reason="complaint",
            survey_response_id=done.response_id,
        )
    w = rig.window
    w.calls.resolve(call.request_id)  # 已解决 on the call panel
    rig.settle()
    rig.key(w, Qt.Key.Key_F5)
    page = w.cases_page
    rig.settle()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "收费处排队太久"
    assert page.table.item(0, 1).text() == "投诉"
    # … and on to "satisfied", the next step each time by Ctrl+Enter
    page.table.selectRow(0)
    rig.settle()
    assert page.detail.received_at == call.created_at  # the kiosk's promise: its clocks
    _ctrl_enter(rig, page)  # apologised and explained: nothing to ask
    assert page.detail.state == "acknowledged"
    for kind, said in (
        ("dispatched", ["收费处"]),
        ("investigated", ["属实：午间只开一个窗口"]),
        ("solution", ["收费处", "午间增开窗口，高峰时段引导自助缴费"]),
        ("feedback", ["电话告知"]),
    ):
        _ctrl_enter(rig, page)
        step = rig.dialog(StepDialog)
        assert step.kind == kind
        _fill(rig, step, said)
        _ctrl_enter(rig, step)
        assert _closed(step), step.error.text()
    assert page.next.text().startswith("当事人满意")
    _ctrl_enter(rig, page)
    assert page.detail.state == "satisfied" and page.detail.satisfied is True
    assert "反馈（法定）：按时完成" in page.clocks.text()


def _fill(rig: StaffRig, dialog: StepDialog, said: list[str]) -> None:
    """Answer a step's questions as a person would: the first department offered, then the
    text boxes in order."""
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit

    fields = [
        dialog.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        for row in range(dialog.form.rowCount())
    ]
    widgets = [f.widget() for f in fields if f is not None and f.widget() is not None]
    for box in widgets:
        if isinstance(box, QComboBox) and box.currentData() is None and box.count() > 1:
            box.setCurrentIndex(1)
    edits = [w for w in widgets if isinstance(w, QLineEdit | QPlainTextEdit)]
    for edit, text in zip(edits, said, strict=False):
        rig.type(edit, text)


def _complaint_on_screen(rig: StaffRig) -> None:
    """A complaint dispatched late, with its clocks, as a duty lead sees it."""
    from app.case_desk import CaseForm

    who = rig.window.who
    b = rig.backend
    detail = b.open_case(
        who,
        CaseForm(
            kind="complaint",
            channel="on_site",
            summary="候诊两小时无人告知，要求科室道歉",
            content="在内科候诊两个小时，没有人告诉我还要等多久。",
            demand="科室当面道歉，说明原因",
            contact_name="李雷",
            contact_phone="13800138000",
        ),
    )
    im = next(k for k, v in detail.departments.items() if v[0] == "内科")
    b.case_step(who, detail.case_id, "apologised", {})
    # a second complaint nobody answered: its promise to reply breaks at 09:30
    b.open_case(who, CaseForm(kind="complaint", channel="phone", summary="停车场收费不透明"))
    rig.clock.at += dt.timedelta(minutes=75)
    b.case_step(who, detail.case_id, "dispatched", {"department_id": im, "person": "赵敏"})
    b.open_case(who, CaseForm(kind="enquiry", channel="phone", summary="能否改约到下周一？"))
    b.open_case(who, CaseForm(kind="praise", channel="letter", summary="感谢王芳耐心陪同"))


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_every_case_screen_rendered_and_checked(qtbot, tmp_path: Path, language: str) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    problems: list[str] = []

    def shot(name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        path = shots / f"staff-{name}-{language}.png"
        assert widget.grab().save(str(path)), path
        if language != "en":  # the words, not the markup of the clocks' colours
            texts = [re.sub(r"<[^>]+>", " ", t) for t in _texts(widget)]
            problems.extend(f"{name}: English left: {t!r}" for t in _english_left(texts))
        problems.extend(f"{name}: cut off: {t}" for t in _cut_off(widget))

    try:
        rig.sign_in("guide.zhang")
        w = rig.window
        _complaint_on_screen(rig)
        rig.key(w, Qt.Key.Key_F5)
        page = w.cases_page
        page.all.click()
        rig.settle()
        page.table.selectRow(0)
        rig.settle()
        assert page.detail is not None and page.detail.kind == "complaint"
        w.case_alarm.check()  # the duty lead: a promise to reply broke 45 minutes ago
        rig.settle()
        assert w.case_alarm.isVisible()
        shot("cases", w)
        page.kind.setCurrentIndex(page.kind.findData("praise"))  # the filters narrow the list
        rig.settle()
        assert page.table.rowCount() == 1
        page.kind.setCurrentIndex(0)
        page.state.setCurrentIndex(page.state.findData("dispatched"))
        rig.settle()
        assert page.table.rowCount() == 1
        page.state.setCurrentIndex(0)
        page.track.setCurrentIndex(page.track.findData("standard"))
        rig.settle()
        assert page.table.rowCount() == 2  # the complaints; enquiries and praise have no track
        page.track.setCurrentIndex(0)
        rig.settle()
        rig.key(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        dialog = rig.dialog(NewCaseDialog)
        shot("case-new", dialog)
        dialog.reject()
        rig.settle()
        _menu_step(rig, page.menu.actions()[3].text())  # record the solution
        step = rig.dialog(StepDialog)
        shot("case-step", step)
        step.reject()
        rig.settle()
        enquiry = next(
            r
            for r in range(page.table.rowCount())
            if page.table.item(r, 2).text() == "能否改约到下周一？"
        )
        page.table.selectRow(enquiry)
        rig.settle()
        refer = words.steps()["referred"]
        _menu_step(rig, refer)
        step = rig.dialog(StepDialog)
        ped = next(k for k, v in page.detail.departments.items() if v[0] == "儿科")
        [combo] = [c for c in step.findChildren(QComboBox) if c.findData(ped) >= 0]
        combo.setCurrentIndex(combo.findData(ped))  # the department chosen: its number shown
        rig.settle()
        assert "0755-88002121" in " ".join(_texts(step))
        shot("case-refer", step)
        step.reject()
        rig.settle()
    finally:
        close_staff(rig)
    assert problems == [], "\n".join(problems)


def test_the_board_marks_a_patient_with_an_open_complaint(rig: StaffRig) -> None:
    from app.case_desk import CaseForm
    from app.services.registration import PatientForm, VisitForm

    rig.sign_in("guide.zhang")  # a duty lead: may close a complaint
    w, b = rig.window, rig.backend
    result, update = b.register(
        w.who,
        PatientForm("赵小明", "M", 70, "13912345678", "朝阳区", "phone"),
        VisitForm(purpose="consultation"),
    )
    w.model.apply(update.rows, update.gone)
    row = w.model.row_of(result.visit_id)
    assert "投诉" not in w.model.flags_text(row)
    case = b.open_case(
        w.who,
        CaseForm(
            kind="complaint",
            channel="on_site",
            summary="挂号等候过久",
            visit_id=result.visit_id,
            patient_id=result.patient_id,
        ),
    )
    w.reload_board()
    rig.settle()
    assert "⚑ 投诉处理中" in w.model.flags_text(w.model.row_of(result.visit_id))
    b.case_step(w.who, case.case_id, "closed", {"causes": "高峰时段窗口不足"})
    w.reload_board()
    rig.settle()
    assert "投诉" not in w.model.flags_text(w.model.row_of(result.visit_id))


def test_an_escalated_complaint_alarms_the_duty_lead_then_the_director(rig: StaffRig) -> None:
    from app.case_desk import CaseForm

    rig.sign_in("guide.wang")
    w = rig.window
    case = rig.backend.open_case(  # 09:00: tell them how and when by 09:30
        w.who, CaseForm(kind="complaint", channel="on_site", summary="收费处多收挂号费")
    )
    rig.click(w.switch_button)

    def signed_in_as(username: str) -> None:
        rig.sign_in(username)
        w.case_alarm.check()
        rig.settle()

    rig.clock.at += dt.timedelta(minutes=20)
    signed_in_as("guide.zhang")  # the duty lead: nothing has breached yet
    assert not w.case_alarm.isVisible() and w.case_alarm.sounds == 0
    rig.clock.at += dt.timedelta(minutes=11)  # 09:31: the promise is broken
    w.case_alarm.check()
    rig.settle()
    assert w.case_alarm.isVisible() and w.case_alarm.sounds == 1
    assert w.case_alarm.text() == "⚠ 1 件升级工单等您处理"
    w.case_alarm.check()  # heard once, not again and again
    rig.settle()
    assert w.case_alarm.sounds == 1
    rig.click(w.case_alarm)
    assert w.tabs.currentWidget() is w.cases_page
    assert w.cases_page.detail.case_id == case.case_id and w.cases_page.all.isChecked()
    rig.click(w.switch_button)

    signed_in_as("director.sun")  # the director hears from the second level, an hour on
    assert not w.case_alarm.isVisible()
    rig.clock.at += dt.timedelta(hours=1)
    w.case_alarm.check()
    rig.settle()
    assert w.case_alarm.isVisible() and w.case_alarm.sounds == 2  # once more, for the director
    rig.click(w.switch_button)

    signed_in_as("guide.wang")  # a guide is never alarmed: the list shows the escalation
    assert not w.case_alarm.isVisible()
